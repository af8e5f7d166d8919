package org.coag.core.config;

import org.coag.core.model.DoiKernel;
import org.coag.core.model.Domain;
import org.coag.core.model.Fragmentation;
import org.coag.core.model.InitialCondition;
import org.coag.core.model.LatticeSpec;
import org.coag.core.model.MassFunction;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.PairFunction;
import org.coag.core.model.Stepping;

/**
 * Reads a lattice config ({@code model.space = "lattice"}, docs/lattice.md): [model] dim (1..4),
 * mode, alpha (rate per co-located pair), diffusion (total jump rate d(n)), particles (only for the
 * one-site start), [model.lattice] side, boundary, coalescence, start, occupation, [initial.mass],
 * and time.dt (the observation step). Every continuum-only key is refused in one line.
 */
final class LatticeReader {
    private static final String[] CONTINUUM_MODEL_KEYS = {"eps", "Z", "volume_fraction", "b", "kernel", "radii", "fragmentation"};
    private static final String[] CONTINUUM_INITIAL_KEYS = {"type", "center", "radius", "half_width", "sigma", "truncate"};
    private static final String[] CONTINUUM_TIME_KEYS = {"dt_over_eps2", "macro_dt", "macro_over_spacing2", "tolerance", "tolerance_load"};
    private static final String NOT_LATTICE = "does not apply to model.space = \"lattice\" (see docs/lattice.md)";

    private LatticeReader() {
    }

    static ModelSpec read(ConfigNode root, ConfigNode m) {
        refuseContinuumKeys(root, m);
        int dim = (int) m.integer("dim", 3L);
        if (dim < 1 || dim > 4) {
            throw m.error("dim", "must be 1, 2, 3 or 4 on a lattice (got " + dim + ")");
        }
        Mode mode = Mode.valueOf(m.choice("mode", "coagulation", "coagulation", "annihilation").toUpperCase());
        ConfigNode l = m.table("lattice");
        long side = l.integer("side", null);
        if (side < 1 || side > 1 << 20) {
            throw l.error("side", "must be an integer from 1 to 2^20 (got " + side + ")");
        }
        LatticeSpec.Boundary boundary = LatticeSpec.Boundary.valueOf(l.choice("boundary", "torus", "torus", "reflecting").toUpperCase());
        boolean instantaneous = l.choice("coalescence", "rate", "rate", "instantaneous").equals("instantaneous");
        if (instantaneous && m.has("alpha")) {
            throw m.error("alpha", "is unused with model.lattice.coalescence = \"instantaneous\"; drop [model.alpha]");
        }
        PairFunction alpha = instantaneous ? PairFunction.constant(1.0) : ModelReader.alpha(m.table("alpha"));
        MassFunction jumpRate = ModelReader.massFunction(m.table("diffusion"), "constant", 1.0);
        LatticeSpec.Start start = LatticeSpec.Start.valueOf(
                l.choice("start", "one_per_site", "one_per_site", "bernoulli", "poisson", "one_site").toUpperCase());
        double occupation = occupation(l, start);
        int count = 0;
        if (start == LatticeSpec.Start.ONE_SITE) {
            long n = m.integer("particles", null);
            if (n < 1 || n > Integer.MAX_VALUE - 8) {
                throw m.error("particles", "must be an integer from 1 to " + (Integer.MAX_VALUE - 8) + " (got " + n + ")");
            }
            count = (int) n;
        } else if (m.has("particles")) {
            throw m.error("particles", "is set by model.lattice.start = \"" + start.name().toLowerCase()
                    + "\" on a lattice; it is only for start = \"one_site\"");
        }
        if (Math.pow(side, dim) > 0x1p62) {
            throw l.error("side", side + "^" + dim + " sites exceed 2^62, the range of a site index; lower it");
        }
        if (start != LatticeSpec.Start.ONE_SITE && Math.pow(side, dim) > Integer.MAX_VALUE - 8) {
            throw l.error("side", side + "^" + dim + " sites exceed " + (Integer.MAX_VALUE - 8) + ", the most a start over every site can visit");
        }
        LatticeSpec lattice = new LatticeSpec((int) side, boundary, instantaneous, start, occupation, count);
        long capacity = lattice.capacity(dim);
        if (capacity > Integer.MAX_VALUE - 8) {
            throw l.error("side", "gives up to " + capacity + " walkers, more than " + (Integer.MAX_VALUE - 8) + "; lower it");
        }
        double[] weights = InitialReader.massWeights(root.table("initial").table("mass"));
        InitialCondition initial = new InitialCondition(InitialCondition.Shape.UNIFORM, new double[dim], 0, 0, weights);
        if (capacity * initial.maxMass() > Integer.MAX_VALUE) {
            throw root.table("initial").table("mass").error("value",
                    "the walkers times the largest initial mass exceed 2^31 - 1, the largest mass a walker can hold");
        }
        checkRates(m, alpha, jumpRate, initial.maxMass(), instantaneous);
        ConfigNode time = root.table("time");
        double dt = time.positive("dt", 1.0);
        ModelSpec spec = new ModelSpec(dim, mode, (int) capacity, 1.0, 1.0, new DoiKernel(), alpha, jumpRate, null,
                new Domain(Domain.Type.TORUS, side), initial, dt, Stepping.FIXED, lattice, Fragmentation.NONE);
        return spec;
    }

