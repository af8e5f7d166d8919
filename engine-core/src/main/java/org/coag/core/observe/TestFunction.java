package org.coag.core.observe;

/**
 * A test function J(x) for weak errors |integral J (mu_N,n - f_n)| (Corollary 1.3), x relative to
 * the study's origin (the box centre on a torus, the initial profile's centre in free space).
 */
public interface TestFunction {
    /**
     * @param x the point, length units, d entries
     * @return J(x)
     */
    double at(double[] x);

    /** @return a short name for CSV columns */
    String name();

    /** @return J = 1: total number of mass n */
    static TestFunction one() {
        return of("one", x -> 1.0);
    }

    /**
     * @param width w
     * @return J = exp(-|x|^2 / (2 w^2)) (radial, so it also applies to radial solutions)
     */
    static TestFunction gaussian(double width) {
        return of("gauss_" + (float) width, x -> {
            double r2 = 0;
            for (double v : x) {
                r2 += v * v;
            }
            return Math.exp(-r2 / (2 * width * width));
        });
    }

    /**
     * @param name the name
     * @param f the values
     * @return a test function
     */
    static TestFunction of(String name, java.util.function.ToDoubleFunction<double[]> f) {
        return new TestFunction() {
            @Override
            public double at(double[] x) {
                return f.applyAsDouble(x);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
