package org.trainscope.app.chart;

import java.util.List;

import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.experiment.Recording;

/**
 * Scalars against step, read from a recording into a {@link Chart}: each series is drawn from frame 0 up to the frame
 * shown, with the cursor on it, so stepping back shortens the curves and a GIF grows them; the x axis reaches the last
 * recorded step. A run pinned for comparison is drawn dashed, up to the same step. While playing, the chart is rebuilt
 * at most every {@value #REFRESH_MS} ms, each series down-sampled to {@value #MAX_POINTS} points
 * ({@link SeriesSampler}), so a long run costs what a short one does.
 */
public final class History {
    /**
     * One series: the scalar, its identity (colour), legend label (null: not in the legend), how it is drawn, and the
     * scalar that flags it diverged (null: it diverged when its value stops being finite).
     */
    public record Line(String scalar, String identity, String label, Chart.Style style, String flag) {
        /** A solid line. */
        public static Line of(String scalar, String identity, String label) {
            return new Line(scalar, identity, label, Chart.Style.LINE, null);
        }

        /** The same, flagged diverged by {@code flagScalar}. */
        public Line flaggedBy(String flagScalar) {
            return new Line(scalar, identity, label, style, flagScalar);
        }

        /** The same, drawn {@code how}. */
        public Line drawn(Chart.Style how) {
            return new Line(scalar, identity, label, how, flag);
        }
    }

    static final int MAX_POINTS = 1000;
    static final long REFRESH_MS = 200;

    private final Chart chart;
    private List<Line> lines = List.of();
    private Recording comparison;
    private String comparisonLabel = "";
    private Recording builtFor;
    private long builtGeneration = -1;
    private int builtShown = -1;
    private int builtCount = -1;
    private long lastBuildMillis;

    public History(Chart chart) {
        this.chart = chart;
    }

    public Chart chart() {
        return chart;
    }

    /** Which scalars to draw. */
    public void setLines(List<Line> newLines) {
        lines = List.copyOf(newLines);
        comparison = null;
        rebuildSeries();
    }

    /** Another run drawn dashed in the same colours, for comparison; null removes it. */
    public void setComparison(Recording recording, String label) {
        comparison = recording;
        comparisonLabel = label;
        rebuildSeries();
    }

    private void rebuildSeries() {
        chart.clear();
        for (Line l : lines) {
            int k = chart.add(l.identity(), l.label() == null ? l.identity() : l.label(), l.style());
            if (l.label() == null) {
                chart.hideFromLegend(k);
            }
        }
        if (comparison != null) {
            for (int i = 0; i < lines.size(); i++) {
                int k = chart.add(lines.get(i).identity(), "pinned run: " + comparisonLabel + " (dashed)", Chart.Style.PINNED);
                if (i > 0) {
                    chart.hideFromLegend(k);
                }
            }
        }
        builtCount = -1;
    }

    /**
     * Draws frames [0, shown] of the first {@code count} recorded and puts the cursor at frame {@code shown}; while
     * {@code playing}, at most every {@value #REFRESH_MS} ms.
     *
     * @return true if the chart was redrawn
     */
    public boolean update(Recording recording, int shown, int count, boolean playing) {
        long now = System.currentTimeMillis();
        if (recording == null || count <= 0 || playing && now - lastBuildMillis < REFRESH_MS) {
            return false;
        }
        int last = Math.min(count, recording.size()) - 1;
        int at = Math.max(0, Math.min(shown, last));
        if (recording == builtFor && recording.generation() == builtGeneration && at == builtShown && last + 1 == builtCount) {
            return false;
        }
        builtFor = recording;
        builtGeneration = recording.generation();
        builtShown = at;
        builtCount = last + 1;
        lastBuildMillis = now;
        Frame frame = recording.get(at);
        chart.batch(() -> {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                SeriesSampler.Trace t = SeriesSampler.sample(recording, at + 1, l.scalar(), l.flag(), MAX_POINTS);
                chart.set(i, t.x(), t.y(), t.divergedAt());
                if (comparison != null) {
                    int n = comparison.indexOfStep(frame.step()) + 1;
                    SeriesSampler.Trace p = SeriesSampler.sample(comparison, n, l.scalar(), l.flag(), MAX_POINTS);
                    chart.set(lines.size() + i, p.x(), p.y(), p.divergedAt());
                }
            }
            chart.reachX(recording.get(last).step());
            chart.setCursor(frame.step());
        });
        return true;
    }
}
