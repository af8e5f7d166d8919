package org.coag.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.model.ReachableMasses;
import org.coag.core.model.TableKernel;
import org.coag.core.theory.BetaRecipe;

/**
 * The time-step error budget printed at the start of a run (docs/model.md, "Choosing dt"). With the
 * adaptive scheme the rate and step figures are those of its finest sub-step h, where the
 * fixed-step rule applies; dt is the macro step.
 *
 * @param eps interaction range parameter eps
 * @param dt time step
 * @param dtOverEps2 dt / eps^2
 * @param volumeFraction phi = N |B_range| / |L| for mass 1
 * @param maxRateDt largest rate * dt of a mass-1 pair (alpha prefactor * max V * dt; adaptive: * h)
 * @param rmsStepOverRange rms one-coordinate step of a mass-1 particle over the mass-1 range (adaptive: in h)
 * @param eventsPerStep expected collisions in the first step (naive mean field)
 * @param initialDensity f(0) in PDE units
 * @param finest adaptive: the finest sub-step h = dt / 2^levels (0 for the fixed scheme)
 * @param levels adaptive: dyadic levels per macro step
 * @param tolerance adaptive: the bridge-bound tolerance
 * @param toleranceLoad adaptive: tolerance x N / eventsPerStep, the bound on misses per macro step if every
 *                      particle had one screened pair, over the events of that step (0 for the fixed scheme)
 */
