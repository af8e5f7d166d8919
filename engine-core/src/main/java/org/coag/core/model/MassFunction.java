package org.coag.core.model;

/**
 * A positive function of one mass n >= 1: the diffusion rate d(n) or the radius r_n.
 * Evaluated on the host with {@link StrictMath} (bit-reproducible on every JVM); backends receive
 * the values, never re-derive them.
 */
public interface MassFunction {
    /**
     * @param n mass, n >= 1
     * @return the value at n
     * @throws org.coag.core.model.ModelException if n lies beyond a table
     */
    double at(int n);

    /** @return a one-line description for logs, e.g. {@code power(d0=1, exponent=0.333)} */
    String describe();

    /** @return true when the value does not depend on n */
    boolean isConstant();

    /**
     * @param c the constant
     * @return n -> c
     */
    static MassFunction constant(double c) {
        return new MassFunction() {
            @Override
            public double at(int n) {
                return c;
            }

            @Override
            public String describe() {
                return "constant(" + c + ")";
            }

            @Override
            public boolean isConstant() {
                return true;
            }
        };
    }

    /**
     * @param c prefactor
     * @param p exponent
     * @return n -> c * n^p
     */
    static MassFunction power(double c, double p) {
        return new MassFunction() {
            @Override
            public double at(int n) {
                return c * StrictMath.pow(n, p);
            }

            @Override
            public String describe() {
                return "power(" + c + " * n^" + p + ")";
            }

            @Override
            public boolean isConstant() {
                return p == 0;
            }
        };
    }

    /**
     * @param what the config field, named in the error when a mass runs past the table
     * @param values values[n-1] = f(n)
     * @return the table lookup
     */
    static MassFunction table(String what, double[] values) {
        double[] v = values.clone();
        return new MassFunction() {
            @Override
            public double at(int n) {
                if (n > v.length) {
                    throw new ModelException(what + ": mass " + n + " exceeds the table (" + v.length
                            + " entries); extend the table or use a power law");
                }
                return v[n - 1];
            }

            @Override
            public String describe() {
                return "table(" + v.length + " masses)";
            }

            @Override
            public boolean isConstant() {
                return false;
            }
        };
    }
}
