package org.trainscope.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.trainscope.engine.Experiments;
import org.trainscope.engine.landscape.LandscapeExperiment;

/** The registry of experiments, and snapshots as immutable values. */
class RegistryAndSnapshotTest {
    @Test
    void standardRegistryFindsLandscapeAndNamesUnknownIds() {
        Registry r = Experiments.standard();
        assertEquals(LandscapeExperiment.TYPE, r.get("landscape"));
        assertTrue(r.find("nosuch").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("nosuch"));
        assertTrue(e.getMessage().contains("nosuch") && e.getMessage().contains("landscape"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Registry(List.of(LandscapeExperiment.TYPE, LandscapeExperiment.TYPE)));
    }

    @Test
    void snapshotsCopyArraysInAndOut() {
        double[] data = {1, 2};
        Snapshot s = Snapshot.builder().array("a", data).longValue("n", 7).build();
        data[0] = 99;
        s.array("a")[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.array("a"), 0.0);
        assertEquals(7, s.longValue("n"));
        assertNull(s.arrayOrNull("b"));
        assertThrows(IllegalStateException.class, () -> s.array("b"));
        assertThrows(IllegalStateException.class, () -> s.longValue("m"));
        assertThrows(UnsupportedOperationException.class, () -> s.longs().put("n", 8L));
        assertThrows(IllegalArgumentException.class, () -> Snapshot.builder().longValue("n", 1).longValue("n", 2));
    }

    @Test
    void aPartPutUnderAPrefixComesBackWhole() {
        Snapshot part = Snapshot.builder().array("v", new double[] {3, 4}).longValue("t", 5).build();
        Snapshot whole = Snapshot.builder().longValue("steps", 9).put("gd.opt", part).put("adam.opt", part).build();
        assertEquals(5, whole.longValue("gd.opt.t"));
        Snapshot back = whole.under("gd.opt");
        assertArrayEquals(new double[] {3, 4}, back.array("v"));
        assertEquals(java.util.Map.of("t", 5L), back.longs());
        assertEquals(java.util.Set.of("v"), back.arrayNames());
        assertThrows(IllegalArgumentException.class, () -> Snapshot.builder().put("p", part).put("p", part));
    }
}
