/*
 * The spatial hash and pair search on the device. Cells are 2^bits per side of the fixed-point
 * box (cell k-coordinate = (ulong) u >> (64 - bits), as SpatialHash.cellOf), at least the search
 * reach wide, so pairs in range lie in neighbouring cells; cells are hashed into a table of
 * 2^tableBits slots and the particles are counting-sorted by slot (atomic histogram, exclusive
 * scan (scan.cl), atomic scatter, gather into the sorted copy that becomes the state: the order inside a
 * slot is arbitrary, which cannot change a result because pairs are identified by ids and fired
 * pairs are applied in (time, lower id, higher id) order).
 * Positions are SoA: coordinate k of slot i at pos[k * capacity + i] (computed in 64 bits: d N may pass 2^31).
 * A particle with mass 0 is dead. Counters that wrap past 2^31 - 1 store nothing (the host refuses the step).
 * When the whole grid fits the table (bits * d <= tableBits) the slot is the row-major cell index
 * itself, so slot order is spatial order; the pair search walks the particles in slot order, so
 * neighbouring work items look up neighbouring cells (the lookups are the cost: random reads of
 * the table would otherwise miss the cache for every neighbour cell).
 */

/* Twin of org.coag.core.space.SpatialHash.cellOf. */
COAG_INLINE ulong cell_of(long u, int bits) {
    return bits == 0 ? 0 : (as_ulong(u) >> (64 - bits));
}

__constant ulong HASH_M[4] = {0x9E3779B97F4A7C15UL, 0xC2B2AE3D27D4EB4FUL, 0x165667B19E3779F9UL, 0x27D4EB2F165667C5UL};

/* The slot of a cell in the device's own table (no Java twin; slots only order the search). */
COAG_INLINE uint slot_of(const ulong *cell, int dim, int tableBits, int bits) {
    if (bits * dim <= tableBits) {
        ulong dense = 0;
        for (int k = 0; k < dim; k++) {
            dense = (dense << bits) | cell[k];
        }
        return (uint) dense;
    }
    ulong h = 0;
    for (int k = 0; k < dim; k++) {
        h += (cell[k] + 1) * HASH_M[k];
    }
    return tableBits == 0 ? 0 : (uint) (h >> (64 - tableBits));
}

/* Counting sort by slot, first pass for live particle i: its slot and the slot histogram (cf. SpatialHash.build). */
COAG_INLINE void count_one(__global const long *pos, __global int *slots, __global int *counts, int i, int capacity, int bits,
                           int tableBits) {
    ulong cell[COAG_DIM];
    #pragma unroll
    for (int k = 0; k < COAG_DIM; k++) {
        cell[k] = cell_of(pos[(long) k * capacity + i], bits);
    }
    uint s = slot_of(cell, COAG_DIM, tableBits, bits);
    slots[i] = (int) s;
    atomic_inc(&counts[s]);
}

/* count_one over the particles (dead ones get slot -1). */
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
    count_one(pos, slots, counts, i, capacity, bits, tableBits);
}

/*
 * move, seam_check (when checkSeam != 0) and hash_count fused: one pass over the particles, each work
 * item moving its particle, checking it against the seam and counting it into its slot (its own
 * writes to pos are visible to it). Same results as the three kernels in turn.
 */
__kernel void move_seam_count(__global long *pos, __global const int *ids, __global const int *masses,
                              __global const double *sigma, const int count, const int capacity, const ulong step,
                              const uint k0, const uint k1, const int checkSeam, __global int *offender, const double unit,
                              const double limit, __global int *slots, __global int *counts, const int bits,
                              const int tableBits) {
    int i = get_global_id(0);
    if (i >= count) {
        return;
    }
    if (masses[i] == 0) {
        slots[i] = -1;
        return;
    }
    move_one(pos, ids, masses, sigma, i, capacity, step, k0, k1);
    if (checkSeam != 0) {
        seam_one(pos, ids, offender, i, capacity, COAG_DIM, unit, limit);
    }
    count_one(pos, slots, counts, i, capacity, bits, tableBits);
}

/* Counting sort, after the scan: each particle's place in slot order (cf. SpatialHash.build). */
__kernel void hash_scatter(__global const int *slots, __global int *cursor, __global int *order, const int count) {
    int i = get_global_id(0);
    if (i >= count || slots[i] < 0) {
        return;
    }
    order[atomic_inc(&cursor[slots[i]])] = i;
}

/*
 * Copies positions, ids and masses into slot order: the sorted copy becomes the state (the host swaps
 * the buffers), so dead particles drop out here and the next step reads nearly sorted data. The live
 * count is start[slots]; the launch covers the previous count, an upper bound.
 */
