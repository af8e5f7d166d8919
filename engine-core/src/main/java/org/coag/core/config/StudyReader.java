package org.coag.core.config;

import org.coag.core.model.ModelSpec;

/** Reads the optional [study] table. */
final class StudyReader {
    /** Pair correlations pool the observations at t >= 100 eps^2 unless [study] pair_after says otherwise. */
    static final double DEFAULT_PAIR_AFTER = 100;

    /** The continuum study's keys that a lattice study refuses rather than ignores. */
    private static final String[] LATTICE_REFUSED = {"particles", "propensity_masses", "pair_bins", "pair_max", "pair_after"};

    private StudyReader() {
    }

    static StudySettings read(ConfigNode root, ModelSpec model) {
        if (!root.has("study")) {
            return new StudySettings(new long[] {model.particles()}, 2, 10, "auto", 4, 30, 3.0, DEFAULT_PAIR_AFTER,
                    model.isLattice() ? new int[] {model.lattice().side()} : new int[0]);
        }
        ConfigNode s = root.table("study");
        int[] sides = model.isLattice() ? sides(s, model) : new int[0];
        if (!model.isLattice() && s.has("sides")) {
            throw s.error("sides", "is for a lattice study (model.space = \"lattice\"); a continuum study sweeps study.particles");
        }
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
        if (model.isLattice()) {
            return new StudySettings(particles, (int) seeds, (int) observations, backend, 4, 30, 3.0, DEFAULT_PAIR_AFTER, sides);
        }
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
        return new StudySettings(particles, (int) seeds, (int) observations, backend, (int) k, (int) bins, pairMax, pairAfter, sides);
    }

    /** A lattice study's sides L (default: model.lattice.side); the continuum's sweep and pair keys are refused. */
    private static int[] sides(ConfigNode s, ModelSpec model) {
        for (String k : LATTICE_REFUSED) {
            if (s.has(k)) {
                throw s.error(k, "does not apply to a lattice study, which sweeps study.sides (see docs/lattice.md)");
            }
        }
        if (!s.has("sides")) {
            return new int[] {model.lattice().side()};
        }
        double[] v = s.numbers("sides");
        int[] sides = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 1 || v[i] > 1 << 20) {
                throw s.error("sides", "entry " + (i + 1) + " must be an integer side L from 1 to 2^20 (got " + v[i] + ")");
            }
            sides[i] = (int) v[i];
        }
        return sides;
    }
}
