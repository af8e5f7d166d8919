package org.coag.core.config;

import org.coag.core.model.Domain;
import org.coag.core.model.MassFunction;
import org.coag.core.model.RadialKernel;

/**
 * Resolves eps from exactly one of {@code model.eps}, {@code model.Z} (survey (1.6): N eps^(d-2) = Z
 * for d >= 3, N / |log eps| = Z for d = 2) or {@code model.volume_fraction}
 * (phi = N |B_1| range^d / |L|, range = support * s(1,1) * eps^b, the mass-1 interaction range).
 */
final class EpsResolver {
    private EpsResolver() {
    }

    static double resolve(ConfigNode m, int dim, int n, double b, RadialKernel kernel, MassFunction radii, Domain domain) {
        int given = (m.has("eps") ? 1 : 0) + (m.has("Z") ? 1 : 0) + (m.has("volume_fraction") ? 1 : 0);
        if (given != 1) {
            throw m.error("eps", "give exactly one of model.eps, model.Z or model.volume_fraction (" + given + " given)");
        }
        double eps;
        if (m.has("eps")) {
            eps = m.positive("eps", null);
        } else if (m.has("Z")) {
            double z = m.positive("Z", null);
            eps = dim == 2 ? StrictMath.exp(-n / z) : StrictMath.pow(z / n, 1.0 / (dim - 2));
            if (!(eps > 1e-300)) {
                throw m.error("Z", "N / Z = " + (n / z) + " gives eps = exp(-N/Z) below the double range; raise Z");
            }
        } else {
            double phi = m.positive("volume_fraction", null);
            if (phi >= 1) {
                throw m.error("volume_fraction", "must be below 1 (got " + phi + ")");
            }
            double s = radii == null ? 1.0 : 2 * radii.at(1);
            double range = StrictMath.pow(phi * domain.volume(dim) / (n * RadialKernel.unitBallVolume(dim)), 1.0 / dim);
            eps = StrictMath.pow(range / (kernel.support() * s), 1.0 / b);
        }
        if (dim == 2 && !(eps < 1)) {
            throw m.error("eps", "d = 2 uses the |log eps| scaling and needs eps < 1 (got " + eps + ")");
        }
        return eps;
    }
}
