package org.coag.core.config;

import org.coag.core.model.BumpKernel;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.Domain;
import org.coag.core.model.Fragmentation;
import org.coag.core.model.InitialCondition;
import org.coag.core.model.MassFunction;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.PairFunction;
import org.coag.core.model.RadialKernel;
import org.coag.core.model.Stepping;
import org.coag.core.model.TableKernel;

/** Reads and validates the physics tables [model], [domain], [initial] and the time step. */
final class ModelReader {
    private ModelReader() {
    }

    static ModelSpec read(ConfigNode root) {
        ConfigNode m = root.table("model");
        if (m.choice("space", "continuum", "continuum", "lattice").equals("lattice")) {
            return LatticeReader.read(root, m);
        }
        int dim = (int) m.integer("dim", 3L);
        if (dim < 2 || dim > 4) {
            throw m.error("dim", "must be 2, 3 or 4 (got " + dim + ")");
        }
        Mode mode = Mode.valueOf(m.choice("mode", "coagulation", "coagulation", "annihilation").toUpperCase());
        long n = m.integer("particles", null);
        if (n < 1 || n > Integer.MAX_VALUE - 8) {
            throw m.error("particles", "must be an integer from 1 to " + (Integer.MAX_VALUE - 8) + " (got " + n + ")");
        }
        double b = m.number("b", 1.0);
        if (!(b > 0 && b <= 1)) {
            throw m.error("b", "the P_{N,b} exponent must lie in (0, 1] (got " + b + ")");
        }
        RadialKernel kernel = kernel(m.table("kernel"));
        PairFunction alpha = alpha(m.table("alpha"));
        MassFunction diffusion = massFunction(m.table("diffusion"), "constant", 1.0);
        MassFunction radii = radii(m.table("radii"));
        Domain domain = domain(root.table("domain"));
        InitialCondition initial = InitialReader.read(root.table("initial"), dim, domain);
        double eps = EpsResolver.resolve(m, dim, (int) n, b, kernel, radii, domain);
        ConfigNode time = root.table("time");
        Stepping stepping;
        double dt;
        if (time.choice("scheme", "fixed", "fixed", "adaptive").equals("fixed")) {
            for (String key : new String[] {"macro_dt", "macro_over_spacing2", "tolerance", "tolerance_load"}) {
                if (time.has(key)) {
                    throw time.error(key, "belongs to the adaptive scheme: set time.scheme = \"adaptive\" or drop it");
                }
            }
            stepping = Stepping.FIXED;
            dt = timeStep(time, eps);
        } else {
            dt = macroStep(time, dim, (int) n, diffusion, domain, initial);
            stepping = adaptive(time, dt, timeStep(time, eps), root.has("study"));
            if (Double.isNaN(stepping.tolerance())) {
                double load = time.positive("tolerance_load", null);
                ModelSpec provisional = new ModelSpec(dim, mode, (int) n, eps, b, kernel, alpha, diffusion, radii, domain, initial, dt, stepping);
                double tolerance = load * provisional.expectedEventsFirstStep() / n;
                if (!(tolerance > 0 && tolerance < 1)) {
                    throw time.error("tolerance_load", String.format("%.3g gives a per-pair tolerance of %.3g, outside (0, 1); "
                            + "give time.tolerance instead", load, tolerance));
                }
                stepping = new Stepping(Stepping.Scheme.ADAPTIVE, stepping.finest(), tolerance, stepping.levels());
            }
        }
        Fragmentation fragmentation = FragmentationReader.read(m.table("fragmentation"), mode, stepping);
        ModelSpec spec = new ModelSpec(dim, mode, (int) n, eps, b, kernel, alpha, diffusion, radii, domain, initial, dt, stepping,
                null, fragmentation);
        ModelChecks.check(spec, m, root);
        return spec;
    }

