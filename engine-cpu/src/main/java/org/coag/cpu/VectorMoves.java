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
 * {@code pos += MoveParameters.increment(sigma(mass), z)}, the rounding by
 * {@link LaneConversions#rintToLong}.
 */
final class VectorMoves {
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
                p.add(LaneConversions.rintToLong(x)).intoArray(pos[k], from + t);
            }
        }
        for (int t = upper; t < n; t++) {
            double sg = uniform ? sigma[1] : sigma[mass[from + t]];
            for (int k = 0; k < dim; k++) {
                pos[k][from + t] += MoveParameters.increment(sg, z[k][t]);
            }
        }
    }

    /**
     * {@link #apply}, then the largest distance of a moved coordinate from its position in
     * {@code x0} (the positions of the last neighbour-list build, same slots).
     *
     * @param x0 reference positions [dim][slot]
     * @return the largest |pos - x0| over the tile's coordinates, fixed-point units (the nearest
     *         double; differences wrap as on the torus)
     */
    static double applyTracking(long[][] pos, int[] mass, int from, int n, double[][] z, double[] sigma, boolean uniform,
                                long[][] x0) {
        apply(pos, mass, from, n, z, sigma, uniform);
        int upper = n - n % LANES;
        DoubleVector far = DoubleVector.zero(DOUBLES);
        for (int k = 0; k < pos.length; k++) {
            for (int t = 0; t < upper; t += LANES) {
                LongVector d = LongVector.fromArray(LONGS, pos[k], from + t).sub(LongVector.fromArray(LONGS, x0[k], from + t));
                far = far.max(LaneConversions.toDouble(d).abs());
            }
        }
        double farthest = far.reduceLanes(VectorOperators.MAX);
        for (int k = 0; k < pos.length; k++) {
            for (int t = upper; t < n; t++) {
                farthest = Math.max(farthest, Math.abs((double) (pos[k][from + t] - x0[k][from + t])));
            }
        }
        return farthest;
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
