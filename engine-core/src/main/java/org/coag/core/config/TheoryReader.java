package org.coag.core.config;

/** Reads the optional [theory] table; without it every setting is automatic. */
final class TheoryReader {
    private TheoryReader() {
    }

    static TheorySettings read(ConfigNode root) {
        if (!root.has("theory")) {
            return TheorySettings.AUTO;
        }
        TheorySettings a = TheorySettings.AUTO;
        ConfigNode t = root.table("theory");
        long masses = t.integer("masses", (long) a.masses());
        long grid = t.integer("grid", (long) a.grid());
        if (masses < 0 || masses > 4096) {
            throw t.error("masses", "must lie in 1..4096, or 0 for automatic (got " + masses + ")");
        }
        if (grid < 0 || grid > 1 << 20) {
            throw t.error("grid", "must lie in 4..2^20, or 0 for automatic (got " + grid + ")");
        }
        double radius = nonNegative(t, "radius", a.radius());
        double dt = nonNegative(t, "dt", a.dt());
        double tEnd = nonNegative(t, "t_end", a.tEnd());
        long outputs = t.integer("outputs", (long) a.outputs());
        if (outputs < 1 || outputs > 100_000) {
            throw t.error("outputs", "must lie in 1..100000 (got " + outputs + ")");
        }
        double relTol = t.positive("rel_tol", a.relTol());
        String fields = t.choice("fields", a.fields(), "last", "all", "none");
        String kernel = t.choice("kernel", a.kernel(), "recipe", "recipe_limit", "constant", "additive", "multiplicative");
        double coefficient = t.positive("kernel_coefficient", a.kernelCoefficient());
        return new TheorySettings((int) masses, (int) grid, radius, dt, tEnd, (int) outputs, relTol, fields, kernel, coefficient);
    }

    private static double nonNegative(ConfigNode t, String key, double fallback) {
        double v = t.number(key, fallback);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw t.error(key, "must be a non-negative number, 0 for automatic (got " + v + ")");
        }
        return v;
    }
}
