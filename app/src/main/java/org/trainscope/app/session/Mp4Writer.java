package org.trainscope.app.session;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.DumbRateControl;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * An H.264 video in an MP4 file (ISO base media: ftyp, mdat, then the moov index written by {@link #finish}) with
 * jcodec's pure-Java encoder — baseline profile, 4:2:0 — which players and slide programs open. Each frame is centred
 * on a {@code width}×{@code height} picture filled with the frame's corner colour (the view's background), so a view
 * of another shape gets bars that match it.
 * <p>
 * The colours are converted here, not by jcodec's {@code SequenceEncoder}, whose RGB → YUV conversion shifts greys
 * towards purple (grey 128 came back as #7E757F): this one is ITU-R BT.709 in video range (Y 16–235, Cb/Cr 16–240),
 * and the stream says so (colour primaries, transfer and matrix 1, limited range, in the SPS's VUI), so a player need
 * not guess between BT.601 and BT.709. Not thread-safe: one encoder thread appends.
 */
final class Mp4Writer implements AnimationFormat.FrameEncoder {
    /** ITU-R BT.709 luma weights: Y′ = Kr·R′ + (1 − Kr − Kb)·G′ + Kb·B′. */
    private static final double KR = 0.2126;
    private static final double KB = 0.0722;
    private static final int BT709 = 1; // H.264 Table E-3..E-5: colour_primaries, transfer, matrix_coefficients
    private static final int UNSPECIFIED_FORMAT = 5; // Table E-2: video_format
    /** A key frame every 2 s: a player can seek to it; P frames between (jcodec's are ~45 kB each at 1080p). */
    private static final int KEY_SECONDS = 2;

    private final MP4Muxer muxer;
    private final H264Encoder encoder;
    private final int fps;
    private final BufferedImage canvas;
    private final Picture picture;
    private final ByteBuffer buffer;
    private MuxerTrack track;
    private long frameNo;

    Mp4Writer(FileChannel out, int fps, int width, int height) throws IOException {
        this.muxer = MP4Muxer.createMP4MuxerToChannel(new Unclosed(out));
        this.fps = fps;
        this.encoder = new TaggedEncoder(KEY_SECONDS * fps);
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.picture = Picture.create(width, height, ColorSpace.YUV420J); // what jcodec's encoder takes: any range
        this.buffer = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
    }

    @Override
    public void append(BufferedImage frame) throws IOException {
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(frame.getRGB(0, 0) & 0xFFFFFF));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.drawImage(frame, (canvas.getWidth() - frame.getWidth()) / 2, (canvas.getHeight() - frame.getHeight()) / 2, null);
        g.dispose();
        int[] rgb = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        toYuv420(rgb, canvas.getWidth(), canvas.getHeight(), picture.getPlaneData(0), picture.getPlaneData(1),
                picture.getPlaneData(2));
        buffer.clear();
        VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(picture, buffer);
        Packet packet = Packet.createPacket(NIOUtils.clone(encoded.getData()), frameNo, fps, 1, frameNo,
                encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null);
        if (track == null) {
            track = muxer.addVideoTrack(Codec.H264, VideoCodecMeta.createSimpleVideoCodecMeta(
                    new Size(canvas.getWidth(), canvas.getHeight()), ColorSpace.YUV420J));
        }
        track.addFrame(packet);
        frameNo++;
    }

    @Override
    public void finish() throws IOException {
        muxer.finish();
    }

    @Override
    public void close() {
        // the channel belongs to the caller; the encoder holds nothing else
    }

    /**
     * RGB to BT.709 video-range YUV 4:2:0 (chroma from the mean of each 2×2 block), as jcodec stores samples: minus
     * 128 in a signed byte. Y = 16 + 219·Y′/255, Cb = 128 + 224·(B′ − Y′)/(2(1 − Kb))/255, Cr likewise with R′, Kr.
     * Width and height are even.
     */
    static void toYuv420(int[] rgb, int width, int height, byte[] y, byte[] cb, byte[] cr) {
        double kg = 1 - KR - KB;
        for (int i = 0; i < width * height; i++) {
            int c = rgb[i];
            double luma = KR * ((c >> 16) & 255) + kg * ((c >> 8) & 255) + KB * (c & 255);
            y[i] = (byte) (Math.round(16 + luma * 219 / 255) - 128);
        }
        for (int j = 0; j < height / 2; j++) {
            for (int i = 0; i < width / 2; i++) {
                int at = 2 * j * width + 2 * i;
                int[] block = {rgb[at], rgb[at + 1], rgb[at + width], rgb[at + width + 1]};
                double r = 0;
                double g = 0;
                double b = 0;
                for (int c : block) {
                    r += ((c >> 16) & 255) / 4.0;
                    g += ((c >> 8) & 255) / 4.0;
                    b += (c & 255) / 4.0;
                }
                double luma = KR * r + kg * g + KB * b;
                cb[j * (width / 2) + i] = (byte) (Math.round(128 + (b - luma) / (2 * (1 - KB)) * 224 / 255) - 128);
                cr[j * (width / 2) + i] = (byte) (Math.round(128 + (r - luma) / (2 * (1 - KR)) * 224 / 255) - 128);
            }
        }
    }

    /** jcodec's encoder, with the colour description in its sequence parameter set (H.264 Annex E, VUI). */
    private static final class TaggedEncoder extends H264Encoder {
        TaggedEncoder(int keyInterval) {
            super(new FineQuantizer());
            setKeyInterval(keyInterval);
        }

        @Override
        public SeqParameterSet initSPS(Size size) {
            SeqParameterSet sps = super.initSPS(size);
            VUIParameters vui = new VUIParameters();
            vui.videoSignalTypePresentFlag = true;
            vui.videoFormat = UNSPECIFIED_FORMAT;
            vui.videoFullRangeFlag = false;
            vui.colourDescriptionPresentFlag = true;
            vui.colourPrimaries = BT709;
            vui.transferCharacteristics = BT709;
            vui.matrixCoefficients = BT709;
            sps.vuiParams = vui;
            return sps;
        }
    }

    /**
     * A constant quantizer of {@value #QP}, with jcodec's own guard ({@link DumbRateControl}: QP up by one for a
     * macroblock over its share of the output buffer) so a busy frame still fits. jcodec's default, QP 20 for I and
     * 26 for P frames, is blocky on text and shifts flat colours: measured on a frame of the landscape, it moved Cb
     * by +3 and Cr by +2 on average (a purple cast on the grey heatmap); at QP 12 the mean shift is 0.0 and no sample
     * is off by more than 4.
     */
    private static final class FineQuantizer implements RateControl {
        static final int QP = 12;
        private final DumbRateControl guard = new DumbRateControl();

        @Override
        public int startPicture(Size size, int maxSize, SliceType type) {
            guard.startPicture(size, maxSize, type);
            return QP;
        }

        @Override
        public int initialQpDelta() {
            return guard.initialQpDelta();
        }

        @Override
        public int accept(int bits) {
            return guard.accept(bits);
        }
    }

    /** The caller's channel, which jcodec's muxer must not close before the caller forces it to disk. */
    private static final class Unclosed extends FileChannelWrapper {
        Unclosed(FileChannel channel) throws IOException {
            super(channel);
        }

        @Override
        public void close() {
            // left open: the caller forces and closes it
        }
    }
}
