/*
 * The firing test of found pairs (the pair rule, org.coag.core.step.CollisionRule.fire): with
 * (range2, invUnit2, prefactor) of the mass pair (PairConstants, held sparsely in the hash table of
 * org.coag.gpu.PairTable), a pair with r^2 < range2 has rate prefactor * V(r^2 invUnit2);
 * its COLLIDE block (lower id, higher id, step) gives tau = -log(1 - u0) / rate (CollisionRule), and
 * it fires when tau < dt. Fired pairs are appended with their u1 (the survivor draw), in batches
 * (fired_flush). A pair in reach
 * whose parameters are NaN (the config's tables lack the mass pair) raises the untabulated flag; the
 * host then names the pair and fails the run as the reference does. A mass pair the table does not
 * hold yet is appended to the miss list and tested after the host has added it (the step's
 * resolution applies nothing while misses are pending).
 * Kernels V by code (org.coag.gpu.KernelCode): KERNEL_DOI (1 inside), KERNEL_BUMP
 * (exp(-1/(1-y^2))), KERNEL_TABLE (radii r, values v, linear). PURPOSE_COLLIDE and KERNEL_* come
 * from the prelude of org.coag.gpu.OpenClConstants.
 */

/* Twin of org.coag.core.model.RadialKernel.value (DoiKernel, BumpKernel, TableKernel). */
COAG_INLINE double kernel_value(int type, double y2, __global const double *tr, __global const double *tv, int tn) {
    if (type == KERNEL_DOI) {
        return y2 < 1.0 ? 1.0 : 0.0;
    }
    if (type == KERNEL_BUMP) {
        return y2 < 1.0 ? fd_exp(-1.0 / (1.0 - y2)) : 0.0;
    }
    double y = sqrt(y2);
    if (!(y < tr[tn - 1])) {
        return 0.0;
    }
    int lo = 0;
    int hi = tn - 1;
    while (hi - lo > 1) {
        int mid = (lo + hi) >> 1;
        if (tr[mid] <= y) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    double w = (y - tr[lo]) / (tr[hi] - tr[lo]);
    return tv[lo] + w * (tv[hi] - tv[lo]);
}

/* The slot of the mass pair (lo, hi) in the pair table, or -1 when it is not there; twin of org.coag.gpu.PairTable. */
COAG_INLINE long pair_slot(__global const ulong *keys, const int bits, ulong key) {
    ulong mask = (1UL << bits) - 1;
    ulong slot = (key * PAIR_HASH_M) >> (64 - bits);
    for (;;) {
        ulong k = keys[slot];
        if (k == key) {
            return (long) slot;
        }
        if (k == 0) {
            return -1;
        }
        slot = (slot + 1) & mask;
    }
}

/*
 * The fired pairs' appends, batched as the found pairs' (found_flush, pairs.cl): a work item holds up
 * to `batch` fired pairs and reserves their places with one atomic_add on firedCount. The fired list's
 * order is the order of the reservations; the resolution sorts it by (tau, lower id, higher id), so no
 * result depends on it.
 */
COAG_INLINE void fired_flush(double *hTau, double *hU1, int4 *hIdx, int *k, __global double *firedTau, __global double *firedU1,
                             __global int4 *firedIdx, __global int *firedCount, const int firedCapacity) {
    if (*k == 0) {
        return;
    }
    int at = atomic_add(firedCount, *k);
    for (int q = 0; q < *k; q++) {
        int idx = at + q;
        if (idx >= 0 && idx < firedCapacity) {
            firedTau[idx] = hTau[q];
            firedU1[idx] = hU1[q];
            firedIdx[idx] = hIdx[q];
        }
    }
    *k = 0;
}

/*
 * The firing test of one pair (slots i, j; id(i) < id(j)); twin of org.coag.core.step.CollisionRule.fire
 * (r^2 as CollisionRule.addAxis), as org.coag.core.step.FixedStepper.testPair calls it.
 */
COAG_INLINE void fire_pair(__global const long *pos, __global const int *ids, __global const int *masses, int i, int j,
                           __global const ulong *pairKeys, __global const double *params, const int pairBits,
                           __global ulong *misses, __global int *missCount, const int missCapacity, const int kernelType,
                           __global const double *tr, __global const double *tv, const int tn, const int capacity,
                           const int dim, const double unit, const double dt, const ulong step, const uint k0,
                           const uint k1, __global double *firedTau, __global double *firedU1, __global int4 *firedIdx,
                           __global int *firedCount, const int firedCapacity, __global int *untabulated, double *hTau,
                           double *hU1, int4 *hIdx, int *held, const int batch) {
    double r2 = 0;
    for (int k = 0; k < dim; k++) {
        double dx = (double) as_long(as_ulong(pos[(long) k * capacity + i]) - as_ulong(pos[(long) k * capacity + j])) * unit;
        r2 += dx * dx;
    }
    int lo = min(masses[i], masses[j]);
    int hi = max(masses[i], masses[j]);
    ulong key = ((ulong) lo << 32) | (uint) hi;
    long slot = pair_slot(pairKeys, pairBits, key);
    if (slot < 0) {
        int m = atomic_inc(missCount);
        if (m >= 0 && m < missCapacity) {
            misses[m] = key;
        }
        return;
    }
    __global const double *q = params + 3 * slot;
    if (isnan(q[0])) {
        atomic_max(untabulated, 1);
        return;
    }
    if (!(r2 < q[0])) {
        return;
    }
    double rate = q[2] * kernel_value(kernelType, r2 * q[1], tr, tv, tn);
    if (!(rate > 0)) {
        return;
    }
    uint4 w = coag_block(PURPOSE_COLLIDE, step, (uint) ids[i], (uint) ids[j], (uint2)(k0, k1));
    double tau = -fd_log(1.0 - u01(w.x, w.y)) / rate;
    if (tau < dt) {
        hTau[*held] = tau;
        hU1[*held] = u01(w.z, w.w);
        hIdx[*held] = (int4)(ids[i], ids[j], i, j);
        if (++*held >= batch) {
            fired_flush(hTau, hU1, hIdx, held, firedTau, firedU1, firedIdx, firedCount, firedCapacity);
        }
    }
}

/* fire_pair over the found pairs, grid-stride; `batch` (1 ..= APPEND_BATCH) as fired_flush. */
__kernel void fire_pairs(__global const long *pos, __global const int *ids, __global const int *masses,
                         __global const int2 *pairs, __global const int *pairCount, const int pairCapacity,
                         __global const ulong *pairKeys, __global const double *params, const int pairBits,
                         __global ulong *misses, __global int *missCount, const int missCapacity, const int kernelType, __global const double *tr, __global const double *tv,
                         const int tn, const int capacity, const int dim, const double unit, const double dt,
                         const ulong step, const uint k0, const uint k1, __global double *firedTau,
                         __global double *firedU1, __global int4 *firedIdx, __global int *firedCount,
                         const int firedCapacity, __global int *untabulated, const int batch) {
    double hTau[APPEND_BATCH];
    double hU1[APPEND_BATCH];
    int4 hIdx[APPEND_BATCH];
    int held = 0;
    int n = min(*pairCount, pairCapacity);
    for (int p = get_global_id(0); p < n; p += get_global_size(0)) {
        fire_pair(pos, ids, masses, pairs[p].x, pairs[p].y, pairKeys, params, pairBits, misses, missCount, missCapacity,
                  kernelType, tr, tv, tn, capacity, dim, unit,
                  dt, step, k0, k1, firedTau, firedU1, firedIdx, firedCount, firedCapacity, untabulated, hTau, hU1, hIdx,
                  &held, batch);
    }
    fired_flush(hTau, hU1, hIdx, &held, firedTau, firedU1, firedIdx, firedCount, firedCapacity);
}