    private static RadialKernel kernel(ConfigNode k) {
        String type = k.choice("type", "doi", "doi", "bump", "table");
        switch (type) {
            case "bump":
                return new BumpKernel();
            case "table":
                double[] r = k.numbers("r");
                double[] v = k.numbers("v");
                if (r.length != v.length || r.length < 2) {
                    throw k.error("v", "needs one value per radius in model.kernel.r (at least two)");
                }
                for (int i = 0; i < r.length; i++) {
                    if ((i == 0 && r[0] != 0) || (i > 0 && !(r[i] > r[i - 1]))) {
                        throw k.error("r", "radii must start at 0 and increase strictly");
                    }
                    if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
                        throw k.error("v", "values must be finite and non-negative");
                    }
                }
                return new TableKernel(r, v);
            default:
                return new DoiKernel();
        }
    }

    static PairFunction alpha(ConfigNode a) {
        String type = a.choice("type", "constant", "constant", "table", "formula");
        PairFunction f;
        switch (type) {
            case "table":
                double[][] t = a.matrix("values");
                for (int i = 0; i < t.length; i++) {
                    for (int j = 0; j < t.length; j++) {
                        if (!(t[i][j] > 0) || t[i][j] != t[j][i] || Double.isInfinite(t[i][j])) {
                            throw a.error("values", "must be positive, finite and symmetric (entry " + (i + 1) + ", " + (j + 1) + ")");
                        }
                    }
                }
                f = PairFunction.table("model.alpha.values", t);
                break;
            case "formula":
                f = PairFunction.formula(a.string("expression", null));
                break;
            default:
                f = PairFunction.constant(a.positive("value", 1.0));
        }
        for (int i = 1; i <= 4; i++) {
            for (int j = 1; j <= 4; j++) {
                double v;
                try {
                    v = f.at(i, j);
                } catch (ModelException e) {
                    continue;
                }
                if (!(v > 0) || Double.isInfinite(v) || v != f.at(j, i)) {
                    throw a.error(type.equals("formula") ? "expression" : "value",
                            "alpha(" + i + ", " + j + ") = " + v + " must be positive, finite and symmetric");
                }
            }
        }
        return f;
    }

    static MassFunction massFunction(ConfigNode d, String fallbackType, double fallbackValue) {
        String type = d.choice("type", fallbackType, "constant", "power", "table");
        MassFunction f;
        switch (type) {
            case "power":
                f = MassFunction.power(d.positive("coefficient", fallbackValue), d.number("exponent", null));
                break;
            case "table":
                double[] v = d.numbers("values");
                for (double x : v) {
                    if (!(x > 0) || Double.isInfinite(x)) {
                        throw d.error("values", "must be positive and finite");
                    }
                }
                f = MassFunction.table(d.path("values"), v);
                break;
            default:
                f = MassFunction.constant(d.positive("value", fallbackValue));
        }
        return f;
    }

    private static MassFunction radii(ConfigNode r) {
        String type = r.choice("type", "none", "none", "constant", "power", "table");
        if (type.equals("none")) {
            return null;
        }
        return massFunction(r, type, 0.5);
    }

    private static Domain domain(ConfigNode d) {
        Domain.Type type = Domain.Type.valueOf(d.choice("type", "torus", "torus", "free").toUpperCase());
        return new Domain(type, d.positive("side", 1.0));
    }

    /**
     * The adaptive scheme's macro step: time.macro_dt, or time.macro_over_spacing2 (default 0.05)
     * times l^2 / (2 d_max), l = (volume / N)^(1/d) the typical spacing at the start (the box on a
     * torus, the initial support in free space) and d_max the largest d(n) of the initial masses;
     * then shortened to end at time.t_end exactly ({@link #fitToEnd}).
     */
    private static double macroStep(ConfigNode t, int dim, int n, MassFunction diffusion, Domain domain, InitialCondition initial) {
        if (t.has("macro_dt")) {
            if (t.has("macro_over_spacing2")) {
                throw t.error("macro_dt", "give either time.macro_dt or time.macro_over_spacing2, not both");
            }
            return fitToEnd(t, t.positive("macro_dt", null));
        }
        double volume = initial.occupiedVolume(dim, domain);
        double spacing = StrictMath.pow(volume / n, 1.0 / dim);
        double dMax = 0;
        for (int m = 1; m <= Math.min(initial.maxMass(), 4096); m++) {
            dMax = Math.max(dMax, diffusion.at(m));
        }
        return fitToEnd(t, t.positive("macro_over_spacing2", 0.05) * spacing * spacing / (2 * dMax));
    }

    /**
     * A run given by time.t_end ends there exactly: the macro step is shortened to t_end / K, K the
     * number of macro steps of the nominal length needed to reach t_end (so by less than a factor
     * K / (K + 1)). A run given by time.steps keeps the nominal step.
     */
    private static double fitToEnd(ConfigNode t, double macro) {
        if (!t.has("t_end") || t.has("steps")) {
            return macro;
        }
        double tEnd = t.positive("t_end", null);
        double k = RunReader.stepsToReach(tEnd, macro);
        return k >= 1 && k < (double) (1L << 56) ? tEnd / k : macro;
    }

    /**
     * The adaptive scheme: finest sub-step = the fixed scheme's step (time.dt or time.dt_over_eps2),
     * at most. The tolerance is time.tolerance (default {@link Stepping#DEFAULT_TOLERANCE}), or NaN
     * when it follows from time.tolerance_load (the default in a study, {@link Stepping#STUDY_TOLERANCE_LOAD}),
     * which the caller resolves once the model is known.
     */
    private static Stepping adaptive(ConfigNode t, double macro, double finest, boolean study) {
        double tolerance;
        if (t.has("tolerance_load")) {
            if (t.has("tolerance")) {
                throw t.error("tolerance_load", "give either time.tolerance or time.tolerance_load, not both");
            }
            tolerance = Double.NaN;
        } else if (study && !t.has("tolerance")) {
            t.positive("tolerance_load", Stepping.STUDY_TOLERANCE_LOAD);
            tolerance = Double.NaN;
        } else {
            tolerance = t.positive("tolerance", Stepping.DEFAULT_TOLERANCE);
            if (!(tolerance < 1)) {
                throw t.error("tolerance", "must lie in (0, 1) (got " + tolerance + ")");
            }
        }
        int levels = 0;
        while (macro / StrictMath.scalb(1.0, levels) > finest) {
            levels++;
            if (levels > Stepping.MAX_LEVELS) {
                throw t.error("macro_dt", String.format("the macro step %.3g is more than 2^%d finest sub-steps of %.3g; "
                        + "shorten the macro step or raise time.dt_over_eps2", macro, Stepping.MAX_LEVELS, finest));
            }
        }
        return new Stepping(Stepping.Scheme.ADAPTIVE, finest, tolerance, levels);
    }

    private static double timeStep(ConfigNode t, double eps) {
        if (t.has("dt")) {
            if (t.has("dt_over_eps2")) {
                throw t.error("dt", "give either time.dt or time.dt_over_eps2, not both");
            }
            return t.positive("dt", null);
        }
        return t.positive("dt_over_eps2", 0.01) * eps * eps;
    }
}
