package org.trainscope.app.session;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One palette for a whole GIF animation — at most {@value #COLOURS} colours and a transparent slot — chosen from a
 * few sample frames. The UI's flat colours (backgrounds, text, the optimizers' colours: each covers many pixels) are
 * kept exactly; the rest (the heatmap's ramp, anti-aliased edges) is quantized by median cut (Heckbert 1982) with
 * Wu's criterion (1991): split the box with the largest squared error, at the cut that leaves the least. A colour
 * maps to its nearest entry (squared RGB distance). Immutable but for a cache of those look-ups: one encoder
 * thread uses it.
 */
final class GifPalette {
    /** Colours in the palette; index {@value #TRANSPARENT} is left for "unchanged since the previous frame". */
    static final int COLOURS = 255;
    static final int TRANSPARENT = 255;
    /** A colour on at least this share of the sampled pixels is one of the UI's flat colours, kept exactly. */
    static final double FLAT_SHARE = 5e-4;
    /** At most this many flat colours: the rest of the palette is left for gradients. */
    static final int MAX_FLAT = 96;
    /** Sampled pixels at most (a grid over the samples), so that a 4K view costs what a laptop's does. */
    private static final int MAX_SAMPLES = 1 << 21;
    private static final int CACHE_BITS = 16;

    private final int[] colours;
    private final int flat;
    private final int[] cacheKeys = new int[1 << CACHE_BITS]; // rgb | 1 << 24, 0 when empty
    private final byte[] cacheIndices = new byte[1 << CACHE_BITS];

    private GifPalette(int[] colours, int flat) {
        this.colours = colours;
        this.flat = flat;
    }

    /** The palette for frames like {@code samples}. */
    static GifPalette of(List<BufferedImage> samples) {
        long total = 0;
        for (BufferedImage image : samples) {
            total += (long) image.getWidth() * image.getHeight();
        }
        int stride = (int) Math.max(1, (total + MAX_SAMPLES - 1) / MAX_SAMPLES);
        int[] pixels = new int[(int) Math.min(total, MAX_SAMPLES + samples.size())];
        int n = 0;
        for (BufferedImage image : samples) {
            int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            for (int i = 0; i < rgb.length && n < pixels.length; i += stride) {
                pixels[n++] = rgb[i] & 0xFFFFFF;
            }
        }
        Arrays.sort(pixels, 0, n);
        // distinct colours and how many pixels have each
        int[] distinct = new int[n];
        long[] counts = new long[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (d == 0 || distinct[d - 1] != pixels[i]) {
                distinct[d++] = pixels[i];
            }
            counts[d - 1]++;
        }
        return of(Arrays.copyOf(distinct, d), Arrays.copyOf(counts, d), n);
    }

    /** The palette for a histogram: distinct colours, their pixel counts and the number of pixels. */
    private static GifPalette of(int[] distinct, long[] counts, long pixels) {
        Integer[] byCount = new Integer[distinct.length];
        for (int i = 0; i < byCount.length; i++) {
            byCount[i] = i;
        }
        Arrays.sort(byCount, (a, b) -> Long.compare(counts[b], counts[a]));
        boolean[] isFlat = new boolean[distinct.length];
        List<Integer> palette = new ArrayList<>();
        for (int k = 0; k < byCount.length && palette.size() < MAX_FLAT && counts[byCount[k]] >= FLAT_SHARE * pixels; k++) {
            isFlat[byCount[k]] = true;
            palette.add(distinct[byCount[k]]);
        }
        int flat = palette.size();
        int rest = distinct.length - flat;
        int[] c = new int[rest];
        long[] w = new long[rest];
        for (int i = 0, j = 0; i < distinct.length; i++) {
            if (!isFlat[i]) {
                c[j] = distinct[i];
                w[j++] = counts[i];
            }
        }
        for (Box box : MedianCut.boxes(c, w, COLOURS - flat)) {
            palette.add(representative(box, c, w));
        }
        return new GifPalette(palette.stream().mapToInt(Integer::intValue).toArray(), flat);
    }

    /**
     * A box's colour: its heaviest colour if that holds at least half the box's pixels (a line or a glyph with its
     * anti-aliased fringe: the line keeps its exact colour), else the weighted mean.
     */
    private static int representative(Box box, int[] c, long[] w) {
        int heaviest = box.from();
        for (int i = box.from(); i < box.to(); i++) {
            heaviest = w[i] > w[heaviest] ? i : heaviest;
        }
        return 2 * w[heaviest] >= box.weight() ? c[heaviest] : box.mean();
    }

    /** How many colours the palette has (≤ {@value #COLOURS}); the first {@link #flatColours()} are exact. */
    int size() {
        return colours.length;
    }

    int flatColours() {
        return flat;
    }

    int colour(int index) {
        return colours[index];
    }

    /** The palette as a colour model, with {@value #TRANSPARENT} transparent or not. */
    IndexColorModel colorModel(boolean transparent) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            int c = i < colours.length ? colours[i] : colours[0]; // unused entries repeat the first colour
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        return new IndexColorModel(8, 256, r, g, b, transparent ? TRANSPARENT : -1);
    }

    /** The index of the palette colour nearest to {@code rgb} (never {@value #TRANSPARENT}). */
    int index(int rgb) {
        int key = (rgb & 0xFFFFFF) | 1 << 24;
        int slot = (key * 0x9E3779B1) >>> (32 - CACHE_BITS);
        if (cacheKeys[slot] == key) {
            return cacheIndices[slot] & 0xFF;
        }
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < colours.length && bestDistance > 0; i++) {
            int c = colours[i];
            int dr = ((c >> 16) & 255) - r;
            int dg = ((c >> 8) & 255) - g;
            int db = (c & 255) - b;
            int distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        cacheKeys[slot] = key;
        cacheIndices[slot] = (byte) best;
        return best;
    }

    /** A set of colours (a range of {@link MedianCut}'s arrays) with the sums that give its mean and squared error. */
    record Box(int from, int to, double weight, double r, double g, double b, double squares) {
        /** Σ w‖c − mean‖² = Σ w‖c‖² − ‖Σ w c‖² / Σ w. */
        double error() {
            return weight == 0 ? 0 : squares - (r * r + g * g + b * b) / weight;
        }

        int mean() {
            int mr = (int) Math.round(r / weight);
            int mg = (int) Math.round(g / weight);
            int mb = (int) Math.round(b / weight);
            return mr << 16 | mg << 8 | mb;
        }
    }
}
