package org.coag.core.observe.equilibrium;

/**
 * The pair classes the pair correlation reports: every unordered pair of masses (n, m) with
 * 1 &lt;= n &lt;= m &lt;= {@code masses}, in the order (1,1), (1,2), ..., (1,M), (2,2), ..., (M,M),
 * then one class for all pairs whatever their masses.
 */
final class MassPairs {
    private final int masses;
    private final int[][] index;
    private final String[] labels;

    /** @param masses the largest mass reported on its own */
    MassPairs(int masses) {
        this.masses = masses;
        this.index = new int[masses + 1][masses + 1];
        this.labels = new String[masses * (masses + 1) / 2 + 1];
        int c = 0;
        for (int n = 1; n <= masses; n++) {
            for (int m = n; m <= masses; m++) {
                index[n][m] = c;
                index[m][n] = c;
                labels[c++] = n + "-" + m;
            }
        }
        labels[c] = "all";
    }

    /** @return number of classes, the "all" class included */
    int size() {
        return labels.length;
    }

    /** @return the index of the class of all pairs (the last) */
    int all() {
        return labels.length - 1;
    }

    /** @return the largest mass reported on its own */
    int masses() {
        return masses;
    }

    /**
     * @param n a mass
     * @param m a mass
     * @return the class of the pair, or -1 when a mass exceeds {@link #masses()}
     */
    int of(int n, int m) {
        return n <= masses && m <= masses ? index[n][m] : -1;
    }

    /**
     * @param c a class
     * @return its label, "n-m" or "all"
     */
    String label(int c) {
        return labels[c];
    }

    /**
     * @param c a class other than "all"
     * @return its two masses, {n, m} with n &lt;= m
     */
    int[] massesOf(int c) {
        String[] p = labels[c].split("-");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }
}
