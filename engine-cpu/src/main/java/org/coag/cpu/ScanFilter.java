package org.coag.cpu;

import static org.coag.cpu.CpuVectors.INTS;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * In a dilute system most particles have no partner to test: they are alone in the rest of their
 * cell and far from every face. This finds, a vector of sorted slots at a time and without
 * branches, the slots that may have one (a superset: the scalar scan then decides exactly), so
 * the branchy per-particle scan runs for those only.
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
     * @return bit l set when slot a0 + l may have a partner: a later particle in its own cell or,
     *         near its upper face along the row, in the next cell; or it is near an upper face of
     *         a row dimension (a forward row's first non-zero offset is +1, so near lower faces
     *         alone visit no row)
     */
    static long mayHavePartners(CellGrid g, long[][] pos, int[] sortedCell, int[] cellStart, int a0, int to, int[] scratch) {
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
        VectorMask<Long> work = ownEnd.compare(VectorOperators.GT, IOTA.add(a0 + 1)).or(rowFace);
        if (g.wraps()) {
            work = work.or(zUpper.and(edge));
        }
        return work.and(active).toLong();
    }
}
