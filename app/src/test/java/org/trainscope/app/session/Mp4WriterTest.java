package org.trainscope.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video encoder: its colour conversion against the standard's table, and its files against two decoders. */
class Mp4WriterTest {
    private static final int W = 320;
    private static final int H = 240;
    /** Flat patches: a grey, the heatmap's pale and dark ends, the first optimizer's orange. */
    private static final int[] PATCHES = {0x808080, 0xE9ECF1, 0x0E1320, 0xE69F00};

    @TempDir
    Path dir;

    /**
     * 100 % colour bars in 8-bit BT.709 video range (ITU-R BT.709-6 with the quantization of Rec. BT.1361 / SMPTE
     * RP 219): white, yellow, cyan, green, magenta, red, blue, black → (Y, Cb, Cr).
     */
    @Test
    void coloursConvertAsBt709ColourBars() {
        int[] rgb = {0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00, 0xFF00FF, 0xFF0000, 0x0000FF, 0x000000};
        int[][] ycbcr = {{235, 128, 128}, {219, 16, 138}, {188, 154, 16}, {173, 42, 26}, {78, 214, 230}, {63, 102, 240},
            {32, 240, 118}, {16, 128, 128}};
        for (int i = 0; i < rgb.length; i++) {
            assertEquals(List.of(ycbcr[i][0], ycbcr[i][1], ycbcr[i][2]), yuvOf(rgb[i]), Integer.toHexString(rgb[i]));
        }
    }

    /** Four frames of flat patches come back with the samples written, within the quantizer's error. */
    @Test
    void framesDecodeToTheSamplesWritten() throws Exception {
        BufferedImage frame = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                frame.setRGB(x, y, PATCHES[x * PATCHES.length / W]);
            }
        }
        Path file = dir.resolve("patches.mp4");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             Mp4Writer mp4 = new Mp4Writer(out, 30, W, H)) {
            for (int i = 0; i < 4; i++) {
                mp4.append(frame);
            }
            mp4.finish();
        }
        List<String> boxes = Mp4Check.topLevelBoxes(file);
        assertEquals("ftyp", boxes.get(0));
        assertTrue(boxes.contains("mdat") && boxes.contains("moov"), "the media data and its index: " + boxes);

        List<Picture> frames = Mp4Check.decode(file);
        assertEquals(4, frames.size());
        for (Picture p : frames) {
            assertEquals(W, p.getWidth());
            assertEquals(H, p.getHeight());
            for (int k = 0; k < PATCHES.length; k++) {
                int x = (2 * k + 1) * W / (2 * PATCHES.length); // the middle of patch k
                List<Integer> expected = yuvOf(PATCHES[k]);
                List<Integer> decoded = List.of(Mp4Check.sample(p, 0, x, H / 2), Mp4Check.sample(p, 1, x / 2, H / 4),
                        Mp4Check.sample(p, 2, x / 2, H / 4));
                for (int c = 0; c < 3; c++) {
                    // QP 12 quantizes a flat block's DC with a step of ~2.5: within 2 (jcodec's default QP 20/26
                    // missed Cb by 3 to 4 here, which is the purple cast this guards against)
                    assertTrue(Math.abs(decoded.get(c) - expected.get(c)) <= 2, "patch " + Integer.toHexString(PATCHES[k])
                            + ": wrote " + expected + ", decoded " + decoded);
                }
            }
        }

        Optional<Map<String, String>> probe = Mp4Check.ffprobe(file);
        if (probe.isPresent()) {
            Map<String, String> s = probe.get();
            assertEquals("h264", s.get("codec_name"), s.toString());
            assertEquals(List.of("320", "240", "4", "4"), List.of(s.get("width"), s.get("height"), s.get("nb_frames"),
                    s.get("nb_read_frames")), s.toString());
            assertEquals(List.of("30/1", "yuv420p", "tv", "bt709"), List.of(s.get("r_frame_rate"), s.get("pix_fmt"),
                    s.get("color_range"), s.get("color_space")), "tagged as what it is: " + s);
        }
    }

    /** (Y, Cb, Cr) of a flat 2×2 block of one colour. */
    private static List<Integer> yuvOf(int rgb) {
        byte[] y = new byte[4];
        byte[] cb = new byte[1];
        byte[] cr = new byte[1];
        Mp4Writer.toYuv420(new int[] {rgb, rgb, rgb, rgb}, 2, 2, y, cb, cr);
        return List.of(y[0] + 128, cb[0] + 128, cr[0] + 128);
    }
}
