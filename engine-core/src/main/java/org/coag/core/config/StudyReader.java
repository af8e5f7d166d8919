package org.coag.core.config;

import org.coag.core.model.ModelSpec;

/** Reads the optional [study] table. */
final class StudyReader {
    /** Pair correlations pool the observations at t >= 100 eps^2 unless [study] pair_after says otherwise. */
    static final double DEFAULT_PAIR_AFTER = 100;

    private StudyReader() {
    }

    static StudySettings read(ConfigNode root, ModelSpec model) {
        if (!root.has("study")) {
            return new StudySettings(new long[] {model.particles()}, 2, 10, "auto", 4, 30, 3.0, DEFAULT_PAIR_AFTER);
        }
        ConfigNode s = root.table("study");
        long[] particles;
        if (s.has("particles")) {
            double[] v = s.numbers("particles");
            particles = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                if (v[i] != Math.rint(v[i]) || v[i] < 2 || v[i] > Integer.MAX_VALUE - 8) {
                    throw s.error("particles", "entry " + (i + 1) + " must be an integer N >= 2 (got " + v[i] + ")");
                }
                particles[i] = (long) v[i];
            }
        } else {
            particles = new long[] {model.particles()};
        }
        long seeds = s.integer("seeds", 2L);
        long observations = s.integer("observations", 10L);
        if (seeds < 1 || seeds > 10_000) {
            throw s.error("seeds", "must lie in 1..10000 (got " + seeds + ")");
        }
        if (observations < 1 || observations > 10_000) {
            throw s.error("observations", "must lie in 1..10000 (got " + observations + ")");
        }
        String backend = s.string("backend", "auto");
        long k = s.integer("propensity_masses", 4L);
        long bins = s.integer("pair_bins", 30L);
        double pairMax = s.positive("pair_max", 3.0);
        double pairAfter = s.number("pair_after", DEFAULT_PAIR_AFTER);
        if (!(pairAfter >= 0)) {
            throw s.error("pair_after", "must be >= 0 (got " + pairAfter + ")");
        }
        if (k < 1 || k > 64 || bins < 1 || bins > 10_000) {
            throw s.error(k < 1 || k > 64 ? "propensity_masses" : "pair_bins", "out of range (propensity_masses 1..64, pair_bins 1..10000)");
        }
        return new StudySettings(particles, (int) seeds, (int) observations, backend, (int) k, (int) bins, pairMax, pairAfter);
    }
}
