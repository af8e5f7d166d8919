package org.coag.core.config;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for misspelled config names: the nearest known name by edit distance. */
final class Spelling {
    private Spelling() {
    }

    /**
     * @param word what the user wrote
     * @param known the names it may have meant
     * @return the known name at the smallest Levenshtein distance, if that distance is at most
     *         half the word's length (at least 1: "modle" finds "model", "gpu" finds nothing), else null
     */
    static String nearest(String word, Collection<String> known) {
        int limit = Math.max(1, word.length() / 2);
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = limit + 1;
        for (String k : known) {
            int d = distance.apply(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }
}
