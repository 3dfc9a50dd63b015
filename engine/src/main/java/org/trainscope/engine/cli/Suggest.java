package org.trainscope.engine.cli;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean …": the known words nearest a misspelled one, by edit distance. Pure. */
final class Suggest {
    private Suggest() {
    }

    /**
     * The known words nearest the typed one, at most three: those at the smallest edit distance, if it is within a
     * third of the typed word's length (at least 2 edits); else those that contain it (3 letters or more).
     */
    static List<String> nearest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, t.length() / 3);
        int best = known.stream().mapToInt(k -> distance(t, k.toLowerCase(Locale.ROOT))).min().orElse(Integer.MAX_VALUE);
        if (best <= limit) {
            return known.stream().filter(k -> distance(t, k.toLowerCase(Locale.ROOT)) == best).sorted().limit(3).toList();
        }
        return t.length() < 3 ? List.of()
                : known.stream().filter(k -> k.toLowerCase(Locale.ROOT).contains(t)).sorted().limit(3).toList();
    }

    /** "; did you mean a, b?" or "" when nothing is near. */
    static String didYouMean(String typed, Collection<String> known) {
        List<String> near = nearest(typed, known);
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    /**
     * Edit distance with transpositions (optimal string alignment): the fewest insertions, deletions, substitutions
     * and swaps of neighbours that turn a into b, so "rl" is one edit from "lr".
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);   // ab → ba
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
