package org.trainscope.app.generalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;
import org.trainscope.app.AppExtension;
import org.trainscope.app.MainView;
import org.trainscope.app.playback.PlaybackModel;
import org.trainscope.engine.experiment.Frame;
import org.trainscope.engine.generalization.ClassifierPlaygroundExperiment;
import org.trainscope.engine.generalization.PlaygroundData;
import org.trainscope.engine.generalization.PlaygroundMaps;

/** The playground in the real window, headless: three clicks draw three points, and the run trains on them. */
class PlaygroundViewTest {
    @RegisterExtension
    final AppExtension app = new AppExtension();

    @Test
    void threeClicksDrawThreePointsIntoTheData(MainView main, FxRobot robot) throws Exception {
        app.pick("classifier-playground");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(30, () -> model.frame() != null && main.view() instanceof PlaygroundView
                && ((PlaygroundView) main.view()).isReady());
        PlaygroundView view = (PlaygroundView) main.view();
        assertEquals(2 + 8 + 8 + 8 + 2, view.unitMapCount(), "inputs, three hidden layers, two class scores");
        Node map = robot.lookup("#playground-map").query();
        robot.clickOn("#draw-class").clickOn("1");
        int[][] offsets = {{-60, -40}, {50, 30}, {10, 70}};
        for (int[] o : offsets) {
            int before = drawn(model).size();
            robot.moveTo(map, Pos.CENTER, new Point2D(o[0], o[1]), Motion.DIRECT).clickOn(MouseButton.PRIMARY);
            AppExtension.waitUntil(30, () -> drawn(model).size() == before + 3);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> drawn = drawn(model);
        assertEquals(9, drawn.size(), "three x1,x2,label triples");
        PlaygroundData data = ClassifierPlaygroundExperiment.Config.of(model.params()).data(model.seed());
        int n = data.trainY().length;
        for (int k = 0; k < 3; k++) {
            int row = n - 3 + k;
            assertEquals(drawn.get(3 * k), data.trainX()[2 * row], "x₁ of drawn point " + k);
            assertEquals(drawn.get(3 * k + 1), data.trainX()[2 * row + 1], "x₂ of drawn point " + k);
            assertEquals(1, data.trainY()[row], "class 1, as chosen");
        }
        assertTrue(drawn.get(0) < 0 && drawn.get(1) > 0, "left of and above the centre: " + drawn.subList(0, 2));
        robot.clickOn("#step-forward");
        AppExtension.waitUntil(30, () -> model.frame().step() == 1);
        app.screenshot("trainscope-classifier-playground.png");

        robot.moveTo(map, Pos.CENTER, new Point2D(50, 30), Motion.DIRECT).clickOn(MouseButton.SECONDARY);
        AppExtension.waitUntil(30, () -> drawn(model).size() == 6);
    }

    /**
     * The maps on screen are the shown frame's own: after a few frames played, every pixel of the decision image and
     * of a hidden unit's image equals the colour of {@link PlaygroundMaps} computed here from that frame's θ.
     */
    @Test
    void mapsOnScreenAreTheShownFramesMaps(MainView main, FxRobot robot) throws Exception {
        app.pick("classifier-playground");
        PlaybackModel model = main.model();
        AppExtension.waitUntil(30, () -> main.view() instanceof PlaygroundView && ((PlaygroundView) main.view()).isReady());
        PlaygroundView view = (PlaygroundView) main.view();
        robot.interact(model::play);
        AppExtension.waitUntil(30, () -> view.shownStep() >= 5);
        robot.interact(model::pause);
        AppExtension.waitUntil(30, () -> view.shownStep() == model.frame().step());
        WaitForAsyncUtils.waitForFxEvents();
        Frame shown = model.recording().get(model.recording().indexOfStep(view.shownStep()));
        ClassifierPlaygroundExperiment.Config c = ClassifierPlaygroundExperiment.Config.of(model.params());
        PlaygroundMaps maps = PlaygroundMaps.of(c.net(2), shown.series(ClassifierPlaygroundExperiment.THETA), true,
                PlaygroundView.RES);
        int[] decision = new int[PlaygroundView.RES * PlaygroundView.RES];
        ClassColours.decision(maps.predicted(), maps.confidence(), 2, decision);
        int[] unit = new int[decision.length];
        ClassColours.signed(maps.units().get(1)[3], unit);
        assertArrayEquals(decision, WaitForAsyncUtils.asyncFx(() -> pixels(view.decisionImage())).get(),
                "decision map");
        assertArrayEquals(unit, WaitForAsyncUtils.asyncFx(() -> pixels(view.unitImage(2, 3))).get(),
                "unit 3 of hidden layer 2");
    }

    private static int[] pixels(Image image) {
        int res = PlaygroundView.RES;
        int[] argb = new int[res * res];
        image.getPixelReader().getPixels(0, 0, res, res, PixelFormat.getIntArgbInstance(), argb, 0, res);
        return argb;
    }

    @SuppressWarnings("unchecked")
    private static List<Double> drawn(PlaybackModel model) {
        return (List<Double>) model.params().get("drawn");
    }
}
