package org.trainscope.app.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ToggleButton;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.preset.Preset;

/**
 * Every lecture demo of the gallery, played to the end of its run: every chart on screen follows the policy (step axes
 * from 0, logarithmic axes of at most {@value Ranges#MAX_DECADES} decades, the legend outside the plot, the running
 * series inside the range), and a screenshot of each in light, dark and presenter mode lands in target/gallery-*.png.
 * It runs in every {@code mvn verify} (about 40 s); {@code -Dtrainscope.gallery.only=1,12} narrows it and
 * {@code -Dtrainscope.gallery.size=1024x700} sets the window size.
 */
class GalleryChartsTest {
    private static final int TIMEOUT_S = 240;

    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void everyDemoFollowsTheChartPolicy(MainView main, FxRobot robot) throws Exception {
        PlaybackModel model = main.model();
        List<Preset> presets = main.presets();
        String only = System.getProperty("trainscope.gallery.only", "");       // e.g. 1,12,13
        String[] size = System.getProperty("trainscope.gallery.size", "").split("x"); // e.g. 1024x700
        if (size.length == 2) {
            robot.interact(() -> {
                javafx.stage.Window w = main.getScene().getWindow();
                w.setWidth(Double.parseDouble(size[0]));
                w.setHeight(Double.parseDouble(size[1]));
            });
        }
        for (int i = 0; i < presets.size(); i++) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(Integer.toString(i + 1))) {
                continue;
            }
            Preset p = presets.get(i);
            robot.interact(() -> main.startPreset(p));
            robot.interact(() -> model.speedProperty().set(1000));
            AppExtension.waitUntil(TIMEOUT_S, () -> model.frame() != null && model.type().id().equals(p.experiment())
                    && model.frame().step() > 0 && !model.playingProperty().get());
            WaitForAsyncUtils.waitForFxEvents(5);
            String name = String.format("gallery-%02d", i + 1);
            for (Chart c : charts(robot)) {
                checkPolicy(p.title(), c);
            }
            app.screenshot(name + "-light.png");
            toggle(robot, "#dark-toggle", true);
            app.screenshot(name + "-dark.png");
            toggle(robot, "#dark-toggle", false);
            toggle(robot, "#presenter", true);
            app.screenshot(name + "-presenter.png");
            toggle(robot, "#presenter", false);
        }
    }

    private static void checkPolicy(String demo, Chart c) {
        String what = demo + " / " + c.chart().getTitle().getText();
        AxisRange x = c.xRange();
        AxisRange y = c.yRange();
        if (x.scale().axis() == Axis.STEPS) {
            assertTrue(x.lower() >= 0, what + ": the step axis starts at 0, not " + x.lower());
        }
        if (y.scale().axis().logarithmic() && !y.scale().signed()) {
            double decades = (y.upper() - y.lower()) * Math.log10(y.scale().axis().base());
            assertTrue(decades <= Ranges.MAX_DECADES * 1.1, what + ": " + decades + " decades");
        }
        RectangleEdge legend = c.chart().getLegend().getPosition();
        assertTrue(legend == RectangleEdge.BOTTOM || legend == RectangleEdge.RIGHT, what + ": the legend is outside the plot");
        assertFalse(c.runningSeriesClipped(), what + ": a running series leaves the range");
    }

    private static List<Chart> charts(FxRobot robot) {
        List<Chart> out = new ArrayList<>();
        for (Node n : robot.lookup(v -> v instanceof ChartViewer && v.isVisible() && v.getScene() != null).queryAll()) {
            Chart c = Chart.of(n);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static void toggle(FxRobot robot, String id, boolean on) {
        ToggleButton b = robot.lookup(id).queryAs(ToggleButton.class);
        robot.interact(() -> {
            if (b.isSelected() != on) {
                b.fire();
            }
        });
        WaitForAsyncUtils.waitForFxEvents(5);
    }
}
