package org.coag.core.theory;

/**
 * A coagulation kernel K(n, m) of the Smoluchowski equations (2.1) and (1.2): symmetric,
 * non-negative, for masses n, m >= 1.
 */
public interface CoagulationKernel {
    /**
     * @param n mass
     * @param m mass
     * @return K(n, m)
     */
    double at(int n, int m);

    /** @return a one-line description */
    String describe();

    /**
     * @param k the constant
     * @return K = k
     */
    static CoagulationKernel constant(double k) {
        return of(k + " (constant)", (n, m) -> k);
    }

    /**
     * @param k the prefactor
     * @return K = k (n + m)
     */
    static CoagulationKernel additive(double k) {
        return of(k + " (n + m) (additive)", (n, m) -> k * (n + m));
    }

    /**
     * @param k the prefactor
     * @return K = k n m
     */
    static CoagulationKernel multiplicative(double k) {
        return of(k + " n m (multiplicative)", (n, m) -> k * n * m);
    }

    /**
     * Samples K on 1..M.
     *
     * @param maxMass M
     * @return {@code K[(n-1) * M + (m-1)]}
     */
    default double[] matrix(int maxMass) {
        double[] k = new double[maxMass * maxMass];
        for (int n = 1; n <= maxMass; n++) {
            for (int m = 1; m <= maxMass; m++) {
                k[(n - 1) * maxMass + m - 1] = at(n, m);
            }
        }
        return k;
    }

    /**
     * @param description the description
     * @param f the values
     * @return a kernel
     */
    static CoagulationKernel of(String description, Values f) {
        return new CoagulationKernel() {
            @Override
            public double at(int n, int m) {
                return f.at(n, m);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** K as a lambda. */
    @FunctionalInterface
    interface Values {
        /**
         * @param n mass
         * @param m mass
         * @return K(n, m)
         */
        double at(int n, int m);
    }
}