public record Diagnostics(double eps, double dt, double dtOverEps2, double volumeFraction, double maxRateDt,
                          double rmsStepOverRange, double eventsPerStep, double initialDensity, double finest, int levels,
                          double tolerance, double toleranceLoad) {
    /**
     * The tolerance load above which {@link #toleranceWarning} speaks. Measured in the Z = 1 regime
     * (d = 3 torus annihilation, Doi kernel, macro step 0.05 l^2 / 2; events missed against tolerance
     * 1e-9 on the same paths, BENCHMARKS.md): load 0.95 (N = 1e6, tolerance 1e-5) missed 1.7 % of the
     * events, 0.21 (N = 1e5, 1e-5) 0.4 %, 0.095 (N = 1e6, 1e-6) 0.14 %, 0.0095 (N = 1e6, 1e-7) 0.02 %.
     */
    public static final double TOLERANCE_LOAD_WARNING = 0.3;

    /**
     * @param spec the model
     * @return its diagnostics
     */
    public static Diagnostics of(ModelSpec spec) {
        double vmax = maxKernel(spec.kernel());
        double prefactor = spec.ratePrefactor(1, 1);
        double n = spec.particles();
        double events = spec.expectedEventsFirstStep();
        int levels = spec.stepping().levels();
        boolean adaptive = spec.stepping().adaptive();
        double h = adaptive ? StrictMath.scalb(spec.dt(), -levels) : spec.dt();
        double step = Math.sqrt(2 * spec.diffusion().at(1) * h);
        double load = adaptive && events > 0 ? spec.stepping().tolerance() * n / events : 0;
        return new Diagnostics(spec.eps(), spec.dt(), spec.dt() / (spec.eps() * spec.eps()), spec.volumeFraction(),
                prefactor * vmax * h, step / spec.interactionRange(1, 1), events, spec.initialDensity(),
                adaptive ? h : 0, levels, spec.stepping().tolerance(), load);
    }

    /**
     * @return a warning when the adaptive scheme's tolerance is not small against the events per
     *         particle and macro step (the screen's misses add up over the pairs it leaves alone and
     *         then bias the measured rates by a measurable share), else null
     */
    public String toleranceWarning() {
        if (!(toleranceLoad > TOLERANCE_LOAD_WARNING)) {
            return null;
        }
        return String.format(Locale.ROOT, "warning: time.tolerance %.3g is not small against the events per particle and macro step"
                + " (tolerance x N / expected events in macro step 1 = %.3g); the misses add up over the screened pairs and may"
                + " bias the rates by a percent or more (in the Z = 1 regime: 1.7 %% of the events missed at 0.95, 0.4 %% at 0.21, 0.14 %% at 0.095,"
                + " 0.02 %% at 0.0095); lower time.tolerance (the cost grows about like ln(1/tolerance)^(3/2))", tolerance, toleranceLoad);
    }

    /** rate x (finest) step above which a run is warned: a pair in range then reacts within about one step. */
    public static final double RATE_DT_WARNING = 1.0;
    /** Volume fraction above which a run is warned: the kinetic limit assumes dilute interaction balls. */
    public static final double VOLUME_FRACTION_WARNING = 0.1;

    /**
     * Physically doubtful but legal settings, each one line: rate x step above
     * {@link #RATE_DT_WARNING} for some reachable pair of masses, a volume fraction above
     * {@link #VOLUME_FRACTION_WARNING}, and {@link #toleranceWarning}.
     *
     * @param spec the model these diagnostics are of
     * @return the warnings (empty when none)
     */
    public List<String> warnings(ModelSpec spec) {
        List<String> w = new ArrayList<>();
        double h = finest > 0 ? finest : dt;
        double vmax = maxKernel(spec.kernel());
        ReachableMasses masses = ReachableMasses.of(spec);
        int upTo = masses.upToDefined(n -> spec.ratePrefactor(n, n) + spec.ratePrefactor(n, 1));
        double worst = 0;
        int worstN = 1;
        int worstM = 1;
        for (int n : masses.upTo(upTo)) {
            for (int m : masses.upTo(n)) {
                double r = spec.ratePrefactor(n, m) * vmax * h;
                if (r > worst) {
                    worst = r;
                    worstN = n;
                    worstM = m;
                }
            }
        }
        if (worst > RATE_DT_WARNING) {
            w.add(String.format(Locale.ROOT, "warning: rate x %s = %.3g for masses (%d, %d): a pair in range reacts within about one "
                    + "step, so the step, not the rate, sets the reaction (the result then depends on dt); lower %s",
                    finest > 0 ? "finest sub-step" : "dt", worst, worstN, worstM, finest > 0 ? "time.dt_over_eps2" : "the time step"));
        }
        if (volumeFraction > VOLUME_FRACTION_WARNING) {
            w.add(String.format(Locale.ROOT, "warning: volume fraction %.3g: the interaction balls fill more than %.0f %% of the box, far "
                    + "from the dilute regime of the kinetic limit; raise N or lower eps", volumeFraction, 100 * VOLUME_FRACTION_WARNING));
        }
        String tol = toleranceWarning();
        if (tol != null) {
            w.add(tol);
        }
        return w;
    }

    private static double maxKernel(RadialKernel k) {
        if (k instanceof TableKernel t) {
            double m = 0;
            for (double v : t.values()) {
                m = Math.max(m, v);
            }
            return m;
        }
        return k.value(0);
    }

    /**
     * @param spec the model
     * @return these numbers plus the theory rates, for meta.json
     */
    public Map<String, Object> toMap(ModelSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eps", eps);
        m.put("dt", dt);
        m.put("dt_over_eps2", dtOverEps2);
        m.put("volume_fraction", volumeFraction);
        m.put("max_rate_dt", maxRateDt);
        m.put("rms_step_over_range", rmsStepOverRange);
        m.put("expected_events_first_step", eventsPerStep);
        m.put("initial_density", initialDensity);
        m.put("scheme", finest > 0 ? "adaptive" : "fixed");
        if (finest > 0) {
            m.put("finest_substep", finest);
            m.put("finest_over_eps2", finest / (eps * eps));
            m.put("levels", levels);
            m.put("tolerance", tolerance);
            m.put("tolerance_load", toleranceLoad);
        }
        BetaRecipe beta = BetaRecipe.of(spec);
        m.put("beta_naive", beta.naive(1, 1));
        m.put("beta_theory", beta.at(1, 1));
        m.put("beta_limit", beta.limit(1, 1));
        return m;
    }
}
