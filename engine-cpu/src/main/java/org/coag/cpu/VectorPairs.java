package org.coag.cpu;

import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.LONGS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The distance test of one particle against a run of consecutive slots, one vector of slots at a
 * time: r^2 = sum_k ((double) (x_i - x_j) * unit)^2 in the reference's order, without FMA, so a lane
 * is bit for bit the scalar r^2 (the sign of x_i - x_j does not change its square).
 */
final class VectorPairs {
    private VectorPairs() {
    }

    /**
     * @param pos coordinates [dim][slot], padded by two vectors past the last slot
     * @param i the particle
     * @param from first slot of the vector
     * @param to end of the run (lanes at or past it are off)
     * @param unit fixed-point unit, physical units
     * @param bound2 squared distance below which a pair may interact
     * @return bit l set when slot from + l is in the run and closer than the bound
     */
    static long closer(long[][] pos, int i, int from, int to, double unit, double bound2) {
        DoubleVector r2 = DoubleVector.zero(DOUBLES);
        for (int k = 0; k < pos.length; k++) {
            LongVector d = LongVector.broadcast(LONGS, pos[k][i]).sub(LongVector.fromArray(LONGS, pos[k], from));
            DoubleVector dx = LaneConversions.toDouble(d).mul(unit);
            r2 = r2.add(dx.mul(dx));
        }
        return r2.compare(VectorOperators.LT, bound2).and(DOUBLES.indexInRange(from, to)).toLong();
    }
}
