package org.trainscope.app.session;

import java.util.ArrayList;
import java.util.List;

import org.trainscope.app.session.GifPalette.Box;

/**
 * Median-cut colour quantization (Heckbert, "Color image quantization for frame buffer display", 1982) with the
 * variance criterion of Wu ("Efficient statistical computations for optimal color quantization", 1991): start with
 * one box holding every colour; repeatedly take the box with the largest weighted squared error, sort it along its
 * channel of largest variance and cut it where the two halves' errors sum to the least. Each box's weighted mean is
 * one palette colour.
 */
final class MedianCut {
    private MedianCut() {
    }

    /**
     * At most {@code k} boxes over the colours {@code c} weighted by their pixel counts {@code w}; reorders both arrays
     * in step (a box is a range of them).
     */
    static List<Box> boxes(int[] c, long[] w, int k) {
        List<Box> boxes = new ArrayList<>();
        if (c.length == 0 || k <= 0) {
            return boxes;
        }
        boxes.add(box(c, w, 0, c.length));
        while (boxes.size() < k) {
            int worst = -1;
            for (int i = 0; i < boxes.size(); i++) {
                Box b = boxes.get(i);
                if (b.to() - b.from() > 1 && (worst < 0 || b.error() > boxes.get(worst).error())) {
                    worst = i;
                }
            }
            if (worst < 0 || boxes.get(worst).error() <= 0) {
                break; // every box is one colour (or the rest are exact already)
            }
            Box b = boxes.remove(worst);
            int shift = widestChannel(c, w, b);
            sortByChannel(c, w, b.from(), b.to(), shift);
            int cut = bestCut(c, w, b, shift);
            boxes.add(box(c, w, b.from(), cut));
            boxes.add(box(c, w, cut, b.to()));
        }
        return boxes;
    }

    static Box box(int[] c, long[] w, int from, int to) {
        double weight = 0;
        double r = 0;
        double g = 0;
        double b = 0;
        double squares = 0;
        for (int i = from; i < to; i++) {
            int cr = (c[i] >> 16) & 255;
            int cg = (c[i] >> 8) & 255;
            int cb = c[i] & 255;
            weight += w[i];
            r += (double) w[i] * cr;
            g += (double) w[i] * cg;
            b += (double) w[i] * cb;
            squares += (double) w[i] * (cr * cr + cg * cg + cb * cb);
        }
        return new Box(from, to, weight, r, g, b, squares);
    }

    /** The bit shift (16 red, 8 green, 0 blue) of the channel along which the box's colours vary the most. */
    private static int widestChannel(int[] c, long[] w, Box box) {
        int best = 16;
        double bestVariance = -1;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double sum = 0;
            double squares = 0;
            for (int i = box.from(); i < box.to(); i++) {
                int v = (c[i] >> shift) & 255;
                sum += (double) w[i] * v;
                squares += (double) w[i] * v * v;
            }
            double variance = squares - sum * sum / box.weight();
            if (variance > bestVariance) {
                bestVariance = variance;
                best = shift;
            }
        }
        return best;
    }

    /** Counting sort of a range by one channel (256 values): linear, and stable. */
    private static void sortByChannel(int[] c, long[] w, int from, int to, int shift) {
        int[] start = new int[257];
        for (int i = from; i < to; i++) {
            start[((c[i] >> shift) & 255) + 1]++;
        }
        for (int v = 0; v < 256; v++) {
            start[v + 1] += start[v];
        }
        int[] sortedC = new int[to - from];
        long[] sortedW = new long[to - from];
        for (int i = from; i < to; i++) {
            int at = start[(c[i] >> shift) & 255]++;
            sortedC[at] = c[i];
            sortedW[at] = w[i];
        }
        System.arraycopy(sortedC, 0, c, from, sortedC.length);
        System.arraycopy(sortedW, 0, w, from, sortedW.length);
    }

    /** Where to cut a box sorted along a channel: between two values of it, leaving the least squared error. */
    private static int bestCut(int[] c, long[] w, Box box, int shift) {
        Box left = new Box(box.from(), box.from(), 0, 0, 0, 0, 0);
        int best = box.from() + 1;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = box.from(); i < box.to() - 1; i++) {
            left = plus(left, c[i], w[i]);
            if (((c[i] >> shift) & 255) == ((c[i + 1] >> shift) & 255)) {
                continue; // not between two values of the channel
            }
            Box right = new Box(i + 1, box.to(), box.weight() - left.weight(), box.r() - left.r(), box.g() - left.g(),
                    box.b() - left.b(), box.squares() - left.squares());
            double error = left.error() + right.error();
            if (error < bestError) {
                bestError = error;
                best = i + 1;
            }
        }
        return best;
    }

    private static Box plus(Box box, int colour, long weight) {
        int cr = (colour >> 16) & 255;
        int cg = (colour >> 8) & 255;
        int cb = colour & 255;
        return new Box(box.from(), box.to() + 1, box.weight() + weight, box.r() + (double) weight * cr,
                box.g() + (double) weight * cg, box.b() + (double) weight * cb,
                box.squares() + (double) weight * (cr * cr + cg * cg + cb * cb));
    }
}
