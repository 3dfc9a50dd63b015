package org.trainscope.engine.session;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.trainscope.engine.experiment.Frame;

/**
 * Writes frames as CSV (header {@code step,<scalar>…}, one row per frame, scalars only) or JSON Lines (one object
 * per frame: {@code {"step":N,"scalars":{…},"series":{…}}}). Numbers are written with {@link Double#toString},
 * which round-trips exactly; non-finite numbers are written as {@code NaN}, {@code Infinity}, {@code -Infinity}
 * in CSV and as {@code null} in JSON (which has no such literals).
 */
public final class FrameWriter {
    private final Writer out;
    private final String format;
    private List<String> header;

    public FrameWriter(Writer out, String format) {
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new IllegalArgumentException("unknown format '" + format + "'; expected csv or jsonl");
        }
        this.out = out;
        this.format = format;
    }

    public void write(Frame frame) throws IOException {
        if (format.equals("csv")) {
            writeCsv(frame);
        } else {
            writeJson(frame);
        }
    }

    private void writeCsv(Frame frame) throws IOException {
        if (header == null) {
            header = frame.scalarNames();
            out.write("step");
            for (String name : header) {
                out.write(',');
                out.write(name);
            }
            out.write('\n');
        }
        StringBuilder row = new StringBuilder().append(frame.step());
        for (String name : header) {
            row.append(',').append(frame.scalar(name, Double.NaN));
        }
        out.write(row.append('\n').toString());
    }

    private void writeJson(Frame frame) throws IOException {
        StringBuilder sb = new StringBuilder("{\"step\":").append(frame.step()).append(",\"scalars\":{");
        boolean first = true;
        for (Map.Entry<String, Double> e : frame.scalars().entrySet()) {
            sb.append(first ? "" : ",");
            quote(sb, e.getKey()).append(':');
            number(sb, e.getValue());
            first = false;
        }
        sb.append("},\"series\":{");
        first = true;
        for (String name : frame.seriesNames()) {
            sb.append(first ? "" : ",");
            quote(sb, name).append(":[");
            double[] s = frame.series(name);
            for (int i = 0; i < s.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                number(sb, s[i]);
            }
            sb.append(']');
            first = false;
        }
        out.write(sb.append("}}\n").toString());
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static void number(StringBuilder sb, double v) {
        sb.append(Double.isFinite(v) ? Double.toString(v) : "null");
    }
}
