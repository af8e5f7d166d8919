package org.coag.cpu;

import org.coag.core.lattice.LatticeRules;

/**
 * The walkers' pending jumps of a lattice step, as an indexed 4-ary min-heap of slots ordered by
 * (jump time, id), the lattice event order among jumps ({@link LatticeRules#compare}). Each walker
 * has exactly one entry, its latest clock: a redrawn clock moves the entry, a dead walker leaves,
 * so no stale jump is ever stored. The times sit in the heap beside the slots, so a sift reads
 * contiguous memory (the ids only on a tie); four children per node halve the depth. No allocation
 * per event.
 */
final class WalkerHeap {
    private static final int ARITY = 4;
    private int[] heap = new int[0];
    private double[] keys = new double[0];
    private int[] at = new int[0];
    private int size;
    private double[] time;
    private int[] ids;

    /**
     * Fills the heap with the walkers of positive mass.
     *
     * @param jumpTime each slot's next jump time (call {@link #changed} after changing one)
     * @param id each slot's id
     * @param mass each slot's mass (0: dead)
     * @param count slots
     */
    void build(double[] jumpTime, int[] id, int[] mass, int count) {
        this.time = jumpTime;
        this.ids = id;
        if (heap.length < count) {
            heap = new int[count];
            keys = new double[count];
            at = new int[count];
        }
        size = 0;
        for (int w = 0; w < count; w++) {
            if (mass[w] > 0) {
                at[w] = size;
                keys[size] = jumpTime[w];
                heap[size++] = w;
            } else {
                at[w] = -1;
            }
        }
        for (int i = (size - 2) / ARITY; i >= 0; i--) {
            down(i, heap[i], keys[i]);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** @return the slot whose jump comes first */
    int top() {
        return heap[0];
    }

    /** Walker w's jump time changed: moves its entry. */
    void changed(int w) {
        int i = at[w];
        if (i < 0) {
            return;
        }
        double t = time[w];
        if (!up(i, w, t)) {
            down(i, w, t);
        }
    }

    /** Walker w died: takes its entry out. */
    void remove(int w) {
        int i = at[w];
        if (i < 0) {
            return;
        }
        at[w] = -1;
        size--;
        if (i == size) {
            return;
        }
        int last = heap[size];
        double t = keys[size];
        if (!up(i, last, t)) {
            down(i, last, t);
        }
    }

    /** @return whether entry (a, ta) comes before entry (b, tb) */
    private boolean before(int a, double ta, int b, double tb) {
        return LatticeRules.compare(ta, LatticeRules.JUMP, ids[a], ids[a], tb, LatticeRules.JUMP, ids[b], ids[b]) < 0;
    }

    /** Places (w, t) at or above position i; @return whether it moved up. */
    private boolean up(int i, int w, double t) {
        int start = i;
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            int p = heap[parent];
            if (!before(w, t, p, keys[parent])) {
                break;
            }
            put(i, p, keys[parent]);
            i = parent;
        }
        put(i, w, t);
        return i != start;
    }

    private void down(int i, int w, double t) {
        while (true) {
            int first = ARITY * i + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            int end = Math.min(first + ARITY, size);
            for (int c = first + 1; c < end; c++) {
                if (before(heap[c], keys[c], heap[best], keys[best])) {
                    best = c;
                }
            }
            if (!before(heap[best], keys[best], w, t)) {
                break;
            }
            put(i, heap[best], keys[best]);
            i = best;
        }
        put(i, w, t);
    }

    private void put(int i, int w, double t) {
        heap[i] = w;
        keys[i] = t;
        at[w] = i;
    }
}
