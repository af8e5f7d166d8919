package org.coag.cpu;

import org.coag.core.lattice.LatticeRules;

/**
 * The walkers' pending jumps of a lattice step, as an indexed binary min-heap of slots ordered by
 * (jump time, id), the lattice event order among jumps ({@link LatticeRules#compare}). Each walker
 * has exactly one entry, its latest clock: a redrawn clock moves the entry, a dead walker leaves,
 * so no stale jump is ever stored. No allocation per event.
 */
final class WalkerHeap {
    private int[] heap = new int[0];
    private int[] at = new int[0];
    private int size;
    private double[] time;
    private int[] ids;

    /**
     * Fills the heap with the walkers of positive mass.
     *
     * @param jumpTime each slot's next jump time (read live: call {@link #changed} after a change)
     * @param id each slot's id
     * @param mass each slot's mass (0: dead)
     * @param count slots
     */
    void build(double[] jumpTime, int[] id, int[] mass, int count) {
        this.time = jumpTime;
        this.ids = id;
        if (heap.length < count) {
            heap = new int[count];
            at = new int[count];
        }
        size = 0;
        for (int w = 0; w < count; w++) {
            if (mass[w] > 0) {
                at[w] = size;
                heap[size++] = w;
            } else {
                at[w] = -1;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            down(i);
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
        if (!up(i)) {
            down(i);
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
        heap[i] = last;
        at[last] = i;
        if (!up(i)) {
            down(i);
        }
    }

    private boolean before(int a, int b) {
        return LatticeRules.compare(time[a], LatticeRules.JUMP, ids[a], ids[a], time[b], LatticeRules.JUMP, ids[b], ids[b]) < 0;
    }

    private boolean up(int i) {
        int w = heap[i];
        int start = i;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!before(w, p)) {
                break;
            }
            heap[i] = p;
            at[p] = i;
            i = parent;
        }
        heap[i] = w;
        at[w] = i;
        return i != start;
    }

    private void down(int i) {
        int w = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            int c = heap[child];
            if (!before(c, w)) {
                break;
            }
            heap[i] = c;
            at[c] = i;
            i = child;
        }
        heap[i] = w;
        at[w] = i;
    }
}
