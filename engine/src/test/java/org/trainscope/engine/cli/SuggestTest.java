package org.trainscope.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The edit distance against worked examples, and which words are offered. */
class SuggestTest {
    @Test
    void distanceMatchesTheTextbookExamples() {
        assertEquals(3, Suggest.distance("kitten", "sitting"), "k→s, e→i, +g");
        assertEquals(1, Suggest.distance("rl", "lr"), "one swap of neighbours");
        assertEquals(3, Suggest.distance("ca", "abc"), "optimal string alignment: no edit of a swapped pair");
        assertEquals(0, Suggest.distance("adam", "adam"));
        assertEquals(4, Suggest.distance("", "adam"));
    }

    @Test
    void onlyTheNearestAreOffered() {
        List<String> options = List.of("--seed", "--steps", "--every", "--set", "--format", "--out");
        assertEquals(List.of("--steps"), Suggest.nearest("--step", options));
        assertEquals(List.of("lr"), Suggest.nearest("rl", List.of("a", "b", "lr", "momentum")));
        assertEquals(List.of(), Suggest.nearest("zzzzzz", options), "nothing near: nothing offered");
        assertEquals(List.of("deep-matrix-factorization"), Suggest.nearest("matrix", List.of("deep-matrix-factorization",
                "landscape")), "a part of a long id finds it");
    }
}
