package org.coag.core.theory;

import java.util.OptionalDouble;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.ModelSpec;

/**
 * The macroscopic rate beta(1, 1) where a closed form exists (MODEL.md section 3). The general
 * radial solver of (1.7) belongs to the theory issue; until then the bump and table kernels in
 * d = 3, 4 have no corrected value here.
 */
public final class BetaTheory {
    private BetaTheory() {
    }

    /**
     * The naive rate alpha * integral(V), scaled by s^(d-2) for mass-dependent radii.
     *
     * @param spec the model
     * @return naive beta(1, 1)
     */
    public static double naive(ModelSpec spec) {
        double s = spec.rangeFactor(1, 1);
        return spec.alpha().at(1, 1) * spec.kernel().integral(spec.dim()) * Math.pow(s, spec.dim() - 2);
    }

    /**
     * The corrected rate (1.8) where it is known in closed form: Doi in d = 3
     * ({@code s * 4 pi D (1 - tanh(k)/k)}, k = sqrt(alpha/D), D = 2 d(1)); d = 2 by (2.4) with
     * alpha replaced by alpha * integral(V); P_{N,b} with b &lt; 1 (the naive value, section 3.4).
     *
     * @param spec the model
     * @return corrected beta(1, 1), or empty where no closed form exists
     */
    public static OptionalDouble corrected(ModelSpec spec) {
        double alpha = spec.alpha().at(1, 1);
        double diff = 2 * spec.diffusion().at(1);
        if (spec.b() < 1) {
            return OptionalDouble.of(naive(spec));
        }
        if (spec.dim() == 2) {
            double a = alpha * spec.kernel().integral(2);
            return OptionalDouble.of(2 * Math.PI * diff * a / (2 * Math.PI * diff + a));
        }
        if (spec.dim() == 3 && spec.kernel() instanceof DoiKernel) {
            double k = Math.sqrt(alpha / diff);
            return OptionalDouble.of(spec.rangeFactor(1, 1) * 4 * Math.PI * diff * (1 - Math.tanh(k) / k));
        }
        return OptionalDouble.empty();
    }
}
