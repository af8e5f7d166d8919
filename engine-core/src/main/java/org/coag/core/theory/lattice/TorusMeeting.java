package org.coag.core.theory.lattice;

import org.coag.core.model.ModelException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.ConjugateGradient;
import org.hipparchus.linear.RealLinearOperator;
import org.hipparchus.linear.RealVector;

/**
 * The mean time until two walkers on the discrete torus T_L^d = Z^d / L Z^d coalesce.
 *
 * <p><b>Conventions.</b> Time in the walkers' units; each walker jumps to each of its 2d neighbours at
 * rate (its jump rate) / (2d); when both stand on one site they coalesce at rate kappa (per pair;
 * kappa = infinity: at the moment they meet). The offset X = A - B of walkers jumping at rates a and b
 * is a simple random walk on T_L^d with rate D = a + b (two rate-1 walkers: D = 2), killed at rate
 * kappa while X = 0; the coalescence time is its killing time T. Uniform ("stationary") start: the
 * walkers' positions are independent and uniform, so X is uniform, including X = 0.
 *
 * <p><b>Exact, by the linear system</b> ({@link #fromStationary}, {@link #fromOffset}): m(x) = E_x T
 * solves (D + kappa 1_{x=0}) m(x) - (D / 2d) sum_{y ~ x} m(y) = 1 (for kappa = infinity: m(0) = 0 and
 * the rows x != 0), a symmetric positive definite system over the L^d offsets, solved by conjugate
 * gradients (Hipparchus) to a relative residual of 1e-13.
 *
 * <p><b>Exact, by the spectrum</b> ({@link #spectralFromStationary}, {@link #spectralFromOffset}): the
 * walk's generator has the eigenvalues mu_k = D (1 - phi(k)), phi(k) = (1/d) sum_j cos(2 pi k_j / L),
 * and E_x T_0 = sum_{k != 0} (1 - cos(2 pi k.x / L)) / mu_k (from the fundamental matrix,
 * E_x T_0 = (Z_00 - Z_x0) / pi_0), whose average over x is sum_{k != 0} 1 / mu_k. With finite kappa,
 * the walk at 0 is killed before it jumps with probability kappa / (kappa + D), and by Kac's formula
 * it takes (L^d - 1) / D on average to come back after a jump, so E_0 T = L^d / kappa and
 * E_x T = E_x T_0 + L^d / kappa for every x.
 *
 * <p><b>Asymptotic</b> ({@link #asymptoticFromStationary}), d &gt;= 3: the sum over k is a Riemann sum
 * of the integral that defines the Green's function, so E_pi T = L^d (G_d / D + 1 / kappa)
 * (1 + O(1/L) in d = 3) = L^d / beta, beta the {@link LatticeRecipe} rate. In d = 2 the leading term is
 * (2 / pi) L^2 log(L) / D (slow: the next term is of order L^2); in d = 1, (L^2 - 1) / (6 D) + L / kappa
 * exactly.
 */
public final class TorusMeeting {
    /** Most sites the linear system is set up for (memory about 40 bytes a site). */
    public static final int MAX_LINEAR_SITES = 1 << 22;
    /** Most sites the spectral sum is taken over. */
    public static final long MAX_SPECTRAL_SITES = 1L << 28;

    private final int dim;
    private final int side;
    private final double pairJumpRate;
    private final double kappa;
    private final long sites;
    private double[] solution;

    private TorusMeeting(int dim, int side, double pairJumpRate, double kappa) {
        this.dim = dim;
        this.side = side;
        this.pairJumpRate = pairJumpRate;
        this.kappa = kappa;
        long n = 1;
        for (int j = 0; j < dim; j++) {
            n *= side;
        }
        this.sites = n;
    }

    /**
     * @param dim d, 1 to {@link LatticeGreen#MAX_DIM}
     * @param side L &gt;= 1
     * @param pairJumpRate D, the sum of the two walkers' jump rates (2 for two rate-1 walkers), &gt; 0
     * @param kappa the coalescence rate of the co-located pair, &gt; 0, {@code Double.POSITIVE_INFINITY} for
     *     coalescence on meeting
     * @return the meeting problem
     */
    public static TorusMeeting of(int dim, int side, double pairJumpRate, double kappa) {
        if (dim < 1 || dim > LatticeGreen.MAX_DIM) {
            throw new ModelException("lattice dimension " + dim + " is out of range (1 to " + LatticeGreen.MAX_DIM + ")");
        }
        if (side < 1) {
            throw new ModelException("torus side L must be >= 1, got " + side);
        }
        if (!(pairJumpRate > 0) || Double.isInfinite(pairJumpRate)) {
            throw new ModelException("the pair's jump rate must be positive and finite, got " + pairJumpRate);
        }
        if (!(kappa > 0)) {
            throw new ModelException("kappa (coalescence rate per co-located pair) must be > 0 or infinity, got " + kappa);
        }
        return new TorusMeeting(dim, side, pairJumpRate, kappa);
    }

    /** @return L^d, the number of sites (and of offsets) */
    public long sites() {
        return sites;
    }

    /** @return the mean coalescence time from a uniform start, by the linear system */
    public synchronized double fromStationary() {
        double[] m = solve();
        double sum = 0;
        for (double v : m) {
            sum += v;
        }
        return sum / sites;
    }

