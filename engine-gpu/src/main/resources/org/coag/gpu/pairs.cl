/*
 * The spatial hash and pair search on the device. Cells are 2^bits per side of the fixed-point
 * box (cell k-coordinate = (ulong) u >> (64 - bits), as SpatialHash.cellOf), at least the search
 * reach wide, so pairs in range lie in neighbouring cells; cells are hashed into a table of
 * 2^tableBits slots and the particles are counting-sorted by slot (atomic histogram, exclusive
 * scan, atomic scatter: the order inside a slot is arbitrary, which cannot change a result because
 * pairs are identified by ids and fired pairs are applied in (time, lower id, higher id) order).
 * Positions are SoA: coordinate k of slot i at pos[k * capacity + i]. A particle with mass 0 is dead.
 */

inline ulong cell_of(long u, int bits) {
    return bits == 0 ? 0 : (as_ulong(u) >> (64 - bits));
}

inline uint slot_of(const ulong *cell, int dim, int tableBits) {
    const ulong m[4] = {0x9E3779B97F4A7C15UL, 0xC2B2AE3D27D4EB4FUL, 0x165667B19E3779F9UL, 0x27D4EB2F165667C5UL};
    ulong h = 0;
    for (int k = 0; k < dim; k++) {
        h += (cell[k] + 1) * m[k];
    }
    return tableBits == 0 ? 0 : (uint) (h >> (64 - tableBits));
}

__kernel void hash_count(__global const long *pos, __global const int *masses, __global int *slots,
                         __global int *counts, const int count, const int capacity, const int dim,
                         const int bits, const int tableBits) {
    int i = get_global_id(0);
    if (i >= count) {
        return;
    }
    if (masses[i] == 0) {
        slots[i] = -1;
        return;
    }
    ulong cell[4];
    for (int k = 0; k < dim; k++) {
        cell[k] = cell_of(pos[k * capacity + i], bits);
    }
    uint s = slot_of(cell, dim, tableBits);
    slots[i] = (int) s;
    atomic_inc(&counts[s]);
}

/* Exclusive scan, pass 1: each work item scans `chunk` slots and writes its total. */
__kernel void scan_chunks(__global const int *counts, __global int *start, __global int *totals,
                          const int slots, const int chunk) {
    int w = get_global_id(0);
    int from = w * chunk;
    if (from >= slots) {
        return;
    }
    int to = min(slots, from + chunk);
    int sum = 0;
    for (int s = from; s < to; s++) {
        start[s] = sum;
        sum += counts[s];
    }
    totals[w] = sum;
}

/* Pass 2 (one work item): exclusive scan of the chunk totals; start[slots] = the grand total. */
__kernel void scan_totals(__global int *totals, __global int *start, const int chunks, const int slots) {
    if (get_global_id(0) != 0) {
        return;
    }
    int sum = 0;
    for (int w = 0; w < chunks; w++) {
        int t = totals[w];
        totals[w] = sum;
        sum += t;
    }
    start[slots] = sum;
}

/* Pass 3: add each chunk's offset; the cursor of each slot starts at its start. */
__kernel void scan_add(__global int *start, __global int *cursor, __global const int *totals,
                       const int slots, const int chunk) {
    int s = get_global_id(0);
    if (s >= slots) {
        return;
    }
    int v = start[s] + totals[s / chunk];
    start[s] = v;
    cursor[s] = v;
}

__kernel void hash_scatter(__global const int *slots, __global int *cursor, __global int *order, const int count) {
    int i = get_global_id(0);
    if (i >= count || slots[i] < 0) {
        return;
    }
    order[atomic_inc(&cursor[slots[i]])] = i;
}

/*
 * Every pair (i, j), id(i) < id(j), with r^2 < reach2 (r^2 summed over coordinates in order from
 * dx_k = (double)(x_k(i) - x_k(j)) * unit, as the reference) is appended to out as (i, j).
 * Appends beyond `outCapacity` are counted but not stored (the host grows the buffer and reruns).
 */
__kernel void find_pairs(__global const long *pos, __global const int *ids, __global const int *masses,
                         __global const int *start, __global const int *order, __global int2 *out,
                         __global int *found, const int count, const int capacity, const int dim, const int bits,
                         const int tableBits, const double unit, const double reach2, const int outCapacity) {
    int i = get_global_id(0);
    if (i >= count || masses[i] == 0) {
        return;
    }
    ulong mask = bits == 0 ? 0 : (bits == 64 ? ~0UL : ((1UL << bits) - 1));
    int lo = bits >= 2 ? -1 : 0;
    int hi = bits >= 1 ? 1 : 0;
    int span = hi - lo + 1;
    int combos = 1;
    for (int k = 0; k < dim; k++) {
        combos *= span;
    }
    ulong own[4];
    long xi[4];
    for (int k = 0; k < dim; k++) {
        xi[k] = pos[k * capacity + i];
        own[k] = cell_of(xi[k], bits);
    }
    int idi = ids[i];
    for (int c = 0; c < combos; c++) {
        ulong cell[4];
        int rest = c;
        for (int k = 0; k < dim; k++) {
            cell[k] = (own[k] + (ulong) (long) (lo + rest % span)) & mask;
            rest /= span;
        }
        uint s = slot_of(cell, dim, tableBits);
        for (int o = start[s]; o < start[s + 1]; o++) {
            int j = order[o];
            if (ids[j] <= idi) {
                continue;
            }
            bool same = true;
            double r2 = 0;
            for (int k = 0; k < dim; k++) {
                long xj = pos[k * capacity + j];
                same = same && cell_of(xj, bits) == cell[k];
                double dx = (double) as_long(as_ulong(xi[k]) - as_ulong(xj)) * unit;
                r2 += dx * dx;
            }
            if (same && r2 < reach2) {
                int idx = atomic_inc(found);
                if (idx < outCapacity) {
                    out[idx] = (int2)(i, j);
                }
            }
        }
    }
}
