package org.coag.cpu;

import static org.coag.cpu.CpuVectors.INTS;
import static org.coag.cpu.CpuVectors.LANES;
import static org.coag.cpu.CpuVectors.LONGS;

import java.util.Arrays;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import org.coag.core.backend.ParticleState;

/**
 * The particles of the CPU backend: structure of arrays, double-buffered so that the per-step row
 * sort ({@link RowSort}) writes the other buffer and then {@link #swap}s.
 *
 * <pre>
 *   count              slots in use, 0..count-1 (after a sort: the live particles, in row order)
 *   id[i], mass[i]     particle id and mass; mass 0 marks a particle that died this step
 *   pos[k][i]          coordinate k, fixed point x = pos * L / 2^64
 *   rowFace[i]         row &lt;&lt; 8 | face bits ({@link RowGrid}) of the position the slot was sorted by
 * </pre>
 * Memory: 2 * (12 + 8 dim) bytes per particle. Arrays are padded by two vectors, so a vector load
 * starting up to one vector past any slot below count stays inside them.
 */
final class Particles {
    private final int dim;
    private int[] id;
    private int[] mass;
    private long[][] pos;
    private int[] otherId;
    private int[] otherMass;
    private long[][] otherPos;
    private int[] rowFace;
    private int[] otherRowFace;
    private int count;

    /** @param state initial particles (copied; any slot order) */
    Particles(ParticleState state) {
        dim = state.dim();
        int capacity = Math.max(1, state.count()) + 2 * CpuVectors.LANES;
        id = new int[capacity];
        mass = new int[capacity];
        pos = new long[dim][capacity];
        otherId = new int[capacity];
        otherMass = new int[capacity];
        otherPos = new long[dim][capacity];
        rowFace = new int[capacity];
        otherRowFace = new int[capacity];
        count = state.count();
        System.arraycopy(state.ids(), 0, id, 0, count);
        System.arraycopy(state.masses(), 0, mass, 0, count);
        for (int k = 0; k < dim; k++) {
            System.arraycopy(state.positions()[k], 0, pos[k], 0, count);
        }
    }

    /**
     * A view of a state's own arrays (no second buffer, no copy), for the adaptive scheme's
     * endpoint draws; the arrays must hold two vectors of padding past the live slots.
     */
    private Particles(ParticleState state, boolean view) {
        dim = state.dim();
        id = state.ids();
        mass = state.masses();
        pos = state.positions();
        count = state.count();
    }

    static Particles view(ParticleState state) {
        return new Particles(state, true);
    }


    /** @return slots each buffer holds */
    int capacity() {
        return id.length;
    }

    int dim() {
        return dim;
    }

    int count() {
        return count;
    }

    int[] id() {
        return id;
    }

    int[] mass() {
        return mass;
    }

    long[][] pos() {
        return pos;
    }

    int[] rowFace() {
        return rowFace;
    }

    int[] otherId() {
        return otherId;
    }

    int[] otherMass() {
        return otherMass;
    }

    long[][] otherPos() {
        return otherPos;
    }

    int[] otherRowFace() {
        return otherRowFace;
    }

    /**
     * Copies slots [from, from + n) of the current buffer to [to, to + n) of the other, a vector at a
     * time: the last vector may write past the run, up to {@code limit} (slots the caller writes
     * later), and the rest goes slot by slot.
     *
     * @param from first source slot
     * @param to first destination slot
     * @param n slots
     * @param limit end of the destination slots this copy may write
     */
    void copyToOther(int from, int to, int n, int limit) {
        int t = 0;
        for (; t < n && to + t + LANES <= limit; t += LANES) {
            IntVector.fromArray(INTS, id, from + t).intoArray(otherId, to + t);
            IntVector.fromArray(INTS, mass, from + t).intoArray(otherMass, to + t);
            IntVector.fromArray(INTS, rowFace, from + t).intoArray(otherRowFace, to + t);
            for (int k = 0; k < dim; k++) {
                LongVector.fromArray(LONGS, pos[k], from + t).intoArray(otherPos[k], to + t);
            }
        }
        for (; t < n; t++) {
            otherId[to + t] = id[from + t];
            otherMass[to + t] = mass[from + t];
            otherRowFace[to + t] = rowFace[from + t];
            for (int k = 0; k < dim; k++) {
                otherPos[k][to + t] = pos[k][from + t];
            }
        }
    }

