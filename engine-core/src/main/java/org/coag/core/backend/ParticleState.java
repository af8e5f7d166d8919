package org.coag.core.backend;

import java.util.Arrays;

/**
 * The live particles, structure of arrays. Slot order is free (backends may sort for locality);
 * identity is the id.
 *
 * <pre>
 *   count          live particles, slots 0..count-1
 *   id[i]          particle id, unique, never reused: 0..N-1 at the start, then nextId, nextId + 1, ...
 *                  for the particles that fragmentation creates
 *   mass[i]        integer mass >= 1
 *   pos[k][i]      coordinate k of slot i, fixed point: x = pos * L / 2^64 (see Domain)
 * </pre>
 */
public final class ParticleState {
    private final int dim;
    private int count;
    private int nextId;
    private int[] id;
    private int[] mass;
    private long[][] pos;

    /**
     * @param dim spatial dimension
     * @param capacity number of slots (N)
     */
    public ParticleState(int dim, int capacity) {
        this.dim = dim;
        this.id = new int[capacity];
        this.mass = new int[capacity];
        this.pos = new long[dim][capacity];
        this.nextId = capacity;
    }

    /**
     * Grows the slot arrays (the live slots kept) so that at least {@code slots} fit; the backing
     * arrays returned before may be replaced.
     *
     * @param slots slots needed
     */
    public void ensureCapacity(int slots) {
        if (slots <= id.length) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(slots, id.length + (id.length >> 1) + 16L));
        id = Arrays.copyOf(id, grown);
        mass = Arrays.copyOf(mass, grown);
        for (int k = 0; k < dim; k++) {
            pos[k] = Arrays.copyOf(pos[k], grown);
        }
    }

    /** @return the id the next particle created by fragmentation gets (N at the start) */
    public int nextId() {
        return nextId;
    }

    /** @param nextId the id the next created particle gets */
    public void setNextId(int nextId) {
        this.nextId = nextId;
    }

    /** @return spatial dimension */
    public int dim() {
        return dim;
    }

    /** @return live particles */
    public int count() {
        return count;
    }

    /** @param count new number of live particles (slots 0..count-1) */
    public void setCount(int count) {
        this.count = count;
    }

    /** @return slot capacity */
    public int capacity() {
        return id.length;
    }

    /** @return ids by slot (live in 0..count-1); the backing array */
    public int[] ids() {
        return id;
    }

    /** @return masses by slot; the backing array */
    public int[] masses() {
        return mass;
    }

    /** @return coordinates, [dim][slot]; the backing arrays */
    public long[][] positions() {
        return pos;
    }

    /** @return the sum of live masses, exact */
    public long totalMass() {
        long s = 0;
        for (int i = 0; i < count; i++) {
            s += mass[i];
        }
        return s;
    }

    /** @return a deep copy */
    public ParticleState copy() {
        ParticleState c = new ParticleState(dim, capacity());
        copyInto(c);
        return c;
    }

    /**
     * @param target receives this state (same dim; grown if it holds fewer slots than count)
     */
    public void copyInto(ParticleState target) {
        target.ensureCapacity(count);
        target.count = count;
        target.nextId = nextId;
        System.arraycopy(id, 0, target.id, 0, count);
        System.arraycopy(mass, 0, target.mass, 0, count);
        for (int k = 0; k < dim; k++) {
            System.arraycopy(pos[k], 0, target.pos[k], 0, count);
        }
    }

    /**
     * Removes the slots of mass 0 (the particles that died in a step), keeping the relative order
     * of the others: the one compaction of the schemes.
     */
    public void removeEmpty() {
        int live = 0;
        for (int i = 0; i < count; i++) {
            if (mass[i] == 0) {
                continue;
            }
            id[live] = id[i];
            mass[live] = mass[i];
            for (int k = 0; k < dim; k++) {
                pos[k][live] = pos[k][i];
            }
            live++;
        }
        count = live;
    }

    /**
     * Reorders live slots by increasing id (the canonical order of hashes and checkpoints).
     */
    public void sortById() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(id[a], id[b]));
        int[] newId = new int[count];
        int[] newMass = new int[count];
        long[][] newPos = new long[dim][count];
        for (int i = 0; i < count; i++) {
            newId[i] = id[order[i]];
            newMass[i] = mass[order[i]];
            for (int k = 0; k < dim; k++) {
                newPos[k][i] = pos[k][order[i]];
            }
        }
        System.arraycopy(newId, 0, id, 0, count);
        System.arraycopy(newMass, 0, mass, 0, count);
        for (int k = 0; k < dim; k++) {
            System.arraycopy(newPos[k], 0, pos[k], 0, count);
        }
    }
}
