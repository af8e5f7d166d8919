package org.coag.core.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.model.TableKernel;
import org.coag.core.theory.BetaRecipe;

/**
 * The time-step error budget printed at the start of a run (DESIGN.md, "The step"). With the
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
 */
public record Diagnostics(double eps, double dt, double dtOverEps2, double volumeFraction, double maxRateDt,
                          double rmsStepOverRange, double eventsPerStep, double initialDensity, double finest, int levels,
                          double tolerance) {
    /**
     * @param spec the model
     * @return its diagnostics
     */
    public static Diagnostics of(ModelSpec spec) {
        double vmax = maxKernel(spec.kernel());
        double prefactor = spec.ratePrefactor(1, 1);
        double unit = spec.rangeUnit(1, 1);
        double n = spec.particles();
        double pairRateIntegral = prefactor * Math.pow(unit, spec.dim()) * spec.kernel().integral(spec.dim());
        double events = n * n / (2 * spec.domain().volume(spec.dim())) * pairRateIntegral * spec.dt();
        int levels = spec.stepping().levels();
        double h = spec.stepping().adaptive() ? StrictMath.scalb(spec.dt(), -levels) : spec.dt();
        double step = Math.sqrt(2 * spec.diffusion().at(1) * h);
        return new Diagnostics(spec.eps(), spec.dt(), spec.dt() / (spec.eps() * spec.eps()), spec.volumeFraction(),
                prefactor * vmax * h, step / spec.interactionRange(1, 1), events, spec.initialDensity(),
                spec.stepping().adaptive() ? h : 0, levels, spec.stepping().tolerance());
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
        }
        BetaRecipe beta = BetaRecipe.of(spec);
        m.put("beta_naive", beta.naive(1, 1));
        m.put("beta_theory", beta.at(1, 1));
        return m;
    }
}
