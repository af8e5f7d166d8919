package org.coag.cpu;

import java.util.Arrays;

/**
 * The walkers' pending jumps of one lattice step (t0, t1], in the lattice event order among jumps
 * (time, then id): a calendar of time buckets over the step, the current bucket as a
 * {@link WalkerHeap}, the later ones as unordered lists that become the heap in their turn.
 *
 * <p>Each walker has at most one entry, its latest clock; a clock later than t1 is not stored at all
 * (it cannot fire within the step, and the reference's loop stops before it), so most walkers of a
 * short step never enter the queue. The bucket of a time t is floor((t - t0) / width), a
 * non-decreasing function of t, so every event of a bucket comes before every event of a later one
 * and equal times share a bucket: taking the buckets in turn, each in heap order, is the order of
 * {@link org.coag.core.lattice.LatticeRules#compare}. New clocks are never earlier than the event
 * being processed, so they never land in a finished bucket. Buckets are sized to hold a few thousand
 * walkers, so the heap stays in cache. No allocation per event once the lists have grown.
 */
final class WalkerQueue {
    /** The walkers a bucket is sized for, by default. */
    static final int PER_BUCKET = 4096;
    private static final int MOST_BUCKETS = 1 << 16;
    private final WalkerHeap heap = new WalkerHeap();
    private final int perBucket;
    private int[][] lists = new int[0][];
    private int[] sizes = new int[0];
    private int[] bucketOf = new int[0];
    private int[] at = new int[0];
    private double[] time;
    private double start;
    private double end;
    private double width;
    private int buckets;
    private int current;

    /** @param perBucket the walkers a bucket is sized for (tests use a few, to have many buckets) */
    WalkerQueue(int perBucket) {
        this.perBucket = perBucket;
    }

    /**
     * Starts a step: stores every live walker whose jump time is at most t1.
     *
     * @param jumpTime each slot's next jump time (call {@link #changed} after changing one)
     * @param id each slot's id
     * @param mass each slot's mass (0: dead)
     * @param count slots
     * @param t0 the step's start
     * @param t1 the step's end
     */
    void build(double[] jumpTime, int[] id, int[] mass, int count, double t0, double t1) {
        this.time = jumpTime;
        this.start = t0;
        this.end = t1;
        if (bucketOf.length < count) {
            bucketOf = new int[count];
            at = new int[count];
        }
        int due = 0;
        for (int w = 0; w < count; w++) {
            if (mass[w] > 0 && jumpTime[w] <= t1) {
                due++;
            }
        }
        buckets = (int) Math.min(MOST_BUCKETS, Math.max(1, due / perBucket));
        width = (t1 - t0) / buckets;
        if (lists.length < buckets) {
            lists = Arrays.copyOf(lists, buckets);
            sizes = new int[buckets];
        }
        Arrays.fill(sizes, 0, buckets, 0);
        heap.reset(jumpTime, id, count);
        current = -1;
        for (int w = 0; w < count; w++) {
            bucketOf[w] = -1;
            if (mass[w] > 0 && jumpTime[w] <= t1) {
                append(w, bucket(jumpTime[w]));
            }
        }
    }

    /** @return whether no stored jump is left */
    boolean isEmpty() {
        while (heap.isEmpty()) {
            if (current + 1 >= buckets) {
                return true;
            }
            current++;
            int[] list = lists[current];
            for (int i = 0; i < sizes[current]; i++) {
                heap.add(list[i]);
            }
            sizes[current] = 0;
            heap.heapify();
        }
        return false;
    }

    /** @return the slot whose jump comes first (after {@link #isEmpty} said false) */
    int top() {
        return heap.top();
    }

    /** Walker w's jump time changed (w alive): moves, stores or drops its entry. */
    void changed(int w) {
        if (bucketOf[w] == current && time[w] <= end && bucket(time[w]) == current) {
            heap.changed(w);
            return;
        }
        remove(w);
        if (time[w] <= end) {
            int b = bucket(time[w]);
            if (b <= current) {
                bucketOf[w] = current;
                heap.insert(w);
            } else {
                append(w, b);
            }
        }
    }

    /** Walker w died or its clock moved: takes its entry out, if it has one. */
    void remove(int w) {
        int b = bucketOf[w];
        if (b < 0) {
            return;
        }
        bucketOf[w] = -1;
        if (b == current) {
            heap.remove(w);
            return;
        }
        int i = at[w];
        int last = lists[b][--sizes[b]];
        lists[b][i] = last;
        at[last] = i;
    }

    private int bucket(double t) {
        return (int) Math.min(buckets - 1, (long) ((t - start) / width));
    }

    private void append(int w, int b) {
        int[] list = lists[b];
        if (list == null || sizes[b] == list.length) {
            list = list == null ? new int[Math.max(16, perBucket / 2)] : Arrays.copyOf(list, 2 * list.length);
            lists[b] = list;
        }
        at[w] = sizes[b];
        list[sizes[b]++] = w;
        bucketOf[w] = b;
    }
}
