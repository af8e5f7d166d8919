package org.coag.cpu;

import org.coag.core.lattice.LatticeRules;

/**
 * The current time bucket of a {@link WalkerQueue}: an indexed 4-ary min-heap of walker slots
 * ordered by (jump time, id), the lattice event order among jumps ({@link LatticeRules#compare}).
 * Each walker has at most one entry, its latest clock. The times sit in the heap beside the slots, so a sift reads
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
     * Empties the heap for a step.
     *
     * @param jumpTime each slot's next jump time
     * @param id each slot's id
     * @param count slots
     */
    void reset(double[] jumpTime, int[] id, int count) {
        this.time = jumpTime;
        this.ids = id;
        if (heap.length < count) {
            heap = new int[count];
            keys = new double[count];
            at = new int[count];
        }
        size = 0;
    }

    /** Appends walker w without ordering; {@link #heapify} orders what was added. */
    void add(int w) {
        put(size++, w, time[w]);
    }

    /** Orders the entries added since the heap was last in order. */
    void heapify() {
        for (int i = (size - 2) / ARITY; i >= 0; i--) {
            down(i, heap[i], keys[i]);
        }
    }

    /** Adds walker w in order. */
    void insert(int w) {
        up(size++, w, time[w]);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** @return the slot whose jump comes first */
    int top() {
        return heap[0];
    }

    /** Walker w's jump time changed (it is in the heap): moves its entry. */
    void changed(int w) {
        int i = at[w];
        double t = time[w];
        if (!up(i, w, t)) {
            down(i, w, t);
        }
    }

    /** Takes walker w (in the heap) out. */
    void remove(int w) {
        int i = at[w];
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