    /**
     * @param offset the start offset x (d integers, any values; taken mod L)
     * @return E_x T, the mean coalescence time of walkers started at offset x, by the linear system
     */
    public synchronized double fromOffset(int... offset) {
        return solve()[index(offset)];
    }

    /** @return the mean coalescence time from a uniform start, by the spectral sum */
    public double spectralFromStationary() {
        return spectral(null);
    }

    /**
     * @param offset the start offset x (d integers, taken mod L)
     * @return E_x T by the spectral sum
     */
    public double spectralFromOffset(int... offset) {
        checkOffset(offset);
        return spectral(offset);
    }

    /**
     * @return the large-L value of the mean coalescence time from a uniform start: L^d (G_d / D + 1 / kappa)
     *     for d &gt;= 3, (2 / pi) L^2 log(L) / D + L^2 / kappa for d = 2, (L^2 - 1) / (6 D) + L / kappa (exact)
     *     for d = 1
     */
    public double asymptoticFromStationary() {
        double killing = Double.isInfinite(kappa) ? 0 : sites / kappa;
        if (dim == 1) {
            return ((double) side * side - 1) / (6 * pairJumpRate) + killing;
        }
        if (dim == 2) {
            return 2 / Math.PI * side * (double) side * Math.log(side) / pairJumpRate + killing;
        }
        return sites * LatticeGreen.atOrigin(dim) / pairJumpRate + killing;
    }

    private double[] solve() {
        if (solution == null) {
            if (sites > MAX_LINEAR_SITES) {
                throw new ModelException("the meeting-time linear system on T_" + side + "^" + dim + " has " + sites
                        + " unknowns, more than " + MAX_LINEAR_SITES + "; use the spectral sum or the asymptotic value");
            }
            int n = (int) sites;
            RealVector rhs = new ArrayRealVector(n, 1.0);
            if (Double.isInfinite(kappa)) {
                rhs.setEntry(0, 0);
            }
            ConjugateGradient cg = new ConjugateGradient(100_000, 1e-13, false);
            solution = cg.solve(new KilledWalkOperator(n), rhs).toArray();
        }
        return solution;
    }

    /** The matrix of the linear system, applied without storing it. */
    private final class KilledWalkOperator implements RealLinearOperator {
        private final int n;
        private final int[] strides = new int[dim];

        KilledWalkOperator(int n) {
            this.n = n;
            int s = 1;
            for (int j = 0; j < dim; j++) {
                strides[j] = s;
                s *= side;
            }
        }

        @Override
        public int getRowDimension() {
            return n;
        }

        @Override
        public int getColumnDimension() {
            return n;
        }

        @Override
        public RealVector operate(RealVector vector) {
            double[] m = vector.toArray();
            boolean absorbing = Double.isInfinite(kappa);
            if (absorbing) {
                m[0] = 0;
            }
            double hop = pairJumpRate / (2.0 * dim);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double neighbours = 0;
                for (int j = 0; j < dim; j++) {
                    int c = (i / strides[j]) % side;
                    int up = c == side - 1 ? i - (side - 1) * strides[j] : i + strides[j];
                    int down = c == 0 ? i + (side - 1) * strides[j] : i - strides[j];
                    neighbours += m[up] + m[down];
                }
                out[i] = pairJumpRate * m[i] - hop * neighbours;
            }
            if (absorbing) {
                out[0] = vector.getEntry(0);
            } else {
                out[0] += kappa * m[0];
            }
            return new ArrayRealVector(out, false);
        }
    }

    private double spectral(int[] offset) {
        if (sites > MAX_SPECTRAL_SITES) {
            throw new ModelException("the spectral sum on T_" + side + "^" + dim + " has " + sites
                    + " terms, more than " + MAX_SPECTRAL_SITES + "; use the asymptotic value");
        }
        double[] cos = new double[side];
        for (int k = 0; k < side; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / side);
        }
        int[] k = new int[dim];
        double sum = 0;
        for (long count = 1; count < sites; count++) {
            advance(k);
            double phi = 0;
            long phase = 0;
            for (int j = 0; j < dim; j++) {
                phi += cos[k[j]];
                if (offset != null) {
                    phase += (long) k[j] * Math.floorMod(offset[j], side);
                }
            }
            double weight = offset == null ? 1 : 1 - cos[(int) (phase % side)];
            sum += weight / (pairJumpRate * (1 - phi / dim));
        }
        return sum + (Double.isInfinite(kappa) ? 0 : sites / kappa);
    }

    /** The next multi-index in lexicographic order (k_0 fastest). */
    private void advance(int[] k) {
        for (int j = 0; j < dim; j++) {
            if (++k[j] < side) {
                return;
            }
            k[j] = 0;
        }
    }

    private int index(int[] offset) {
        checkOffset(offset);
        int i = 0;
        for (int j = dim - 1; j >= 0; j--) {
            i = i * side + Math.floorMod(offset[j], side);
        }
        return i;
    }

    private void checkOffset(int[] offset) {
        if (offset.length != dim) {
            throw new ModelException("an offset on T_L^" + dim + " has " + dim + " coordinates, got " + offset.length);
        }
    }
}
