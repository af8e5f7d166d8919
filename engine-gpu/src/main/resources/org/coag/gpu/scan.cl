/*
 * The exclusive scan of the hash table's counts (start[s] = counts[0] + ... + counts[s - 1]), run
 * over only the slots in use (`used`: cells^d on the dense grid, every slot otherwise), in parallel
 * by reduce-then-scan. The slots are cut into tiles of SCAN_ITEMS * L consecutive slots, L the
 * work-group size of the launch, one work group per tile:
 *   scan_reduce      each group sums its tile into groupSums[group];
 *   scan_group_sums  one work group scans groupSums in place (exclusive), a tile at a time with a
 *                    carry, and writes the grand total (the live count) to start[used] and start[slots];
 *   scan_tiles       each group scans its tile in local memory and adds its group's offset, writing
 *                    start[s] and cursor[s], and clears counts[s] for the next step.
 * Global memory is read and written coalesced: item l of a group touches slots tile + k L + l for
 * k = 0..SCAN_ITEMS-1. In local memory each item scans SCAN_ITEMS consecutive words, and a
 * Hillis-Steele scan joins the items' totals. Sums are of counts whose total is the live count, so
 * no int overflows, and integer addition makes the result independent of L. SCAN_ITEMS comes from
 * org.coag.gpu.DevicePairs through the generated prelude.
 */

/*
 * Inclusive scan of x over the work group in `sums` (L words); every item of the group must call it.
 * Returns the prefix up to and including this item; sums[L - 1] then holds the group's total.
 */
COAG_INLINE int group_inclusive_scan(int x, __local int *sums) {
    int l = get_local_id(0);
    int n = get_local_size(0);
    barrier(CLK_LOCAL_MEM_FENCE);
    sums[l] = x;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int off = 1; off < n; off <<= 1) {
        int v = l >= off ? sums[l - off] : 0;
        barrier(CLK_LOCAL_MEM_FENCE);
        sums[l] += v;
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return sums[l];
}

/*
 * Exclusive scan in place of tile[0 .. SCAN_ITEMS L), already loaded by the group (each item its
 * coalesced words); every item must call it. Returns the tile's total; the scanned tile is visible
 * to the whole group on return.
 */
COAG_INLINE int tile_exclusive_scan(__local int *tile, __local int *sums) {
    int l = get_local_id(0);
    int n = get_local_size(0);
    barrier(CLK_LOCAL_MEM_FENCE);
    __local int *mine = tile + l * SCAN_ITEMS;
    int own = 0;
    for (int k = 0; k < SCAN_ITEMS; k++) {
        own += mine[k];
    }
    int run = group_inclusive_scan(own, sums) - own;
    for (int k = 0; k < SCAN_ITEMS; k++) {
        int v = mine[k];
        mine[k] = run;
        run += v;
    }
    int total = sums[n - 1];
    barrier(CLK_LOCAL_MEM_FENCE);
    return total;
}

/* Pass 1: groupSums[group] = the sum of the group's tile of counts (slots >= used count 0). */
__kernel void scan_reduce(__global const int *counts, __global int *groupSums, const int used, __local int *sums) {
    int l = get_local_id(0);
    int n = get_local_size(0);
    long base = (long) get_group_id(0) * n * SCAN_ITEMS;
    int sum = 0;
    for (int k = 0; k < SCAN_ITEMS; k++) {
        long s = base + (long) k * n + l;
        sum += s < used ? counts[s] : 0;
    }
    int total = group_inclusive_scan(sum, sums);
    if (l == n - 1) {
        groupSums[get_group_id(0)] = total;
    }
}

/* Pass 2 (one work group): exclusive scan of groupSums[0 .. groups); start[used] = start[slots] = the total. */
__kernel void scan_group_sums(__global int *groupSums, const int groups, __global int *start, const int used,
                              const int slots, __local int *tile, __local int *sums) {
    int l = get_local_id(0);
    int n = get_local_size(0);
    int per = n * SCAN_ITEMS;
    int carry = 0;
    for (int from = 0; from < groups; from += per) {
        for (int k = 0; k < SCAN_ITEMS; k++) {
            int g = from + k * n + l;
            tile[k * n + l] = g < groups ? groupSums[g] : 0;
        }
        int total = tile_exclusive_scan(tile, sums);
        for (int k = 0; k < SCAN_ITEMS; k++) {
            int g = from + k * n + l;
            if (g < groups) {
                groupSums[g] = carry + tile[k * n + l];
            }
        }
        carry += total;
    }
    if (l == 0) {
        start[used] = carry;
        start[slots] = carry;
    }
}

/*
 * Pass 3: start[s] = cursor[s] = the group's offset + the exclusive scan of its tile, for s < used;
 * counts[s] = 0 once read, so the counts are clear for the next step's count without a fill.
 */
__kernel void scan_tiles(__global int *counts, __global const int *groupSums, __global int *start,
                         __global int *cursor, const int used, __local int *tile, __local int *sums) {
    int l = get_local_id(0);
    int n = get_local_size(0);
    long base = (long) get_group_id(0) * n * SCAN_ITEMS;
    for (int k = 0; k < SCAN_ITEMS; k++) {
        long s = base + (long) k * n + l;
        if (s < used) {
            tile[k * n + l] = counts[s];
            counts[s] = 0;
        } else {
            tile[k * n + l] = 0;
        }
    }
    tile_exclusive_scan(tile, sums);
    int offset = groupSums[get_group_id(0)];
    for (int k = 0; k < SCAN_ITEMS; k++) {
        long s = base + (long) k * n + l;
        if (s < used) {
            int v = offset + tile[k * n + l];
            start[s] = v;
            cursor[s] = v;
        }
    }
}

/*
 * The CPU layout of passes 1 and 3 (org.coag.gpu.DevicePaths#scanRuns): work item l of group g owns
 * the run of `per` consecutive slots from (g L + l) per, so a device that runs a work group's items
 * one after another on one core walks each run in order, and a few large groups per compute unit
 * replace thousands of small ones (and their local-memory barriers). Integer sums: the same start as
 * the tiles.
 */
/* This work item's run [*from, *to) of the slots in use, and the sum of its counts. */
inline int run_sum(__global const int *counts, const int used, const int per, long *from, long *to) {
    *from = ((long) get_group_id(0) * get_local_size(0) + get_local_id(0)) * per;
    *to = min(*from + per, (long) used);
    int sum = 0;
    for (long s = *from; s < *to; s++) {
        sum += counts[s];
    }
    return sum;
}

__kernel void scan_reduce_runs(__global const int *counts, __global int *groupSums, const int used, const int per,
                               __local int *sums) {
    int l = get_local_id(0);
    int n = get_local_size(0);
    long from;
    long to;
    int sum = run_sum(counts, used, per, &from, &to);
    int total = group_inclusive_scan(sum, sums);
    if (l == n - 1) {
        groupSums[get_group_id(0)] = total;
    }
}

/* Pass 3 on runs: start[s] = cursor[s] = the group's offset + the items before + the run so far; counts[s] = 0. */
__kernel void scan_tiles_runs(__global int *counts, __global const int *groupSums, __global int *start,
                              __global int *cursor, const int used, const int per, __local int *sums) {
    long from;
    long to;
    int own = run_sum(counts, used, per, &from, &to);
    int run = groupSums[get_group_id(0)] + group_inclusive_scan(own, sums) - own;
    for (long s = from; s < to; s++) {
        int v = counts[s];
        counts[s] = 0;
        start[s] = run;
        cursor[s] = run;
        run += v;
    }
}
