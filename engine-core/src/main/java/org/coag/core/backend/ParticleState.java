package org.coag.core.backend;

import java.util.Arrays;

/**
 * The live particles, structure of arrays. Slot order is free (backends may sort for locality);
 * identity is the id.
 *
 * <pre>
 *   count          live particles, slots 0..count-1
 *   id[i]          particle id, 0..N-1, unique, never reused
 *   mass[i]        integer mass >= 1
 *   pos[k][i]      coordinate k of slot i, fixed point: x = pos * L / 2^64 (see Domain)
 * </pre>
 */
public final class ParticleState {
    private final int dim;
    private int count;
    private final int[] id;
    private final int[] mass;
    private final long[][] pos;

    /**
     * @param dim spatial dimension
     * @param capacity number of slots (N)
     */
    public ParticleState(int dim, int capacity) {
        this.dim = dim;
        this.id = new int[capacity];
        this.mass = new int[capacity];
        this.pos = new long[dim][capacity];
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
     * @param target receives this state (same dim, capacity >= count)
     */
    public void copyInto(ParticleState target) {
        target.count = count;
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