__kernel void gather_sorted(__global const long *pos, __global const int *ids, __global const int *masses,
                            __global const int *order, __global long *sortedPos, __global int *sortedIds,
                            __global int *sortedMasses, __global const int *start, const int slots, const int capacity) {
    int g = get_global_id(0);
    if (g >= start[slots]) {
        return;
    }
    int i = order[g];
    #pragma unroll
    for (int k = 0; k < COAG_DIM; k++) {
        sortedPos[(long) k * capacity + g] = pos[(long) k * capacity + i];
    }
    sortedIds[g] = ids[i];
    sortedMasses[g] = masses[i];
}

/*
 * The found pairs' appends, batched: a work item holds up to `batch` (<= APPEND_BATCH) pairs and
 * reserves their places with one atomic_add on the shared counter when it is full and when it is
 * done, instead of one atomic_inc per pair, so the counter does not serialise the search when pairs
 * approach N (batch 1: one atomic per pair, as before; the CPU default). Places beyond outCapacity are
 * counted, not stored. The order of the list is the order of the reservations, which was never
 * fixed: the firing test's fired pairs are sorted before they are applied.
 */
COAG_INLINE void found_flush(int2 *held, int *k, __global int2 *out, __global int *found, int outCapacity) {
    if (*k == 0) {
        return;
    }
    int at = atomic_add(found, *k);
    for (int q = 0; q < *k; q++) {
        int idx = at + q;
        if (idx >= 0 && idx < outCapacity) {
            out[idx] = held[q];
        }
    }
    *k = 0;
}

COAG_INLINE void found_add(int2 pair, int2 *held, int *k, const int batch, __global int2 *out, __global int *found,
                           int outCapacity) {
    held[(*k)++] = pair;
    if (*k >= batch) {
        found_flush(held, k, out, found, outCapacity);
    }
}

/*
 * Every pair (i, j), id(i) < id(j), with r^2 < reach2 (r^2 summed over coordinates in order from
 * dx_k = (double)(x_k(i) - x_k(j)) * unit, as the reference) is appended to out as (i, j), indices
 * of the sorted arrays (which then become the state). Work item g takes the g-th particle in slot
 * order (g < start[slots], the live count). With at least 4 cells per side it scans a half shell
 * (the neighbour cells whose first non-zero offset is positive, and the later particles of its own
 * cell), so each pair
 * is met once; with 1 or 2 cells per side, where offsets wrap onto the same cell, it scans all
 * neighbours and keeps the pair from its lower id. (The sign of dx does not matter: the
 * conversion of a negated long is the negated double, and r^2 sums squares.) Appends beyond
 * `outCapacity` are counted but not stored (resolve_fired flags it; the host grows the buffer and
 * reruns). Twin of org.coag.core.space.CandidatePairs.scan with FixedStepper's reach.
 */
__kernel void find_pairs(__global const long *sortedPos, __global const int *sortedIds, __global const int *start,
                         __global int2 *out, __global int *found, const int capacity,
                         const int dim, const int bits, const int tableBits, const double unit, const double reach2,
                         const int outCapacity, const int batch) {
    int g = get_global_id(0);
    if (g >= start[1 << tableBits]) {
        return;
    }
    int2 held[APPEND_BATCH];
    int k0 = 0;
    ulong mask = bits == 0 ? 0 : (bits == 64 ? ~0UL : ((1UL << bits) - 1));
    int lo = bits >= 2 ? -1 : 0;
    int hi = bits >= 1 ? 1 : 0;
    ulong own[4];
    long xi[4];
    for (int k = 0; k < dim; k++) {
        xi[k] = sortedPos[(long) k * capacity + g];
        own[k] = cell_of(xi[k], bits);
    }
    int idi = sortedIds[g];
    bool halfShell = bits >= 2;
    int off[4] = {lo, lo, lo, lo};
    bool more = true;
    while (more) {
        ulong cell[4];
        int first = 0;
        for (int k = dim - 1; k >= 0; k--) {
            cell[k] = (own[k] + (ulong) (long) off[k]) & mask;
            first = off[k] != 0 ? off[k] : first;
        }
        more = false;
        for (int k = 0; k < dim && !more; k++) {
            if (off[k] < hi) {
                off[k]++;
                more = true;
            } else {
                off[k] = lo;
            }
        }
        if (halfShell && first < 0) {
            continue;
        }
        uint s = slot_of(cell, dim, tableBits, bits);
        for (int o = start[s]; o < start[s + 1]; o++) {
            int idj = sortedIds[o];
            if (halfShell ? (first == 0 && o <= g) : idj <= idi) {
                continue;
            }
            bool same = true;
            double r2 = 0;
            for (int k = 0; k < dim; k++) {
                long xj = sortedPos[(long) k * capacity + o];
                same = same && cell_of(xj, bits) == cell[k];
                double dx = (double) as_long(as_ulong(xi[k]) - as_ulong(xj)) * unit;
                r2 += dx * dx;
            }
            if (same && r2 < reach2) {
                found_add(idi < idj ? (int2)(g, o) : (int2)(o, g), held, &k0, batch, out, found, outCapacity);
            }
        }
    }
    found_flush(held, &k0, out, found, outCapacity);
}