    /**
     * Makes the other buffer current.
     *
     * @param newCount slots written to it
     */
    void swap(int newCount) {
        int[] ti = id;
        id = otherId;
        otherId = ti;
        int[] tm = mass;
        mass = otherMass;
        otherMass = tm;
        long[][] tp = pos;
        pos = otherPos;
        otherPos = tp;
        int[] tr = rowFace;
        rowFace = otherRowFace;
        otherRowFace = tr;
        count = newCount;
    }

    /**
     * Grows both buffers (slots below count kept) so that {@code slots} fit, with the padding.
     *
     * @param slots slots needed
     */
    void ensureCapacity(int slots) {
        if (slots + 2 * CpuVectors.LANES <= id.length) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(slots, id.length + (id.length >> 1)) + 2L * CpuVectors.LANES);
        id = Arrays.copyOf(id, grown);
        mass = Arrays.copyOf(mass, grown);
        rowFace = Arrays.copyOf(rowFace, grown);
        otherId = Arrays.copyOf(otherId, grown);
        otherMass = Arrays.copyOf(otherMass, grown);
        otherRowFace = Arrays.copyOf(otherRowFace, grown);
        for (int k = 0; k < dim; k++) {
            pos[k] = Arrays.copyOf(pos[k], grown);
            otherPos[k] = Arrays.copyOf(otherPos[k], grown);
        }
    }

    /**
     * Adds a particle after the used slots (capacity ensured by the caller); its list reference
     * position in the other buffer is its own, so it counts as not having moved.
     *
     * @param newId its id
     * @param newMass its mass
     * @param position its coordinates, fixed point
     */
    void append(int newId, int newMass, long[] position) {
        id[count] = newId;
        mass[count] = newMass;
        for (int k = 0; k < dim; k++) {
            pos[k][count] = position[k];
            otherPos[k][count] = position[k];
        }
        count++;
    }

    /**
     * Writes the live particles in id order (ids unique).
     *
     * @param into destination, grown to the live count
     * @param slotOfId scratch of at least (largest id + 1) entries, or null to sort instead (for
     *        ids far beyond the live count, as fragmentation makes them)
     */
    void readLive(ParticleState into, int[] slotOfId) {
        int live = 0;
        for (int i = 0; i < count; i++) {
            live += mass[i] != 0 ? 1 : 0;
        }
        into.ensureCapacity(live);
        int n = 0;
        if (slotOfId == null) {
            long[] order = new long[live];
            for (int i = 0; i < count; i++) {
                if (mass[i] != 0) {
                    order[n++] = (long) id[i] << 32 | i;
                }
            }
            Arrays.sort(order);
            n = 0;
            for (long o : order) {
                copyOut((int) o, into, n++);
            }
        } else {
            Arrays.fill(slotOfId, -1);
            for (int i = 0; i < count; i++) {
                if (mass[i] != 0) {
                    slotOfId[id[i]] = i;
                }
            }
            for (int slot : slotOfId) {
                if (slot >= 0) {
                    copyOut(slot, into, n++);
                }
            }
        }
        into.setCount(n);
    }

    private void copyOut(int slot, ParticleState into, int n) {
        into.ids()[n] = id[slot];
        into.masses()[n] = mass[slot];
        for (int k = 0; k < dim; k++) {
            into.positions()[k][n] = pos[k][slot];
        }
    }

    /** @return the largest id + 1 */
    int idBound() {
        int max = -1;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, id[i]);
        }
        return max + 1;
    }
}
