package org.trainscope.app.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ticks of an axis, pure: positions in axis units with their labels. Linear axes get 1-2-5 steps (integers on a
 * step axis); logarithmic axes a labelled tick at every decade (every k-th when the decades outnumber the labels
 * that fit, the others kept as minor ticks), minor ticks at 2…9 in each decade, and labels at 2× and 5× (or 2×, 3×, 5×)
 * as well when fewer than three decades show and there is room. Labels read 10⁻³, 0.2, 2×10⁻⁵, 2⁵, −10⁴⁸.
 */
public final class Ticks {
    /** A tick at {@code position} (axis units); a minor tick has no label. */
    public record Tick(double position, String label, boolean major) {
    }

    private static final double EPS = 1e-9;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Ticks() {
    }

    /** The ticks of {@code range} when at most {@code maxLabels} labels fit along the axis. */
    public static List<Tick> of(AxisRange range, int maxLabels) {
        int fit = Math.max(1, maxLabels);
        Scale scale = range.scale();
        if (!scale.axis().logarithmic()) {
            return linear(range, fit);
        }
        return scale.signed() ? signedLog(range, fit) : log(range, fit);
    }

    private static List<Tick> linear(AxisRange r, int fit) {
        Axis axis = r.scale().axis();
        double step = nice((r.upper() - r.lower()) / fit, axis == Axis.STEPS);
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(r.lower() / step - EPS);
        long last = (long) Math.floor(r.upper() / step + EPS);
        double largest = Math.max(Math.abs(r.lower()), Math.abs(r.upper()));
        for (long k = first; k <= last; k++) {
            double v = k * step;
            ticks.add(new Tick(v, decimal(v, step, largest), true));
        }
        return ticks;
    }

