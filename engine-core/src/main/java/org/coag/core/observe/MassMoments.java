package org.coag.core.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.ParticleState;

/**
 * The mass moments M_k(t) = sum over masses n of n^k N_n(t), k = 0..3, where N_n is the number of
 * live particles of mass n (masses in monomer units): M_0 is the survivor count, M_1 the total mass
 * (conserved by coagulation), M_2 the moment that blows up at gelation. Columns {@code m0, m1, m2,
 * m3} of {@code timeseries.csv}, after the survivor time series'.
 *
 * <p><b>Precision: exact.</b> Masses are positive ints (n &lt; 2^31) and there are fewer than 2^31
 * particles, so n^3 &lt; 2^93 and every M_k &lt; 2^124. Each moment is summed as a signed 128-bit
 * integer (two longs: n^2 is an exact long, n^3 = n^2 * n takes its high half from
 * {@link Math#multiplyHigh}, additions carry by unsigned comparison), so no sum ever rounds or
 * overflows. The columns print the exact decimal integers; BigInteger is used only to print a value
 * of 2^63 or more.
 *
 * <p>A run resumed from a checkpoint of a coag without this observable leaves the cells of the
 * observations before the checkpoint empty (they were not recorded) and fills the later ones.
 */
public final class MassMoments implements Observable {
    /** Highest moment kept. */
    public static final int ORDERS = 4;
    private static final List<String> COLUMNS = List.of("m0", "m1", "m2", "m3");
    private static final long[] NOT_RECORDED = notRecorded();

    /** Per observation: step, then (hi, lo) of M_0..M_3. */
    private final List<long[]> rows = new ArrayList<>();

    private static long[] notRecorded() {
        long[] r = new long[1 + 2 * ORDERS];
        r[0] = -1;
        return r;
    }

    @Override
    public String name() {
        return "mass_moments";
    }

    @Override
    public int version() {
        return 1;
    }

    /**
     * @param state live particles
     * @return {hi_0, lo_0, ..., hi_3, lo_3}: M_k = hi_k * 2^64 + unsigned lo_k
     */
    static long[] moments(ParticleState state) {
        long[] m = new long[2 * ORDERS];
        int[] masses = state.masses();
        for (int i = 0; i < state.count(); i++) {
            long n = masses[i];
            long n2 = n * n;
            add(m, 0, 0, 1);
            add(m, 1, 0, n);
            add(m, 2, 0, n2);
            add(m, 3, Math.multiplyHigh(n2, n), n2 * n);
        }
        return m;
    }

    private static void add(long[] m, int k, long hi, long lo) {
        long sum = m[2 * k + 1] + lo;
        long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        m[2 * k] += hi + carry;
        m[2 * k + 1] = sum;
    }

    /**
     * @param hi high 64 bits of a signed 128-bit integer
     * @param lo low 64 bits
     * @return its exact decimal text
     */
    static String decimal(long hi, long lo) {
        if (hi == 0 && lo >= 0) {
            return Long.toString(lo);
        }
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo))).toString();
    }

    /**
     * @param row an observation index
     * @param k the order, 0..3
     * @return M_k at that observation, exact
     */
    public BigInteger moment(int row, int k) {
        long[] r = rows.get(row);
        return new BigInteger(decimal(r[1 + 2 * k], r[2 + 2 * k]));
    }

    @Override
    public void observe(Sample sample) {
        long[] m = moments(sample.state());
        long[] row = new long[1 + m.length];
        row[0] = sample.step();
        System.arraycopy(m, 0, row, 1, m.length);
        rows.add(row);
    }

    @Override
    public int observations() {
        return rows.size();
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void stateMissing(int before) {
        rows.clear();
        for (int i = 0; i < before; i++) {
            rows.add(null);
        }
    }

    @Override
    public void cells(int row, StringBuilder csv) {
        long[] r = rows.get(row);
        if (r == null) {
            csv.append(",,,");
            return;
        }
        for (int k = 0; k < ORDERS; k++) {
            if (k > 0) {
                csv.append(',');
            }
            csv.append(decimal(r[1 + 2 * k], r[2 + 2 * k]));
        }
    }

    /**
     * Layout (version 1): int rows, then per row long step and (long hi, long lo) of M_0..M_3; a row
     * not recorded ({@link #stateMissing}) is a step of -1 and zeros.
     */
    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(rows.size());
        for (long[] r : rows) {
            for (long v : r == null ? NOT_RECORDED : r) {
                out.writeLong(v);
            }
        }
    }

    @Override
    public void readState(DataInput in, int version) throws IOException {
        rows.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long[] r = new long[1 + 2 * ORDERS];
            for (int j = 0; j < r.length; j++) {
                r[j] = in.readLong();
            }
            rows.add(r[0] == -1 ? null : r);
        }
    }
}
