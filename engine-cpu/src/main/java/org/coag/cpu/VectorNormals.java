package org.coag.cpu;

import static org.coag.core.rng.FdLibm.LG1;
import static org.coag.core.rng.FdLibm.LG2;
import static org.coag.core.rng.FdLibm.LG3;
import static org.coag.core.rng.FdLibm.LG4;
import static org.coag.core.rng.FdLibm.LG5;
import static org.coag.core.rng.FdLibm.LG6;
import static org.coag.core.rng.FdLibm.LG7;
import static org.coag.core.rng.FdLibm.LN2_HI;
import static org.coag.core.rng.FdLibm.LN2_LO;
import static org.coag.cpu.CpuVectors.DOUBLES;
import static org.coag.cpu.CpuVectors.INTS;
import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Gaussians;
import org.coag.core.rng.Philox4x32;
import org.coag.core.rng.Purpose;

/**
 * The move draws of {@link CounterRng#normals} for many particles at once, lane by lane equal to
 * the scalar code: Philox4x32-10 with one counter per 64-bit lane (32-bit words zero-extended, the
 * 32x32 -> 64 product in one {@code mul}; both factors masked to 32 bits, although they fit, which
 * lets C2 emit one unsigned 32-bit multiply (vpmuludq) where AVX2 has no 64-bit one), Random123's
 * u01, and AS241 with a vector port of the fdlibm {@code log}. Hand-written for the Vector API
 * because the result must be bit-identical to {@link Gaussians#inverseCdf} (docs/ARCHITECTURE.md contract 1):
 * the same operations in the same order, no FMA. The rare lanes where fdlibm or AS241 take another branch (|z| above about 7, or a logarithm
 * argument within 2^-20 of a power of two) are recomputed with the scalar code.
 *
 * <p>Layout: {@code u[c][t]}, {@code z[c][t]} hold coordinate c of tile particle t.
 */
final class VectorNormals {
    private static final long MASK32 = 0xFFFFFFFFL;
    private static final long M0 = Philox4x32.M0 & MASK32;
    private static final long M1 = Philox4x32.M1 & MASK32;
    /** A tail uniform that fills the last packed vector of tail lanes (its normal is discarded). */
    private static final double TAIL_PAD = 0.01;

    private final long[] k0 = new long[Philox4x32.ROUNDS];
    private final long[] k1 = new long[Philox4x32.ROUNDS];
    private final CounterRng scalar;
    /** The move's counter word c2 (the step's low 32 bits) in every lane, for {@link #philox}. */
    private int[] stepWords = new int[0];

    /**
     * @param seed run seed (the Philox key)
     */
    VectorNormals(long seed) {
        this.scalar = new CounterRng(seed);
        int a = scalar.key().k0();
        int b = scalar.key().k1();
        for (int r = 0; r < Philox4x32.ROUNDS; r++) {
            k0[r] = a & MASK32;
            k1[r] = b & MASK32;
            a += Philox4x32.W0;
            b += Philox4x32.W1;
        }
    }

    /**
     * Uniforms of the move blocks: {@code u[2j][t]}, {@code u[2j+1][t]} are u0, u1 of block
     * (MOVE, step, ids[from + t], j).
     *
     * @param ids ids by slot
     * @param from first slot
     * @param n particles in the tile
     * @param step step index
     * @param blocks Philox blocks per particle, ceil(dim / 2)
     * @param u destination, at least 2 * blocks rows of n
     */
    void uniforms(int[] ids, int from, int n, long step, int blocks, double[][] u) {
        long c2 = step & MASK32;
        long c3 = CounterRng.counterWord3(Purpose.MOVE, step) & MASK32;
        int upper = n - n % LANES;
        if (stepWords.length < upper) {
            stepWords = new int[upper];
        }
        Arrays.fill(stepWords, 0, upper, (int) c2);
        for (int j = 0; j < blocks; j++) {
            philox(ids, from, stepWords, j, c3, upper, u[2 * j], u[2 * j + 1]);
        }
        for (int t = upper; t < n; t++) {
            for (int j = 0; j < blocks; j++) {
                scalar.block(Purpose.MOVE, step, ids[from + t], j);
                u[2 * j][t] = scalar.uniform0();
                u[2 * j + 1][t] = scalar.uniform1();
            }
        }
    }

