package org.coag.core.theory.lattice;

import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.ConjugateGradient;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;

/**
 * The pair problem of the lattice recipe solved on a finite box, independently of the Green's function: the
 * offset walk (rate D, 1/(2d) per direction) lives on {-R..R}^d, its relative density u is held at 1 outside
 * the box and is stationary inside, D (mean of u over the 2d neighbours - u(x)) = kappa 1_{x=0} u(x). The
 * flux into the origin, kappa u(0) (for kappa = infinity: u(0) = 0 and the flux is the rate of jumps onto 0,
 * (D / 2d) sum of u over the origin's neighbours), tends to the recipe's beta as R grows, with an O(1/R) excess.
 */
final class KilledBoxFlux {
    private KilledBoxFlux() {
    }

    /**
     * @param dim d
     * @param radius R
     * @param pairJumpRate D
     * @param kappa killing rate at the origin, or infinity
     * @return the stationary flux into the origin
     */
    static double flux(int dim, int radius, double pairJumpRate, double kappa) {
        int width = 2 * radius + 1;
        int n = (int) Math.pow(width, dim);
        int[] strides = new int[dim];
        int s = 1;
        for (int j = 0; j < dim; j++) {
            strides[j] = s;
            s *= width;
        }
        int origin = 0;
        for (int j = 0; j < dim; j++) {
            origin += radius * strides[j];
        }
        int centre = origin;
        boolean absorbing = Double.isInfinite(kappa);
        double hop = pairJumpRate / (2.0 * dim);
        // unknowns w = 1 - u, zero outside the box: D w - hop sum w + kappa delta w = kappa delta (u = 1 - w)
        RealLinearOperator operator = new RealLinearOperator() {
            @Override
            public int getRowDimension() {
                return n;
            }

            @Override
            public int getColumnDimension() {
                return n;
            }

            @Override
            public RealVector operate(RealVector v) {
                double[] w = v.toArray();
                if (absorbing) {
                    w[centre] = 0;
                }
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int j = 0; j < dim; j++) {
                        int c = (i / strides[j]) % width;
                        sum += (c + 1 < width ? w[i + strides[j]] : 0) + (c > 0 ? w[i - strides[j]] : 0);
                    }
                    out[i] = pairJumpRate * w[i] - hop * sum;
                }
                if (absorbing) {
                    out[centre] = v.getEntry(centre);
                } else {
                    out[centre] += kappa * w[centre];
                }
                return new ArrayRealVector(out, false);
            }
        };
        RealVector rhs = new ArrayRealVector(n);
        if (absorbing) {
            rhs.setEntry(centre, 1);
            for (int j = 0; j < dim; j++) {
                rhs.setEntry(centre + strides[j], hop);
                rhs.setEntry(centre - strides[j], hop);
            }
        } else {
            rhs.setEntry(centre, kappa);
        }
        double[] w = new ConjugateGradient(100_000, 1e-12, false).solve(operator, rhs).toArray();
        if (!absorbing) {
            return kappa * (1 - w[centre]);
        }
        double sum = 0;
        for (int j = 0; j < dim; j++) {
            sum += 2 - w[centre + strides[j]] - w[centre - strides[j]];
        }
        return hop * sum;
    }
}