    private static double occupation(ConfigNode l, LatticeSpec.Start start) {
        if (start == LatticeSpec.Start.BERNOULLI) {
            double p = l.number("occupation", null);
            if (!(p > 0 && p <= 1)) {
                throw l.error("occupation", "the Bernoulli probability must lie in (0, 1] (got " + p + ")");
            }
            return p;
        }
        if (start == LatticeSpec.Start.POISSON) {
            double lambda = l.number("occupation", null);
            if (!(lambda > 0 && lambda <= 100)) {
                throw l.error("occupation", "the Poisson mean per site must lie in (0, 100] (got " + lambda + ")");
            }
            return lambda;
        }
        if (l.has("occupation")) {
            throw l.error("occupation", "is only for start = \"bernoulli\" or \"poisson\"");
        }
        return 0;
    }

    private static void refuseContinuumKeys(ConfigNode root, ConfigNode m) {
        for (String k : CONTINUUM_MODEL_KEYS) {
            if (m.has(k)) {
                throw m.error(k, NOT_LATTICE);
            }
        }
        if (root.has("domain")) {
            throw new ModelException("domain: " + NOT_LATTICE + "; the lattice's box is model.lattice.side");
        }
        ConfigNode initial = root.table("initial");
        for (String k : CONTINUUM_INITIAL_KEYS) {
            if (initial.has(k)) {
                throw initial.error(k, NOT_LATTICE + "; the lattice start is model.lattice.start");
            }
        }
        ConfigNode time = root.table("time");
        if (time.has("scheme") && !time.choice("scheme", "exact", "fixed", "adaptive", "exact").equals("exact")) {
            throw time.error("scheme", "the lattice model is exact in time (event-driven); drop time.scheme or set it to \"exact\"");
        }
        for (String k : CONTINUUM_TIME_KEYS) {
            if (time.has(k)) {
                throw time.error(k, NOT_LATTICE + "; time.dt is the observation step of an exact run");
            }
        }
        if (root.table("observe").has("snapshots")) {
            throw new ModelException("observe.snapshots: not available for the lattice model (positions are sites, not H5MD coordinates)");
        }
    }

    /** d(n) and alpha(n, m) positive and finite for the initial masses (a table that ends early stops the run when reached). */
    private static void checkRates(ConfigNode m, PairFunction alpha, MassFunction jumpRate, int maxMass, boolean instantaneous) {
        for (int n = 1; n <= Math.min(maxMass, 4096); n++) {
            double d = jumpRate.at(n);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw m.table("diffusion").error("type", "the jump rate d(" + n + ") = " + d + " must be positive and finite");
            }
            for (int k = 1; k <= Math.min(n, 64) && !instantaneous; k++) {
                double a = alpha.at(n, k);
                if (!(a > 0) || Double.isInfinite(a)) {
                    throw m.table("alpha").error("type", "alpha(" + n + ", " + k + ") = " + a + " must be positive and finite");
                }
            }
        }
    }
}