    /**
     * Uniforms of generation-0 bridge node blocks: {@code u0[r]}, {@code u1[r]} are u0, u1 of block
     * (BRIDGE, macro &lt;&lt; 32 | index[r], id[r], j), as {@link org.coag.core.adaptive.BridgePaths}
     * draws them.
     *
     * @param id ids of the requests
     * @param index node indices (below 2^31)
     * @param n requests
     * @param j block 0..ceil(dim / 2) - 1
     * @param macro macro step index
     * @param u0 destination of u0
     * @param u1 destination of u1
     */
    void bridgeUniforms(int[] id, int[] index, int n, int j, long macro, double[] u0, double[] u1) {
        long c3 = CounterRng.counterWord3(Purpose.BRIDGE, macro << 32) & MASK32;
        int upper = n - n % LANES;
        philox(id, 0, index, j, c3, upper, u0, u1);
        for (int t = upper; t < n; t++) {
            scalar.block(Purpose.BRIDGE, macro << 32 | index[t], id[t], j);
            u0[t] = scalar.uniform0();
            u1[t] = scalar.uniform1();
        }
    }

    /**
     * Philox4x32-10 on the counters (w0, j, w2, c3) of lanes t in [0, upper), w0 = first[from + t]
     * and w2 = second[t] (as unsigned 32-bit words), written as u01(w0, w1) to {@code u0[t]} and
     * u01(w2, w3) to {@code u1[t]}. Takes arrays, not vectors: a method with vector parameters that
     * C2 compiles out of line (its caller grown past the inlining budget) loses the intrinsics and
     * runs the Vector API's Java fallback, 8x slower (seen for the bridge nodes).
     */
    private void philox(int[] first, int from, int[] second, long j, long c3, int upper, double[] u0, double[] u1) {
        LongVector m0 = LongVector.broadcast(LONGS, M0).and(MASK32);
        LongVector m1 = LongVector.broadcast(LONGS, M1).and(MASK32);
        for (int t = 0; t < upper; t += LANES) {
            LongVector w0 = (LongVector) IntVector.fromArray(INTS, first, from + t).convertShape(VectorOperators.I2L, LONGS, 0);
            LongVector w2 = (LongVector) IntVector.fromArray(INTS, second, t).convertShape(VectorOperators.I2L, LONGS, 0);
            LongVector w1 = LongVector.broadcast(LONGS, j);
            LongVector w3 = LongVector.broadcast(LONGS, c3);
            for (int r = 0; r < Philox4x32.ROUNDS; r++) {
                LongVector p0 = w0.and(MASK32).mul(m0);
                LongVector p1 = w2.and(MASK32).mul(m1);
                w0 = p1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, w1).lanewise(VectorOperators.XOR, k0[r]);
                w1 = p1.and(MASK32);
                w2 = p0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, w3).lanewise(VectorOperators.XOR, k1[r]);
                w3 = p0.and(MASK32);
            }
            u01(w0, w1).intoArray(u0, t);
            u01(w2, w3).intoArray(u1, t);
        }
    }

    private static DoubleVector u01(LongVector lo, LongVector hi) {
        LongVector w = hi.lanewise(VectorOperators.LSHL, 32).or(lo).lanewise(VectorOperators.LSHR, 12);
        return LaneConversions.fraction52(w).add(0x1p-53);
    }

    /**
     * Scratch of {@link #normals} for up to {@code capacity} lanes: the tail lanes' slots, uniforms,
     * logarithms and normals, packed.
     */
    static final class Scratch {
        final int[] slot;
        final double[] u;
        final double[] log;
        final double[] z;

        /** @param capacity the most lanes one call converts */
        Scratch(int capacity) {
            slot = new int[capacity];
            u = new double[capacity + LANES];
            log = new double[capacity + LANES];
            z = new double[capacity + LANES];
        }
    }

    /**
     * {@code z[t] = Gaussians.inverseCdf(u[t])} for t in 0..n-1, bit for bit. Every lane gets the
     * central branch; the lanes in AS241's tail (|u - 0.5| &gt; 0.425, 15 % of them) are packed into
     * {@code scratch}, so the tail's logarithm and rational function run on full vectors, and
     * written back. The central branch, the logarithm and the tail branch are three short loops
     * rather than one long one: C2 compiles each fully to SIMD, while one loop with every operation
     * exceeded its inlining budget and fell back to the Vector API's slow Java paths.
     *
     * @param u uniforms in (0, 1)
     * @param z destination
     * @param scratch of at least n lanes
     * @param n count
     */
    static void normals(double[] u, double[] z, Scratch scratch, int n) {
        int upper = n - n % LANES;
        central(u, z, upper);
        int[] slot = scratch.slot;
        double[] tu = scratch.u;
        int m = 0;
        for (int t = 0; t < upper; t += LANES) {
            long tail = DoubleVector.fromArray(DOUBLES, u, t).sub(0.5).abs().compare(VectorOperators.GT, 0.425).toLong();
            for (int l = 0; l < LANES; l++) {
                slot[m] = t + l;
                tu[m] = u[t + l];
                m += (int) (tail >>> l) & 1;
            }
        }
        int packed = m + (LANES - m % LANES) % LANES;
        for (int j = m; j < packed; j++) {
            tu[j] = TAIL_PAD;
        }
        tailLog(tu, scratch.log, packed);
        tail(tu, scratch.log, scratch.z, packed);
        for (int j = 0; j < m; j++) {
            z[slot[j]] = scratch.z[j];
        }
        for (int t = upper; t < n; t++) {
            z[t] = Gaussians.inverseCdf(u[t]);
        }
    }

    /** AS241's central rational function, for every lane (the tail pass overwrites the others). */
    private static void central(double[] u, double[] z, int upper) {
        for (int t = 0; t < upper; t += LANES) {
            DoubleVector q = DoubleVector.fromArray(DOUBLES, u, t).sub(0.5);
            DoubleVector r = DoubleVector.broadcast(DOUBLES, 0.180625).sub(q.mul(q));
            DoubleVector num = r.mul(2.5090809287301226727e+3).add(3.3430575583588128105e+4).mul(r)
                    .add(6.7265770927008700853e+4).mul(r).add(4.5921953931549871457e+4).mul(r)
                    .add(1.3731693765509461125e+4).mul(r).add(1.9715909503065514427e+3).mul(r)
                    .add(1.3314166789178437745e+2).mul(r).add(3.3871328727963666080e0);
            DoubleVector den = r.mul(5.2264952788528545610e+3).add(2.8729085735721942674e+4).mul(r)
                    .add(3.9307895800092710610e+4).mul(r).add(2.1213794301586595867e+4).mul(r)
                    .add(5.3941960214247511077e+3).mul(r).add(6.8718700749205790830e+2).mul(r)
                    .add(4.2313330701600911252e+1).mul(r).add(1.0);
            q.mul(num).div(den).intoArray(z, t);
        }
    }

    /**
     * fdlibm log of AS241's tail argument min(p, 1 - p), for arguments in the normal range with
     * k != 0 (every tail argument is below 0.075); NaN where fdlibm would take its small-f or k = 0
     * branch (left to the scalar code).
     *
     * @param u packed tail uniforms
     * @param out their logarithms
     * @param upper count, a multiple of the lane count
     */
    private static void tailLog(double[] u, double[] out, int upper) {
        for (int t = 0; t < upper; t += LANES) {
            DoubleVector p = DoubleVector.fromArray(DOUBLES, u, t);
            DoubleVector x = DoubleVector.broadcast(DOUBLES, 1.0).sub(p).blend(p, p.compare(VectorOperators.LT, 0.5));
            LongVector bits = x.reinterpretAsLongs();
            LongVector hx = bits.lanewise(VectorOperators.LSHR, 32);
            LongVector k = hx.lanewise(VectorOperators.ASHR, 20).sub(1023);
            hx = hx.and(0x000fffffL);
            LongVector i = hx.add(0x95f64).and(0x100000);
            DoubleVector f = hx.or(i.lanewise(VectorOperators.XOR, 0x3ff00000L)).lanewise(VectorOperators.LSHL, 32)
                    .or(bits.and(MASK32)).reinterpretAsDoubles().sub(1.0);
            k = k.add(i.lanewise(VectorOperators.ASHR, 20));
            VectorMask<Long> odd = hx.add(2).and(0x000fffffL).compare(VectorOperators.LT, 3L).or(k.compare(VectorOperators.EQ, 0L));
            VectorMask<Long> upperForm = hx.sub(0x6147a).or(LongVector.broadcast(LONGS, 0x6b851).sub(hx)).compare(VectorOperators.GT, 0L);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector dk = LaneConversions.smallToDouble(k);
            DoubleVector zz = s.mul(s);
            DoubleVector w = zz.mul(zz);
            DoubleVector r = zz.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1)).add(w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2)));
            DoubleVector hfsq = f.mul(0.5).mul(f);
            DoubleVector a = dk.mul(LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(r)).add(dk.mul(LN2_LO))).sub(f));
            DoubleVector b = dk.mul(LN2_HI).sub(s.mul(f.sub(r)).sub(dk.mul(LN2_LO)).sub(f));
            b.blend(a, upperForm.cast(DOUBLES)).blend(Double.NaN, odd.cast(DOUBLES)).intoArray(out, t);
        }
    }

    /**
     * AS241's tail branch (|p - 0.5| &gt; 0.425 in every lane); the rare lanes (|z| &gt; 7, NaN log)
     * in scalar.
     *
     * @param u packed tail uniforms
     * @param log their logarithms
     * @param z their normals
     * @param upper count, a multiple of the lane count
     */
    private static void tail(double[] u, double[] log, double[] z, int upper) {
        for (int t = 0; t < upper; t += LANES) {
            DoubleVector q = DoubleVector.fromArray(DOUBLES, u, t).sub(0.5);
            DoubleVector y = DoubleVector.fromArray(DOUBLES, log, t).neg().sqrt();
            VectorMask<Double> rare = y.compare(VectorOperators.LE, 5.0).not();
            y = y.sub(1.6);
            DoubleVector num = y.mul(7.74545014278341407640e-4).add(2.27238449892691845833e-2).mul(y)
                    .add(2.41780725177450611770e-1).mul(y).add(1.27045825245236838258e0).mul(y)
                    .add(3.64784832476320460504e0).mul(y).add(5.76949722146069140550e0).mul(y)
                    .add(4.63033784615654529590e0).mul(y).add(1.42343711074968357734e0);
            DoubleVector den = y.mul(1.05075007164441684324e-9).add(5.47593808499534494600e-4).mul(y)
                    .add(1.51986665636164571966e-2).mul(y).add(1.48103976427480074590e-1).mul(y)
                    .add(6.89767334985100004550e-1).mul(y).add(1.67638483018380384940e0).mul(y)
                    .add(2.05319162663775882187e0).mul(y).add(1.0);
            DoubleVector val = num.div(den);
            val = val.blend(val.neg(), q.compare(VectorOperators.LT, 0.0));
            val.intoArray(z, t);
            if (rare.anyTrue()) {
                for (int l = 0; l < LANES; l++) {
                    if (rare.laneIsSet(l)) {
                        z[t + l] = Gaussians.inverseCdf(u[t + l]);
                    }
                }
            }
        }
    }
}
