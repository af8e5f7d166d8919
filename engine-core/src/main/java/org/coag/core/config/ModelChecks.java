package org.coag.core.config;

import org.coag.core.model.Domain;
import org.coag.core.model.ModelSpec;

/** Cross-field checks that need the resolved eps and dt. */
final class ModelChecks {
    private ModelChecks() {
    }

    static void check(ModelSpec s, ConfigNode model, ConfigNode root) {
        double side = s.domain().side();
        int maxMass = s.initial().maxMass();
        double range = 0;
        for (int n = 1; n <= Math.min(maxMass, 4096); n++) {
            range = Math.max(range, s.interactionRange(n, n));
        }
        if (!(range < side / 2)) {
            throw model.error(model.has("eps") ? "eps" : model.has("Z") ? "Z" : "volume_fraction",
                    "the interaction range " + range + " is not below half the box side (domain.side = " + side + ")");
        }
        if (s.domain().type() == Domain.Type.FREE) {
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
        if ((long) s.particles() * maxMass > Integer.MAX_VALUE) {
            throw root.table("initial").table("mass").error("value",
                    "N times the largest initial mass exceeds 2^31 - 1, the largest mass a particle can hold");
        }
        for (int n = 1; n <= Math.min(maxMass, 4096); n++) {
            double step = Math.sqrt(2 * s.diffusion().at(n) * s.dt());
            if (!(step < side / 16)) {
                throw root.table("time").error("dt", "one step moves a particle of mass " + n + " a typical distance " + step
                        + ", more than 1/16 of the box side; lower the time step");
            }
        }
    }
}
