package org.coag.core.config;

import java.util.Locale;
import org.coag.core.model.Domain;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.ReachableMasses;

/**
 * Cross-field checks that need the resolved eps and dt, over every mass a run can reach
 * ({@link ReachableMasses}): a run that would meet an infinite or negative rate, a particle that
 * jumps across the box, or a range or step below what fixed-point positions resolve is refused
 * before it starts, naming the field and the mass. The range is checked on the initial masses only:
 * with radii, a range that grows past half the box as masses grow is a state the run may or may not
 * reach, and every step checks it ({@code StepLimits.rangeTooLarge}) with a clear error. Physically doubtful but legal settings are
 * warnings ({@code org.coag.core.run.Diagnostics#warnings}), not errors.
 */
final class ModelChecks {
    /**
     * The smallest range and rms step, as fractions of the box side, that positions in units of
     * side / 2^64 resolve: 2^20 and 2^10 units (a range of 2^20 units resolves the kernel to one
     * part in 10^6; below 2^10 units per step the rounding of each step is a 0.1 % effect).
     */
    static final double MIN_RANGE = 0x1p-44;
    static final double MIN_STEP = 0x1p-54;

    private ModelChecks() {
    }

    static void check(ModelSpec s, ConfigNode model, ConfigNode root) {
        double side = s.domain().side();
        ConfigNode time = root.table("time");
        if ((long) s.particles() * s.initial().maxMass() > Integer.MAX_VALUE) {
            throw root.table("initial").table("mass").error("value",
                    "N times the largest initial mass exceeds 2^31 - 1, the largest mass a particle can hold");
        }
        String epsKey = model.has("eps") ? "eps" : model.has("Z") ? "Z" : "volume_fraction";
        if (!(s.eps() >= Double.MIN_NORMAL) || !(s.dt() >= Double.MIN_NORMAL)) {
            throw time.error(time.has("dt") ? "dt" : "dt_over_eps2", String.format(Locale.ROOT,
                    "eps = %.3g and dt = %.3g: the time step underflows; raise eps or the step", s.eps(), s.dt()));
        }
        ReachableMasses masses = ReachableMasses.of(s);
        String reach = s.mode() == Mode.COAGULATION ? " (reachable by coagulation: up to N x the largest initial mass = "
                + masses.max() + ")" : "";
        for (int n = 1; n <= Math.min(s.initial().maxMass(), 4096); n++) {
            double range = s.interactionRange(n, n);
            if (!(range < side / 2)) {
                throw model.error(epsKey, "the interaction range " + range + " of mass " + n
                        + " is not below half the box side (domain.side = " + side + ")");
            }
        }
        if (!(s.interactionRange(1, 1) >= MIN_RANGE * side)) {
            throw model.error(epsKey, String.format(Locale.ROOT, "the interaction range %.3g is below %.3g (2^-44 of the box side), "
                    + "finer than fixed-point positions resolve; raise eps or shrink domain.side", s.interactionRange(1, 1), MIN_RANGE * side));
        }
        checkSeam(s, root, s.interactionRange(1, 1));
        double finest = s.stepping().adaptive() ? s.stepping().finest() : s.dt();
        int diffusionUpTo = masses.upToDefined(n -> s.diffusion().at(n));
        for (int n : masses.upTo(diffusionUpTo)) {
            double d = s.diffusion().at(n);
            String field = root.table("model").table("diffusion").path("type");
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new ModelException(field + ": d(" + n + ") = " + d + " must be positive and finite" + reach);
            }
            double step = Math.sqrt(2 * d * s.dt());
            if (!(step < side / 16)) {
                throw time.error(time.has("dt") ? "dt" : s.stepping().adaptive() ? "macro_over_spacing2" : "dt_over_eps2",
                        "one step moves a particle of mass " + n + reach + " a typical distance " + step
                                + ", more than 1/16 of the box side; lower the time step (or " + field + ")");
            }
        }
        if (!(Math.sqrt(2 * s.diffusion().at(1) * finest) >= MIN_STEP * side)) {
            throw time.error(time.has("dt") ? "dt" : "dt_over_eps2", String.format(Locale.ROOT,
                    "the rms step of mass 1 in the finest step, %.3g, is below %.3g (2^-54 of the box side): particles would "
                            + "not move; raise the time step", Math.sqrt(2 * s.diffusion().at(1) * finest), MIN_STEP * side));
        }
        checkRates(s, model, masses, reach);
    }

    private static void checkSeam(ModelSpec s, ConfigNode root, double range) {
        if (s.domain().type() != Domain.Type.FREE) {
            return;
        }
        double side = s.domain().side();
        double reach = 0;
        for (int k = 0; k < s.dim(); k++) {
            reach = Math.max(reach, Math.abs(s.initial().center()[k]));
        }
        reach += s.initial().extent() + range;
        if (!(reach < side / 2)) {
            throw root.table("initial").error("type", "the initial support comes within one interaction range of the seam "
                    + "of the free-space box (needs " + reach + " < domain.side / 2 = " + side / 2 + "); enlarge domain.side");
        }
    }

    /** alpha(n, m) finite, non-negative and symmetric, and the rate it gives finite, for every reachable pair. */
    private static void checkRates(ModelSpec s, ConfigNode model, ReachableMasses masses, String reach) {
        ConfigNode alpha = model.table("alpha");
        String field = alpha.path(alpha.has("expression") ? "expression" : alpha.has("values") ? "values" : "value");
        int upTo = masses.upToDefined(n -> s.alpha().at(n, 1) + s.alpha().at(1, n) + s.alpha().at(n, n));
        for (int n : masses.upTo(upTo)) {
            for (int m : masses.upTo(Math.min(n, upTo))) {
                if (s.mode() == Mode.COAGULATION && (long) n + m > masses.max()) {
                    break;
                }
                double a = s.alpha().at(n, m);
                if (!(a >= 0) || Double.isInfinite(a) || a != s.alpha().at(m, n)) {
                    throw new ModelException(field + ": alpha(" + n + ", " + m + ") = " + a + " must be finite, non-negative and "
                            + "symmetric for every pair of masses a run can reach" + reach);
                }
                double rate = s.ratePrefactor(n, m);
                if (Double.isInfinite(rate) || Double.isNaN(rate)) {
                    throw new ModelException(field + ": the collision rate of masses (" + n + ", " + m + ") overflows (alpha = " + a
                            + ", eps = " + s.eps() + "); lower alpha");
                }
            }
        }
    }
}