/* Appends (slot of i, slot of j), lower id first, for every o in [from, to) closer to i than the reach. */
COAG_INLINE void pairs_in_segment(int from, int to, const long *xi, int idi, int slotI,
                                  __global const long *sortedPos, __global const int *sortedIds,
                                  __global int2 *out, __global int *found,
                                  int capacity, double unit, double reach2, int outCapacity,
                                  int2 *held, int *held_count, const int batch) {
    for (int o = from; o < to; o++) {
        double r2 = 0;
        #pragma unroll
        for (int k = 0; k < COAG_DIM; k++) {
            double dx = (double) as_long(as_ulong(xi[k]) - as_ulong(sortedPos[(long) k * capacity + o])) * unit;
            r2 += dx * dx;
        }
        if (r2 < reach2) {
            int idj = sortedIds[o];
            found_add(idi < idj ? (int2)(slotI, o) : (int2)(o, slotI), held, held_count, batch, out, found, outCapacity);
        }
    }
}

#define COAG_ROWS (COAG_DIM == 1 ? 1 : COAG_DIM == 2 ? 3 : COAG_DIM == 3 ? 9 : 27)

/*
 * find_pairs for the dense grid (bits * d <= tableBits, slot = row-major cell index, the last axis
 * fastest) with at least 4 cells per side, cells at least the reach wide (usually many times it).
 * The cells z - 1, z, z + 1 of a row along the last axis are consecutive slots, so their particles
 * are one run of the sorted arrays. Work item g scans the half shell as rows: its own row from
 * particle g + 1, and the rows whose offset in the first d - 1 axes has a positive first non-zero
 * entry (5 rows instead of 14 cells in d = 3; a row that wraps round the torus splits into two
 * runs). Faces: a neighbour row or cell is read only when the particle lies within reachUnits
 * (fixed-point units, rounded up with a margin) of the face towards it; a particle farther from
 * that face has no partner there (|dx_k| alone would exceed the reach), so skipping it changes no
 * result, and most particles read only the rest of their own cell. Twin of
 * org.coag.core.space.CandidatePairs.scan, as find_pairs.
 */
__kernel void find_pairs_rows(__global const long *sortedPos, __global const int *sortedIds, __global const int *start,
                              const int slots, __global int2 *out, __global int *found, const int capacity,
                              const int bits, const double unit, const double reach2, const ulong reachUnits,
                              const int outCapacity, const int batch) {
    int g = get_global_id(0);
    if (g >= start[slots]) {
        return;
    }
    int2 held[APPEND_BATCH];
    int k0 = 0;
    int cells = 1 << bits;
    uint mask = (uint) cells - 1;
    ulong within = (~0UL) >> bits;
    long xi[COAG_DIM];
    uint c[COAG_DIM];
    bool low[COAG_DIM];
    bool high[COAG_DIM];
    #pragma unroll
    for (int k = 0; k < COAG_DIM; k++) {
        xi[k] = sortedPos[(long) k * capacity + g];
        ulong u = as_ulong(xi[k]);
        c[k] = (uint) (u >> (64 - bits));
        ulong f = u & within;
        low[k] = f < reachUnits;
        high[k] = within - f < reachUnits;
    }
    int idi = sortedIds[g];
    int z = (int) c[COAG_DIM - 1];
    int zl = low[COAG_DIM - 1] ? z - 1 : z;
    int zh = high[COAG_DIM - 1] ? z + 1 : z;
    #pragma unroll
    for (int r = 0; r < COAG_ROWS; r++) {
        int first = 0;
        bool near = true;
        uint base = 0;
        int code = r;
        int digits[COAG_DIM];
        #pragma unroll
        for (int k = COAG_DIM - 2; k >= 0; k--) {
            digits[k] = code % 3 - 1;
            code /= 3;
            first = digits[k] != 0 ? digits[k] : first;
            near = near && (digits[k] <= 0 || high[k]) && (digits[k] >= 0 || low[k]);
        }
        if (first < 0 || !near) {
            continue;
        }
        #pragma unroll
        for (int k = 0; k < COAG_DIM - 1; k++) {
            base = (base << bits) | ((c[k] + (uint) digits[k]) & mask);
        }
        base <<= bits;
        bool own = first == 0;
        int lo = own ? z : zl;
        int from = own ? g + 1 : start[base + max(lo, 0)];
        int to = start[base + min(zh, cells - 1) + 1];
        pairs_in_segment(from, to, xi, idi, g, sortedPos, sortedIds, out, found, capacity, unit, reach2,
                         outCapacity, held, &k0, batch);
        int wrap = lo < 0 ? cells - 1 : (zh > cells - 1 ? 0 : -1);
        if (wrap >= 0) {
            pairs_in_segment(start[base + wrap], start[base + wrap + 1], xi, idi, g, sortedPos, sortedIds,
                             out, found, capacity, unit, reach2, outCapacity, held, &k0, batch);
        }
    }
    found_flush(held, &k0, out, found, outCapacity);
}
