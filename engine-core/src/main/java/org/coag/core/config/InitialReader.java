package org.coag.core.config;

import org.coag.core.model.Domain;
import org.coag.core.model.InitialCondition;

/** Reads [initial] and [initial.mass]. */
final class InitialReader {
    private InitialReader() {
    }

    static InitialCondition read(ConfigNode t, int dim, Domain domain) {
        String type = t.choice("type", "uniform", "uniform", "ball", "box", "gaussian");
        InitialCondition.Shape shape = InitialCondition.Shape.valueOf(type.toUpperCase());
        double[] center = new double[dim];
        if (t.has("center")) {
            center = t.numbers("center");
            if (center.length != dim) {
                throw t.error("center", "needs " + dim + " coordinates (model.dim), got " + center.length);
            }
        }
        double size = 0;
        double truncation = 0;
        String sizeKey = "radius";
        switch (shape) {
            case UNIFORM:
                if (domain.type() == Domain.Type.FREE) {
                    throw t.error("type", "a uniform start needs domain.type = \"torus\"; in free space use ball, box or gaussian");
                }
                break;
            case BALL:
                size = t.positive("radius", null);
                break;
            case BOX:
                sizeKey = "half_width";
                size = t.positive("half_width", null);
                break;
            default:
                sizeKey = "sigma";
                size = t.positive("sigma", null);
                truncation = t.positive("truncate", 5 * size);
        }
        InitialCondition ic = new InitialCondition(shape, center, size, truncation, massWeights(t.table("mass")));
        if (shape != InitialCondition.Shape.UNIFORM && ic.extent() > domain.side() / 2) {
            throw t.error(shape == InitialCondition.Shape.GAUSSIAN ? "truncate" : sizeKey,
                    "the initial support (extent " + ic.extent() + " per coordinate) does not fit in the box (domain.side = " + domain.side() + ")");
        }
        return ic;
    }

    static double[] massWeights(ConfigNode m) {
        String type = m.choice("type", "mono", "mono", "table");
        if (type.equals("mono")) {
            long v = m.integer("value", 1L);
            if (v < 1 || v > 1 << 20) {
                throw m.error("value", "must be an integer mass from 1 to 2^20 (got " + v + ")");
            }
            double[] w = new double[(int) v];
            w[(int) v - 1] = 1;
            return w;
        }
        double[] w = m.numbers("weights");
        double sum = 0;
        for (double x : w) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw m.error("weights", "must be finite and non-negative");
            }
            sum += x;
        }
        if (!(sum > 0)) {
            throw m.error("weights", "must not all be zero");
        }
        return w;
    }
}