    /** The smallest of 1, 2, 5 × 10ⁿ (an integer ≥ 1 if asked) that is at least {@code raw}. */
    static double nice(double raw, boolean integer) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * p;
        for (double m : new double[] {1, 2, 5}) {
            if (m * p >= raw * (1 - EPS)) {
                step = m * p;
                break;
            }
        }
        return integer ? Math.max(1, Math.rint(step)) : step;
    }

    private static List<Tick> log(AxisRange r, int fit) {
        double b = r.scale().axis().base();
        int lo = (int) Math.ceil(r.lower() - EPS);
        int hi = (int) Math.floor(r.upper() + EPS);
        int every = every(hi - lo + 1, fit);
        // every k-th decade, at the multiples of k (stable as the range moves) when they give as many labels as fit,
        // else counted down from the top decade: a short axis never ends up with no label at all
        int multiples = 0;
        for (int k = lo; k <= hi; k++) {
            multiples += Math.floorMod(k, every) == 0 ? 1 : 0;
        }
        int anchor = multiples >= (hi - lo) / every + 1 ? 0 : hi;
        List<Tick> ticks = new ArrayList<>();
        int labelled = 0;
        for (int k = lo; k <= hi; k++) {
            boolean major = Math.floorMod(k - anchor, every) == 0;
            ticks.add(new Tick(k, major ? power(b, k, "") : "", major));
            labelled += major ? 1 : 0;
        }
        if (b != 10 || every > 1) {
            return ticks;
        }
        // minor ticks at 2…9 in each decade; with fewer than three labels, 2× and 5× (then 3×) are labelled too
        // label the multiples only where there is room for them
        int[][] labelSets = {{}, {2, 5}, {2, 3, 5}};
        int set = 0;
        while (labelled < 3 && set < 2 && labelled + count(r, labelSets[set + 1]) <= fit) {
            set++;
            if (labelled + count(r, labelSets[set]) >= 3) {
                break;
            }
        }
        if (set > 0) {
            ticks.replaceAll(t -> t.major() ? new Tick(t.position(), multiple(1, (int) Math.round(t.position())), true) : t);
        }
        for (int k = (int) Math.floor(r.lower()); k <= (int) Math.ceil(r.upper()); k++) {
            for (int m = 2; m <= 9; m++) {
                double t = k + Math.log10(m);
                if (t >= r.lower() - EPS && t <= r.upper() + EPS) {
                    boolean major = contains(labelSets[set], m);
                    ticks.add(new Tick(t, major ? multiple(m, k) : "", major));
                }
            }
        }
        ticks.sort((a, c) -> Double.compare(a.position(), c.position()));
        return ticks;
    }

    private static int count(AxisRange r, int[] multiples) {
        int n = 0;
        for (int k = (int) Math.floor(r.lower()); k <= (int) Math.ceil(r.upper()); k++) {
            for (int m : multiples) {
                double t = k + Math.log10(m);
                if (t >= r.lower() - EPS && t <= r.upper() + EPS) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean contains(int[] a, int m) {
        for (int x : a) {
            if (x == m) {
                return true;
            }
        }
        return false;
    }

    /** ±bᵏ for every k from one decade above the threshold c, and 0. */
    private static List<Tick> signedLog(AxisRange r, int fit) {
        Scale s = r.scale();
        double b = s.axis().base();
        int from = (int) Math.round(Math.log(s.threshold()) / Math.log(b)) + 1;
        int up = from;
        while (s.forward(Math.pow(b, up + 1)) <= r.upper() + EPS) {
            up++;
        }
        int down = from;
        while (-s.forward(Math.pow(b, down + 1)) >= r.lower() - EPS) {
            down++;
        }
        int candidates = 1 + Math.max(0, up - from + 1) + Math.max(0, down - from + 1);
        int every = every(candidates, fit);
        List<Tick> ticks = new ArrayList<>();
        if (r.lower() <= 0 && r.upper() >= 0) {
            ticks.add(new Tick(0, "0", true));
        }
        for (int sign : new int[] {1, -1}) {
            for (int k = from; k <= (sign > 0 ? up : down); k++) {
                double t = sign * s.forward(Math.pow(b, k));
                if (t >= r.lower() - EPS && t <= r.upper() + EPS) {
                    // every k-th decade, and none crowding the 0 label (the linear zone is narrower than a step)
                    boolean major = Math.floorMod(k, every) == 0 && Math.abs(t) >= 0.9 * every;
                    ticks.add(new Tick(t, major ? power(b, k, sign < 0 ? "−" : "") : "", major));
                }
            }
        }
        ticks.sort((a, c) -> Double.compare(a.position(), c.position()));
        return ticks;
    }

    /** Label every k-th of n candidates so that at most {@code fit} labels show: k from 1, 2, 3, 5, 10, 20, 50, … */
    static int every(int n, int fit) {
        int[] steps = {1, 2, 3, 5};
        for (int scale = 1; ; scale *= 10) {
            for (int k : steps) {
                if ((n + k * scale - 1) / (k * scale) <= fit) {
                    return k * scale;
                }
            }
        }
    }

    /** m·10ᵏ: plain where that is short (0.002, 5, 3000), else 2×10⁻⁵ (10⁻⁵ for m = 1). */
    static String multiple(int m, int k) {
        if (k >= -3 && k <= 3) {
            return java.math.BigDecimal.valueOf(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
        }
        return (m == 1 ? "" : m + "×") + power(10, k, "");
    }

    /** "10⁻³", "2⁵", "−10⁴⁸". */
    public static String power(double base, int k, String sign) {
        return sign + (base == 2 ? "2" : "10") + superscript(k);
    }

    static String superscript(int k) {
        StringBuilder b = new StringBuilder(k < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            b.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }

    /** A linear tick label: as many decimals as the step needs; m×10ᵏ for very large or very small numbers. */
    static String decimal(double v, double step, double largest) {
        if (Math.abs(v) < step * EPS) {
            return "0";
        }
        if (largest >= 1e7 || step < 1e-4) {
            int k = (int) Math.floor(Math.log10(step));
            double m = v / Math.pow(10, k);
            return String.format(Locale.ROOT, "%s×10%s", trim(m), superscript(k)).replace("-", "−");
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + EPS));
        return String.format(Locale.ROOT, "%." + decimals + "f", v).replace("-", "−");
    }

    private static String trim(double m) {
        String s = String.format(Locale.ROOT, "%.1f", m);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
