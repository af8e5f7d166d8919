package org.coag.core.step;

import java.util.Arrays;

/**
 * The splits one step's screen fired ({@link FragmentationRule#screen}), as (parent id, slot) pairs;
 * after {@link #sort()} they are in increasing parent id, the order in which
 * {@link FragmentationRule#apply} applies them.
 * A backend that screens in parallel fills one per worker and merges them with {@link #addAll}.
 */
public final class FiredSplits {
    private long[] packed = new long[16];
    private int size;

    /** Empties the list. */
    public void clear() {
        size = 0;
    }

    /**
     * @param id the parent's id (&gt;= 0)
     * @param slot the parent's slot in the caller's layout (&gt;= 0)
     */
    public void add(int id, int slot) {
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, 2 * size);
        }
        packed[size++] = ((long) id << 32) | slot;
    }

    /** @param other splits to append (unchanged) */
    public void addAll(FiredSplits other) {
        if (size + other.size > packed.length) {
            packed = Arrays.copyOf(packed, Math.max(size + other.size, 2 * packed.length));
        }
        System.arraycopy(other.packed, 0, packed, size, other.size);
        size += other.size;
    }

    /** Sorts by increasing parent id (ids are unique). */
    public void sort() {
        Arrays.sort(packed, 0, size);
    }

    /** @return the number of splits */
    public int size() {
        return size;
    }

    /**
     * @param s index 0..size-1
     * @return the parent's id
     */
    public int id(int s) {
        return (int) (packed[s] >>> 32);
    }

    /**
     * @param s index 0..size-1
     * @return the parent's slot
     */
    public int slot(int s) {
        return (int) packed[s];
    }
}
