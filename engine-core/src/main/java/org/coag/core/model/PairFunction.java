package org.coag.core.model;

/**
 * A positive symmetric function alpha(n, m) of two masses: the microscopic interaction strength.
 * Evaluated on the host with {@link StrictMath}; backends receive the values.
 */
public interface PairFunction {
    /**
     * @param n first mass >= 1
     * @param m second mass >= 1
     * @return alpha(n, m)
     */
    double at(int n, int m);

    /** @return a one-line description */
    String describe();

    /**
     * @param c the constant
     * @return (n, m) -> c
     */
    static PairFunction constant(double c) {
        return new PairFunction() {
            @Override
            public double at(int n, int m) {
                return c;
            }

            @Override
            public String describe() {
                return "constant(" + c + ")";
            }
        };
    }

    /**
     * @param what config field named in errors
     * @param values values[n-1][m-1] = alpha(n, m); must be square and symmetric
     * @return the table lookup
     */
    static PairFunction table(String what, double[][] values) {
        double[][] v = new double[values.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i].clone();
        }
        return new PairFunction() {
            @Override
            public double at(int n, int m) {
                if (n > v.length || m > v.length) {
                    throw new ModelException(what + ": mass pair (" + n + ", " + m + ") exceeds the "
                            + v.length + " x " + v.length + " table");
                }
                return v[n - 1][m - 1];
            }

            @Override
            public String describe() {
                return "table(" + v.length + " x " + v.length + ")";
            }
        };
    }

    /**
     * @param source the formula text, in variables n and m (see {@link Expression})
     * @return the formula, symmetrised as written (the config validator checks symmetry)
     */
    static PairFunction formula(String source) {
        Expression e = Expression.parse(source);
        return new PairFunction() {
            @Override
            public double at(int n, int m) {
                return e.evaluate(n, m);
            }

            @Override
            public String describe() {
                return "formula(" + source + ")";
            }
        };
    }
}
