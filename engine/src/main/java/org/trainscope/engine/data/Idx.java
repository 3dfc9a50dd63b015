package org.trainscope.engine.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a pair of IDX files (LeCun's MNIST format, optionally gzipped): images with magic 0x00000803 (unsigned
 * bytes, n×rows×cols, scaled to [0, 1] by /255) and labels with magic 0x00000801 (unsigned bytes, n). A file that
 * is not IDX, has the wrong element type, is truncated or disagrees with its partner is refused with an
 * {@link IOException} whose message names the file and what is wrong.
 */
public final class Idx {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final long MAX_VALUES = 200_000_000L;

    private Idx() {
    }

    /** The labelled set from an images file and a labels file. */
    public static Dataset read(Path images, Path labels) throws IOException {
        int[] shape;
        double[] x;
        try (DataInputStream in = open(images)) {
            shape = header(in, images, IMAGES_MAGIC, 3);
            long count = (long) shape[0] * shape[1] * shape[2];
            if (count > MAX_VALUES) {
                throw new IOException(images + ": " + count + " pixels is more than this loader takes");
            }
            x = new double[(int) count];
            byte[] raw = readFully(in, (int) count, images);
            for (int i = 0; i < raw.length; i++) {
                x[i] = (raw[i] & 0xFF) / 255.0;     // unsigned byte → [0, 1]
            }
        }
        int[] y;
        try (DataInputStream in = open(labels)) {
            int[] lshape = header(in, labels, LABELS_MAGIC, 1);
            if (lshape[0] != shape[0]) {
                throw new IOException(labels + ": " + lshape[0] + " labels for " + shape[0] + " images in " + images);
            }
            byte[] raw = readFully(in, lshape[0], labels);
            y = new int[raw.length];
            int max = 0;
            for (int i = 0; i < raw.length; i++) {
                y[i] = raw[i] & 0xFF;
                max = Math.max(max, y[i]);
            }
            if (max > 9) {
                throw new IOException(labels + ": label " + max + " found; expected digit labels 0..9");
            }
        }
        return new Dataset(images.getFileName().toString(), x, y, shape[1] * shape[2], 10);
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        InputStream in = Files.newInputStream(file);
        byte[] head = in.readNBytes(2);
        in.close();
        InputStream raw = Files.newInputStream(file);
        if (head.length == 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            raw = new GZIPInputStream(raw);
        }
        return new DataInputStream(new java.io.BufferedInputStream(raw));
    }

    private static int[] header(DataInputStream in, Path file, int magic, int dims) throws IOException {
        int m;
        try {
            m = in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + ": too short for an IDX header (truncated?)");
        }
        if ((m >>> 16) != 0) {
            throw new IOException(file + ": not an IDX file (magic 0x" + Integer.toHexString(m) + ")");
        }
        if (m != magic) {
            throw new IOException(file + ": IDX magic 0x" + String.format("%08x", m) + ", expected 0x"
                    + String.format("%08x", magic) + " (unsigned bytes, " + dims + " dimension" + (dims > 1 ? "s" : "") + ")");
        }
        int[] shape = new int[dims];
        for (int i = 0; i < dims; i++) {
            try {
                shape[i] = in.readInt();
            } catch (EOFException e) {
                throw new IOException(file + ": header ends inside the dimensions (truncated?)");
            }
            if (shape[i] < 1) {
                throw new IOException(file + ": dimension " + (i + 1) + " is " + shape[i]);
            }
        }
        return shape;
    }

    private static byte[] readFully(DataInputStream in, int count, Path file) throws IOException {
        byte[] raw = new byte[count];
        int got = in.readNBytes(raw, 0, count);
        if (got < count) {
            throw new IOException(file + ": truncated: " + got + " of " + count + " data bytes");
        }
        if (in.read() != -1) {
            throw new IOException(file + ": trailing bytes after the " + count + " data bytes");
        }
        return raw;
    }
}
