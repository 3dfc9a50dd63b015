package org.trainscope.app.landscape;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.trainscope.app.chart.Palette;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.landscape.LandscapeExperiment;

/** A box in the plot's top left corner: one row per racer with its line, its name and its loss (or "diverged"). */
final class LegendLayer {
    private LegendLayer() {
    }

    static void draw(GraphicsContext g, Frame frame, List<String> racers, double lineScale) {
        double x = Viewport.LEFT + 10;
        double y = Viewport.TOP + 10;
        double legendScale = Math.sqrt(lineScale); // bigger type, but the legend must not hide the map
        double rowH = 20 * legendScale;
        double boxW = 210 * legendScale;
        g.setFill(Color.rgb(10, 14, 24, 0.72));
        g.fillRoundRect(x, y, boxW, rowH * racers.size() + 12, 10, 10);
        g.setFont(Font.font("System", 13 * legendScale));
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < racers.size(); r++) {
            String name = racers.get(r);
            double cy = y + 6 + rowH * r + rowH / 2;
            g.setStroke(Palette.of(name).colour());
            g.setLineWidth(3);
            g.setLineDashes(Palette.of(name).dashes(legendScale * 0.8));
            g.strokeLine(x + 10, cy, x + 10 + 22 * legendScale, cy);
            g.setLineDashes(null);
            g.setFill(Color.web("#E9ECF1"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(name, x + 18 + 22 * legendScale, cy);
            g.setTextAlign(TextAlignment.RIGHT);
            boolean diverged = frame.scalar(LandscapeExperiment.DIVERGED.of(name), 0) != 0;
            double loss = frame.scalar(LandscapeExperiment.LOSS.of(name), Double.NaN);
            g.setFill(diverged ? Color.web("#FF8A80") : Color.web("#C9D1DC"));
            g.fillText(diverged ? "diverged" : String.format(Locale.ROOT, "f = %.3g", loss), x + boxW - 10, cy);
        }
    }
}
