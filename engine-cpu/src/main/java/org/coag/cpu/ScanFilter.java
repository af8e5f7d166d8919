package org.coag.cpu;

import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.INTS;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * In a dilute system most particles have no partner to test: they are alone in the rest of their
 * cell and far from every face, or have one next slot in their cell. This tests, a vector of sorted
 * slots at a time and without branches, each slot against the next one, and finds the slots that
 * may have more partners (a superset: the scalar scan then decides exactly), so the branchy
 * per-particle scan runs for those only.
 */
final class ScanFilter {
    private static final LongVector IOTA = LongVector.zero(LONGS).addIndex(1);

    private ScanFilter() {
    }

    /**
     * @param g the grid (half-shell: every cell count a power of two)
     * @param pos coordinates [dim][slot], padded by one vector
     * @param sortedCell cell of each slot, padded by one vector
     * @param cellStart first slot of each cell
     * @param a0 first slot of the vector
     * @param to end of the slots to scan
     * @param scratch at least {@link CpuVectors#LANES} ints
     * @param unit fixed-point unit, physical units
     * @param bound2 squared distance below which a pair may interact
     * @param out out[0]: bit l set when slot a0 + l needs the scalar scan: its own run (the rest of
     *        its cell, and the next cell along the row when near that face) goes beyond the next
     *        slot, or it is near an upper face of a row dimension (a forward row's first non-zero
     *        offset is +1, so near lower faces alone visit no row), or its run wraps around the
     *        torus; out[1]: bit l set when the next slot a0 + l + 1 is in that own run and closer
     *        than the bound (the pair (a, a + 1) of the own run is decided here, for every lane)
     */
    static void mayHavePartners(CellGrid g, long[][] pos, int[] sortedCell, int[] cellStart, int a0, int to, int[] scratch,
                                double unit, double bound2, long[] out) {
        int last = pos.length - 1;
        VectorMask<Long> active = LONGS.indexInRange(a0, to);
        VectorMask<Long> rowFace = LONGS.maskAll(false);
        VectorMask<Long> zUpper = rowFace;
        for (int k = 0; k <= last; k++) {
            LongVector off = LongVector.fromArray(LONGS, pos[k], a0).sub(g.origin(k)).and(g.lowMask());
            VectorMask<Long> upper = off.compare(VectorOperators.GE, g.upperFace());
            if (k < last) {
                rowFace = rowFace.or(upper);
            } else {
                zUpper = upper;
            }
        }
        LongVector cell = (LongVector) IntVector.fromArray(INTS, sortedCell, a0).convertShape(VectorOperators.I2L, LONGS, 0);
        int rowLength = g.rowLength();
        VectorMask<Long> edge = cell.and(rowLength - 1).compare(VectorOperators.EQ, rowLength - 1);
        LongVector end = cell.add(1).add(LongVector.broadcast(LONGS, 1), zUpper.andNot(edge)).blend(0L, active.not());
        ((IntVector) end.convertShape(VectorOperators.L2I, INTS, 0)).intoArray(scratch, 0);
        LongVector ownEnd = (LongVector) IntVector.fromArray(INTS, cellStart, 0, scratch, 0).convertShape(VectorOperators.I2L, LONGS, 0);
        LongVector self = IOTA.add(a0);
        VectorMask<Long> work = ownEnd.compare(VectorOperators.GT, self.add(2)).or(rowFace);
        if (g.wraps()) {
            work = work.or(zUpper.and(edge));
        }
        DoubleVector r2 = DoubleVector.zero(DOUBLES);
        for (int k = 0; k <= last; k++) {
            LongVector d = LongVector.fromArray(LONGS, pos[k], a0).sub(LongVector.fromArray(LONGS, pos[k], a0 + 1));
            DoubleVector dx = LaneConversions.toDouble(d).mul(unit);
            r2 = r2.add(dx.mul(dx));
        }
        VectorMask<Long> next = ownEnd.compare(VectorOperators.GT, self.add(1)).and(r2.compare(VectorOperators.LT, bound2).cast(LONGS));
        out[0] = work.and(active).toLong();
        out[1] = next.and(active).toLong();
    }
}
