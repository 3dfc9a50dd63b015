package org.trainscope.app.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Output;

/**
 * What the status line says about the frame on show: a short list of labelled values, e.g. "gd loss 0.498",
 * "train acc 92.1 %", "depth 1 test error 1.000", or "gd diverged". Each experiment declares its list once, beside
 * its view ({@link org.trainscope.app.ExperimentViews}), from its declared {@link Output}s; {@link #generic()}
 * serves one that declares none. Every number carries its label, so none is read as another chart's value.
 */
@FunctionalInterface
public interface StatusFormat {
    /** The items for {@code frame}, in order; a value the frame lacks is left out. */
    List<Item> items(Frame frame);

    /** One labelled value; an alert (a racer that diverged) is shown as a warning. */
    record Item(String text, boolean alert) {
    }

    /** How a value is written; each unit pads to a fixed width, so that a line of values does not jump as they change. */
    enum Unit {
        /** Three significant digits: 0.498, 1.23e-05. */
        NUMBER("%.3g", 9),
        /** A fraction as a percentage with one decimal: 0.921 → 92.1 %. */
        PERCENT("%.1f %%", 7),
        /** Three decimals, for errors compared across runs: 1.000, 0.012. */
        FIXED("%.3f", 6),
        /** A whole number: 16. */
        COUNT("%.0f", 4);

        private final String pattern;
        private final int width;

        Unit(String pattern, int width) {
            this.pattern = pattern;
            this.width = width;
        }

        /** The value as text, padded to the unit's width; NaN (not computed yet) is a dash. */
        public String format(double v) {
            String text;
            if (Double.isNaN(v)) {
                text = "—";
            } else if (Double.isInfinite(v)) {
                text = v > 0 ? "∞" : "−∞";
            } else {
                text = String.format(Locale.ROOT, pattern, this == PERCENT ? 100 * v : v);
            }
            return text + " ".repeat(Math.max(0, width - text.length()));
        }
    }

    /** The items of several formats, one after the other. */
    static StatusFormat of(StatusFormat... parts) {
        return frame -> {
            List<Item> out = new ArrayList<>();
            for (StatusFormat p : parts) {
                out.addAll(p.items(frame));
            }
            return out;
        };
    }

    /** "label value" for a plain declared scalar. */
    static StatusFormat value(String label, Output output, Unit unit) {
        return frame -> frame.has(output) ? List.of(new Item(label + " " + unit.format(frame.scalar(output)), false))
                : List.of();
    }

    /**
     * One item per member of an indexed scalar, in the frame's order; the label names the member through the
     * output's placeholders, e.g. {@code each("{racer} loss", LOSS, NUMBER)} gives "gd loss 0.498".
     */
    static Each each(String label, Output output, Unit unit) {
        return new Each(label, output, unit, null, null);
    }

    /**
     * The members of an indexed scalar, see {@link StatusFormat#each}; with {@link #unless}, a member whose flag is
     * set says so instead of its value.
     */
    record Each(String label, Output output, Unit unit, Output flag, String flagText) implements StatusFormat {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

        /** A member whose {@code flag} scalar (same placeholders) is non-zero shows {@code text} as an alert. */
        public Each unless(Output flagOutput, String text) {
            return new Each(label, output, unit, flagOutput, text);
        }

        @Override
        public List<Item> items(Frame frame) {
            List<Item> out = new ArrayList<>();
            for (String key : frame.scalarNames()) {
                Map<String, String> member = member(output.name(), key);
                if (member == null) {
                    continue;
                }
                if (flag != null && frame.scalar(fill(flag.name(), member), 0) != 0) {
                    out.add(new Item(fill(flagText, member), true));
                } else {
                    out.add(new Item(fill(label, member) + " " + unit.format(frame.scalar(key)), false));
                }
            }
            return out;
        }

        /** The placeholder values that make {@code key} a member of {@code pattern}, or null if it is none. */
        private static Map<String, String> member(String pattern, String key) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(pattern);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^.]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(pattern.substring(last)));
            Matcher k = Pattern.compile(regex.toString()).matcher(key);
            if (!k.matches()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), k.group(i + 1));
            }
            return values;
        }

        private static String fill(String template, Map<String, String> values) {
            String out = template;
            for (Map.Entry<String, String> e : values.entrySet()) {
                out = out.replace("{" + e.getKey() + "}", e.getValue());
            }
            return out;
        }
    }

    /** For an experiment that declares no format: its first few scalars, each labelled by its key. */
    static StatusFormat generic() {
        int most = 6;
        return frame -> frame.scalarNames().stream().limit(most)
                .map(key -> new Item(key.replace('.', ' ').replace('_', ' ') + " "
                        + Unit.NUMBER.format(frame.scalar(key)), false))
                .toList();
    }
}
