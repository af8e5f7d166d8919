package org.coag.cpu;

import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import org.coag.core.step.MoveParameters;

/**
 * Applies one tile of normals to the positions, lane by lane equal to
 * {@code pos += MoveParameters.increment(sigma(mass), z)}: {@code rint} is computed as
 * {@code (x + 2^52) - 2^52} (round-half-even, with the sign of x) for |x| &lt; 2^52, where every
 * larger double is already an integer.
 */
final class VectorMoves {
    private static final double TWO52 = 0x1p52;

    private VectorMoves() {
    }

    /**
     * @param pos coordinates [dim][slot]
     * @param mass masses by slot (index into {@code sigma})
     * @param from first slot of the tile
     * @param n particles in the tile
     * @param z normals z[k][t]
     * @param sigma sigma by mass
     * @param uniform true when sigma is the same for every mass (no gather)
     */
    static void apply(long[][] pos, int[] mass, int from, int n, double[][] z, double[] sigma, boolean uniform) {
        int dim = pos.length;
        int upper = n - n % LANES;
        DoubleVector same = DoubleVector.broadcast(DOUBLES, sigma[1]);
        for (int t = 0; t < upper; t += LANES) {
            DoubleVector sg = uniform ? same : DoubleVector.fromArray(DOUBLES, sigma, 0, mass, from + t);
            for (int k = 0; k < dim; k++) {
                LongVector p = LongVector.fromArray(LONGS, pos[k], from + t);
                DoubleVector x = sg.mul(DoubleVector.fromArray(DOUBLES, z[k], t));
                p.add(rint(x)).intoArray(pos[k], from + t);
            }
        }
        for (int t = upper; t < n; t++) {
            double sg = uniform ? sigma[1] : sigma[mass[from + t]];
            for (int k = 0; k < dim; k++) {
                pos[k][from + t] += MoveParameters.increment(sg, z[k][t]);
            }
        }
    }

    private static LongVector rint(DoubleVector x) {
        DoubleVector shift = DoubleVector.broadcast(DOUBLES, TWO52).blend(-TWO52, x.compare(VectorOperators.LT, 0.0));
        DoubleVector r = x.add(shift).sub(shift).blend(x, x.abs().compare(VectorOperators.GE, TWO52));
        return (LongVector) r.convert(VectorOperators.D2L, 0);
    }

    /**
     * Widens a bounding box by the slots [from, from + n) (signed fixed-point order).
     *
     * @param coord one coordinate array
     * @param from first slot
     * @param n count
     * @param box {min, max}, updated
     */
    static void bound(long[] coord, int from, int n, long[] box) {
        int upper = n - n % LANES;
        LongVector lo = LongVector.broadcast(LONGS, box[0]);
        LongVector hi = LongVector.broadcast(LONGS, box[1]);
        for (int t = 0; t < upper; t += LANES) {
            LongVector p = LongVector.fromArray(LONGS, coord, from + t);
            lo = lo.min(p);
            hi = hi.max(p);
        }
        long mn = lo.reduceLanes(VectorOperators.MIN);
        long mx = hi.reduceLanes(VectorOperators.MAX);
        for (int t = upper; t < n; t++) {
            mn = Math.min(mn, coord[from + t]);
            mx = Math.max(mx, coord[from + t]);
        }
        box[0] = mn;
        box[1] = mx;
    }
}
