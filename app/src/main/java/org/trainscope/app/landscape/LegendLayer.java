package org.trainscope.app.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.landscape.LandscapeExperiment;

/**
 * A box with one row per racer: its line, its name and its loss (or "diverged"), the selected racer's row in bold
 * (a click on a row selects that racer: {@link #rowAt}). Columns are as wide as their
 * widest text, so no name runs into its value; the box goes in a corner where it hides no key point (the start, the
 * racers' current points) and as little of the trails as it can ({@link LegendCorner}). In presenter mode with more
 * than {@value #FULL_ROWS} racers the losses are left out (the status line and the loss chart show them), so the box
 * keeps half its width off the trails.
 */
final class LegendLayer {
    private static final double PAD = 10;  // pixels inside the box and between columns
    private static final double LINE = 22; // the sample line's length
    private static final int FULL_ROWS = 4;

    private LegendLayer() {
    }

    /**
     * {@code avoid}: (px, py) pairs the box must keep clear of; {@code trail}: (px, py) pairs it should hide as few
     * of as it can; {@code typeScale} scales type and box; {@code selected}: the racer whose row is bold.
     *
     * @return where the rows are, {x, y of the first row, width, row height}, for {@link #rowAt}
     */
    static double[] draw(GraphicsContext g, Viewport v, Frame frame, List<String> racers, String selected,
                         double typeScale, double[] avoid, double[] trail) {
        Font font = Font.font("System", 13 * typeScale);
        Font bold = Font.font("System", FontWeight.BOLD, 13 * typeScale);
        List<String> values = new ArrayList<>();
        boolean withValues = typeScale <= 1 || racers.size() <= FULL_ROWS;
        double nameW = 0;
        double valueW = 0;
        for (String name : racers) {
            boolean diverged = frame.scalar(LandscapeExperiment.DIVERGED.of(name), 0) != 0;
            double loss = frame.scalar(LandscapeExperiment.LOSS.of(name), Double.NaN);
            String value = diverged ? "diverged" : withValues ? String.format(Locale.ROOT, "f = %.3g", loss) : "";
            values.add(value);
            nameW = Math.max(nameW, width(name, bold));
            valueW = Math.max(valueW, width(value, bold));
        }
        double rowH = 20 * typeScale;
        double lineW = LINE * typeScale;
        double boxW = PAD + lineW + PAD + nameW + (valueW > 0 ? 2 * PAD + valueW : 0) + PAD;
        double boxH = rowH * racers.size() + 12;
        LegendCorner.Corner corner = LegendCorner.choose(Viewport.LEFT, Viewport.TOP, v.plotWidth(), v.plotHeight(),
                boxW, boxH, avoid, trail);
        double[] box = LegendCorner.box(corner, Viewport.LEFT, Viewport.TOP, v.plotWidth(), v.plotHeight(),
                boxW, boxH);
        double x = box[0];
        double y = box[1];
        g.setFill(Color.rgb(10, 14, 24, 0.72));
        g.fillRoundRect(x, y, boxW, boxH, 10, 10);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < racers.size(); r++) {
            String name = racers.get(r);
            double cy = y + 6 + rowH * r + rowH / 2;
            g.setFont(name.equals(selected) ? bold : font);
            g.setStroke(Palette.of(name).colour());
            g.setLineWidth(3);
            g.setLineDashes(Palette.of(name).dashes(typeScale * 0.8));
            g.strokeLine(x + PAD, cy, x + PAD + lineW, cy);
            g.setLineDashes(null);
            g.setFill(Color.web("#E9ECF1"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(name, x + 2 * PAD + lineW, cy);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill("diverged".equals(values.get(r)) ? Color.web("#FF8A80") : Color.web("#C9D1DC"));
            g.fillText(values.get(r), x + boxW - PAD, cy);
        }
        return new double[] {x, y + 6, boxW, rowH};
    }

    /** The row of the legend drawn at {@code rows} ({@link #draw}'s result) under (px, py), or −1. */
    static int rowAt(double[] rows, int count, double px, double py) {
        if (rows == null || px < rows[0] || px > rows[0] + rows[2] || py < rows[1]) {
            return -1;
        }
        int r = (int) ((py - rows[1]) / rows[3]);
        return r < count ? r : -1;
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
