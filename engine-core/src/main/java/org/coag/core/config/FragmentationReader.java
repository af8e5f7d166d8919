package org.coag.core.config;

import org.coag.core.model.Fragmentation;
import org.coag.core.model.MassFunction;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.Stepping;

/** Reads {@code [model.fragmentation]} (docs/fragmentation.md) and refuses what no scheme runs. */
final class FragmentationReader {
    /** Masses checked for a positive, finite value when a function is read (a table may end sooner). */
    private static final int CHECKED_MASSES = 64;

    private FragmentationReader() {
    }

    static Fragmentation read(ConfigNode f, Mode mode, Stepping stepping) {
        String rule = f.choice("rule", "none", "none", "dual", "rate");
        if (rule.equals("none")) {
            return Fragmentation.NONE;
        }
        if (mode != Mode.COAGULATION) {
            throw f.error("rule", "fragmentation needs model.mode = \"coagulation\" (annihilation has no reverse)");
        }
        if (stepping.adaptive()) {
            throw f.error("rule", "fragmentation runs in the fixed-step scheme only (the adaptive scheme's bridges and "
                    + "refinement know no particle creation); set time.scheme = \"fixed\"");
        }
        if (rule.equals("dual")) {
            MassFunction eq = checked(f.table("equilibrium"), "equilibrium");
            return new Fragmentation(Fragmentation.Rule.DUAL, eq, null);
        }
        MassFunction rate = checked(f.table("rate"), "rate");
        return new Fragmentation(Fragmentation.Rule.RATE, null, rate);
    }

    private static MassFunction checked(ConfigNode t, String what) {
        MassFunction fn = ModelReader.massFunction(t, "constant", 1.0);
        for (int n = 1; n <= CHECKED_MASSES; n++) {
            double v;
            try {
                v = fn.at(n);
            } catch (ModelException e) {
                break;
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw t.error("type", what + "(" + n + ") = " + v + " must be positive and finite");
            }
        }
        return fn;
    }
}
