package org.trainscope.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

/** One look per identity: the optimizers, layers and σ_r are told apart, and each looks the same everywhere. */
class PaletteTest {
    private static final List<Color> OKABE_ITO = List.of(Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"),
            Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#CC79A7"));

    private static String key(Palette.Look look) {
        return look.colour() + java.util.Arrays.toString(look.dashes());
    }

    @Test
    void everyOptimizerHasItsOwnLook() {
        List<String> racers = org.trainscope.engine.optim.OptimizerConfig.RULES;   // every rule a racer can be
        Set<String> looks = new HashSet<>();
        for (String r : racers) {
            looks.add(key(Palette.of(r)));
        }
        assertEquals(racers.size(), looks.size(), "no two racers look alike");
        assertNotNull(Palette.of("flow").dashes(), "the gradient flow is dashed, on the map and in the chart");
        assertNotEquals(key(Palette.of("momentum")), key(Palette.of("sgdm")));
    }

    @Test
    void solidColoursAreOkabeItosAndReadOnWhiteAndOnDark() {
        for (String r : List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")) {
            Color c = Palette.of(r).colour();
            assertTrue(OKABE_ITO.contains(c), r + " is an Okabe–Ito colour");
            assertNull(Palette.of(r).dashes());
        }
        for (String r : List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "flow")) {
            double l = Palette.of(r).colour().getBrightness();
            assertTrue(l > 0.45 && !Palette.of(r).colour().equals(Color.WHITE), r + ": neither black nor white");
        }
    }

    @Test
    void numberedIdentitiesLayersOneToSixAreDistinctColoursThenDashed() {
        Set<Color> colours = new HashSet<>();
        for (int i = 1; i <= 6; i++) {
            colours.add(Palette.of("layer " + i).colour());
            assertNull(Palette.of("layer " + i).dashes());
        }
        assertEquals(6, colours.size());
        assertEquals(Palette.of("σ3").colour(), Palette.of("layer 3").colour(), "the number picks the colour");
        assertEquals(Palette.of("σ1").colour(), Palette.of("σ7").colour());
        assertNotNull(Palette.of("σ7").dashes(), "σ₇ is told from σ₁ by its dashes");
        Set<String> ten = new HashSet<>();
        for (int r = 1; r <= 10; r++) {
            ten.add(key(Palette.of("σ" + r)));
        }
        assertEquals(10, ten.size(), "ten singular values, ten looks");
    }

    @Test
    void theSameIdentityLooksTheSameEverywhere() {
        assertEquals(key(Palette.of("adagrad")), key(Palette.of("adagrad")));
        assertEquals(Palette.of("layer 1").awt(1), Palette.of("layer 1").awt(1));
    }
}
