package org.coag.core.theory;

import org.coag.core.config.RunConfig;
import org.coag.core.config.TheorySettings;
import org.coag.core.model.Domain;
import org.coag.core.model.InitialCondition;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * The macroscopic problem a particle config defines (one config drives both): masses 1..M, beta
 * from the recipe, d(n), f_n(x, 0) from the initial law, the final time and output times, with
 * the automatic choices of {@link TheorySettings} resolved.
 */
public final class TheoryProblem {
    private final ModelSpec spec;
    private final TheorySettings settings;
    private final int maxMass;
    private final double tEnd;
    private final BetaTable beta;
    private final CoagulationKernel kernel;
    private final double[] diffusion;

    private TheoryProblem(RunConfig config) {
        this.spec = config.model();
        this.settings = config.theory();
        int initialMax = spec.initial().maxMass();
        this.maxMass = settings.masses() > 0 ? settings.masses()
                : spec.mode() == Mode.ANNIHILATION ? initialMax : largestTabulated(spec, Math.max(32, 2 * initialMax), initialMax);
        this.tEnd = settings.tEnd() > 0 ? settings.tEnd() : config.run().steps() * spec.dt();
        try {
            this.beta = BetaTable.build(spec, maxMass);
        } catch (ModelException e) {
            throw new ModelException(e.getMessage() + " (theory.masses = " + maxMass + "; lower it to what the tables cover)");
        }
        this.kernel = settings.kernel().equals("recipe_limit") ? BetaTable.build(spec, maxMass, true) : kernel(settings, beta);
        this.diffusion = new double[maxMass];
        for (int n = 1; n <= maxMass; n++) {
            diffusion[n - 1] = spec.diffusion().at(n);
        }
    }

    private static CoagulationKernel kernel(TheorySettings s, BetaTable beta) {
        switch (s.kernel()) {
            case "constant":
                return CoagulationKernel.constant(s.kernelCoefficient());
            case "additive":
                return CoagulationKernel.additive(s.kernelCoefficient());
            case "multiplicative":
                return CoagulationKernel.multiplicative(s.kernelCoefficient());
            default:
                return beta;
        }
    }

    /** The largest M &lt;= wanted (and &gt;= floor) whose d(M), r_M and alpha(M, M) the config's tables define. */
    private static int largestTabulated(ModelSpec spec, int wanted, int floor) {
        for (int m = wanted; m > floor; m--) {
            try {
                spec.diffusion().at(m);
                spec.rangeFactor(m, m);
                spec.alpha().at(m, m);
                return m;
            } catch (ModelException e) {
                continue;
            }
        }
        return floor;
    }

    /**
     * @param config a validated config
     * @return its macroscopic problem (builds the beta table)
     */
    public static TheoryProblem of(RunConfig config) {
        return new TheoryProblem(config);
    }

    /** @return the model */
    public ModelSpec spec() {
        return spec;
    }

    /** @return the settings as read */
    public TheorySettings settings() {
        return settings;
    }

    /** @return M */
    public int maxMass() {
        return maxMass;
    }

    /** @return the final time */
    public double tEnd() {
        return tEnd;
    }

    /** @return beta(n, m) for n, m &lt;= M */
    public BetaTable beta() {
        return beta;
    }

    /** @return the kernel K of the ODE and PDE: the beta table, or the classical kernel of theory.kernel */
    public CoagulationKernel kernel() {
        return kernel;
    }

    /** @return d(n) for n = 1..M (index n-1) */
    public double[] diffusion() {
        return diffusion.clone();
    }

    /** @return the output times: outputs equally spaced points on (0, t_end] */
    public double[] outputTimes() {
        int k = settings.outputs();
        double[] t = new double[k];
        for (int i = 1; i <= k; i++) {
            t[i - 1] = tEnd * i / k;
        }
        return t;
    }

    /**
     * The spatially homogeneous initial densities, for the ODE (2.1).
     *
     * @return f_n(0) for n = 1..M: f(0) w_n / sum w, f(0) = the model's initial density
     * @throws ModelException unless the config is a torus with a uniform start
     */
    public double[] odeInitial() {
        if (spec.domain().type() != Domain.Type.TORUS || spec.initial().shape() != InitialCondition.Shape.UNIFORM) {
            throw new ModelException("theory ode: the ODE (2.1) is the spatially homogeneous case and needs a torus with "
                    + "initial.type = \"uniform\"; use `coag theory pde` for this config");
        }
        double[] w = spec.initial().massWeights();
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double[] f = new double[maxMass];
        for (int n = 1; n <= Math.min(w.length, maxMass); n++) {
            f[n - 1] = spec.initialDensity() * w[n - 1] / sum;
        }
        return f;
    }

    /** @return the PDE grid: the model's torus, or radial shells about the start's centre in free space */
    public PdeGeometry geometry() {
        int d = spec.dim();
        if (spec.domain().type() == Domain.Type.TORUS) {
            int n = settings.grid() > 0 ? settings.grid() : d == 2 ? 128 : d == 3 ? 64 : 16;
            return new TorusGeometry(d, n, spec.domain().side());
        }
        int shells = settings.grid() > 0 ? settings.grid() : 512;
        double radius = settings.radius();
        if (radius == 0) {
            double dMax = 0;
            for (double v : diffusion) {
                dMax = Math.max(dMax, v);
            }
            radius = spec.initial().extent() + 6 * Math.sqrt(2 * dMax * tEnd);
        }
        return new RadialGeometry(d, shells, radius);
    }

    /**
     * @param g the grid from {@link #geometry()}
     * @return f_n(x, 0) as cell averages, [n-1][cell]
     */
    public double[][] pdeInitial(PdeGeometry g) {
        return g instanceof TorusGeometry ? InitialFields.torus(spec, (TorusGeometry) g, maxMass)
                : InitialFields.radial(spec, (RadialGeometry) g, maxMass);
    }

    /**
     * @param initial f_n(x, 0)
     * @return the configured step, or 0.02 / (the largest initial reaction rate K(n,m) f_m), at most t_end / 20
     */
    public double pdeStep(double[][] initial) {
        if (settings.dt() > 0) {
            return settings.dt();
        }
        double rate = 0;
        int cells = initial[0].length;
        for (int c = 0; c < cells; c++) {
            for (int n = 1; n <= maxMass; n++) {
                double r = 0;
                for (int m = 1; m <= maxMass; m++) {
                    r += kernel.at(n, m) * initial[m - 1][c];
                }
                rate = Math.max(rate, r);
            }
        }
        return Math.min(tEnd / 20, rate > 0 ? 0.02 / rate : Double.POSITIVE_INFINITY);
    }

    /** @return a multi-line description of the problem for reports */
    public String describe() {
        BetaRecipe recipe = BetaRecipe.of(spec);
        String text = String.format("d = %d, %s, M = %d masses, t_end = %.6g%nbeta: %s; beta(1,1) = %.10g at this eps "
                        + "(limit eps -> 0: %.10g; naive %.10g)",
                spec.dim(), spec.mode().name().toLowerCase(), maxMass, tEnd, beta.rule().description(), beta.at(1, 1),
                recipe.limit(1, 1), recipe.naive(1, 1));
        return kernel == beta ? text : text + String.format("%nkernel: K = %s (theory.kernel), not beta", kernel.describe());
    }
}
