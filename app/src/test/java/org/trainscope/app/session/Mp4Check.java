package org.trainscope.app.session;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;

/**
 * Checks of an MP4 file that do not trust the writer: its top-level boxes read from the bytes, its frames decoded
 * by jcodec's own H.264 decoder, and — where ffprobe (FFmpeg) is installed — what a real player's demuxer and
 * decoder make of it.
 */
final class Mp4Check {
    private static final int FFPROBE_TIMEOUT_S = 60;

    private Mp4Check() {
    }

    /** The types of the top-level boxes, in order (each box: a 32-bit big-endian size, then a 4-character type). */
    static List<String> topLevelBoxes(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
        List<String> types = new ArrayList<>();
        while (bytes.remaining() >= 8) {
            int start = bytes.position();
            long size = bytes.getInt() & 0xFFFFFFFFL;
            byte[] type = new byte[4];
            bytes.get(type);
            if (size == 1) {
                size = bytes.getLong(); // a 64-bit size follows the type
            } else if (size == 0) {
                size = bytes.capacity() - start; // to the end of the file
            }
            types.add(new String(type, StandardCharsets.US_ASCII));
            if (size < 8 || start + size > bytes.capacity()) {
                throw new IOException("box " + types.get(types.size() - 1) + " of size " + size + " at " + start
                        + " does not fit in " + bytes.capacity() + " bytes");
            }
            bytes.position((int) (start + size));
        }
        if (bytes.hasRemaining()) {
            throw new IOException(bytes.remaining() + " stray bytes after the last box");
        }
        return types;
    }

    /** Every frame, decoded by jcodec (YUV 4:2:0, samples stored minus 128). */
    static List<Picture> decode(Path file) throws IOException, JCodecException {
        List<Picture> frames = new ArrayList<>();
        try (FileChannelWrapper in = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            for (Picture p = grab.getNativeFrame(); p != null; p = grab.getNativeFrame()) {
                frames.add(p.cloneCropped());
            }
        }
        return frames;
    }

    /** A sample of a decoded picture's plane (0 Y, 1 Cb, 2 Cr) at (x, y) in that plane, 0–255. */
    static int sample(Picture p, int plane, int x, int y) {
        return p.getPlaneData(plane)[y * p.getPlaneWidth(plane) + x] + 128;
    }

    /** ffprobe's view of the first video stream (decoding every frame to count them), if ffprobe is installed. */
    static Optional<Map<String, String>> ffprobe(Path file) throws IOException, InterruptedException {
        Optional<Path> ffprobe = onPath("ffprobe");
        if (ffprobe.isEmpty()) {
            return Optional.empty();
        }
        Process p = new ProcessBuilder(ffprobe.get().toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,profile,width,height,pix_fmt,nb_frames,nb_read_frames,r_frame_rate,"
                        + "color_range,color_space,color_primaries,color_transfer",
                "-of", "default=noprint_wrappers=1", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(FFPROBE_TIMEOUT_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffprobe failed: " + out);
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : out.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return Optional.of(fields);
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
