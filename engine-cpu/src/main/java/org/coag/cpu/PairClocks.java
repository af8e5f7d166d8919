package org.coag.cpu;

import java.util.Arrays;
import org.coag.core.lattice.LatticeRules;

/**
 * The pending pair clocks of a lattice step (rate coalescence): a binary min-heap in primitive
 * arrays, ordered by (time, smaller id, larger id) as {@link LatticeRules#compare} orders pair
 * events. A clock stays until it is popped; the caller checks it is still valid (both walkers alive,
 * site versions unchanged) as the reference does. No allocation per event once the arrays have
 * grown.
 */
final class PairClocks {
    private double[] time = new double[64];
    private int[] slotLo = new int[64];
    private int[] slotHi = new int[64];
    private int[] idLo = new int[64];
    private int[] idHi = new int[64];
    private int[] tagLo = new int[64];
    private int[] tagHi = new int[64];
    private double[] draw = new double[64];
    private int size;

    /** The fields of the clock last taken by {@link #pop}. */
    int poppedSlotLo;
    int poppedSlotHi;
    int poppedTagLo;
    int poppedTagHi;
    double poppedTime;
    double poppedDraw;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** @return the first clock's time */
    double topTime() {
        return time[0];
    }

    /** @return the first clock's smaller id */
    int topIdLo() {
        return idLo[0];
    }

    /** @return the first clock's larger id */
    int topIdHi() {
        return idHi[0];
    }

    /**
     * Adds a clock.
     *
     * @param when its firing time
     * @param lo slot of the smaller id
     * @param hi slot of the larger id
     * @param idLow the smaller id
     * @param idHigh the larger id
     * @param versionLo lo's site version at the draw
     * @param versionHi hi's site version at the draw
     * @param survivorDraw the block's u1
     */
    void push(double when, int lo, int hi, int idLow, int idHigh, int versionLo, int versionHi, double survivorDraw) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (LatticeRules.compare(when, LatticeRules.PAIR, idLow, idHigh, time[parent], LatticeRules.PAIR, idLo[parent],
                    idHi[parent]) >= 0) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, when, lo, hi, idLow, idHigh, versionLo, versionHi, survivorDraw);
    }

    /** Takes the first clock out; its fields are then in the {@code popped*} fields. */
    void pop() {
        poppedTime = time[0];
        poppedSlotLo = slotLo[0];
        poppedSlotHi = slotHi[0];
        poppedTagLo = tagLo[0];
        poppedTagHi = tagHi[0];
        poppedDraw = draw[0];
        size--;
        if (size == 0) {
            return;
        }
        int last = size;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(child + 1, child)) {
                child++;
            }
            if (!before(child, last)) {
                break;
            }
            move(child, i);
            i = child;
        }
        move(last, i);
    }

    private boolean before(int a, int b) {
        return LatticeRules.compare(time[a], LatticeRules.PAIR, idLo[a], idHi[a], time[b], LatticeRules.PAIR, idLo[b], idHi[b]) < 0;
    }

    private void move(int from, int to) {
        set(to, time[from], slotLo[from], slotHi[from], idLo[from], idHi[from], tagLo[from], tagHi[from], draw[from]);
    }

    private void set(int i, double when, int lo, int hi, int idLow, int idHigh, int versionLo, int versionHi, double survivorDraw) {
        time[i] = when;
        slotLo[i] = lo;
        slotHi[i] = hi;
        idLo[i] = idLow;
        idHi[i] = idHigh;
        tagLo[i] = versionLo;
        tagHi[i] = versionHi;
        draw[i] = survivorDraw;
    }

    private void grow() {
        int n = 2 * time.length;
        time = Arrays.copyOf(time, n);
        slotLo = Arrays.copyOf(slotLo, n);
        slotHi = Arrays.copyOf(slotHi, n);
        idLo = Arrays.copyOf(idLo, n);
        idHi = Arrays.copyOf(idHi, n);
        tagLo = Arrays.copyOf(tagLo, n);
        tagHi = Arrays.copyOf(tagHi, n);
        draw = Arrays.copyOf(draw, n);
    }
}
