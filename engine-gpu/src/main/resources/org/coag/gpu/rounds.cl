/*
 * The step's fired pairs applied in parallel rounds by one work group, with the result of the
 * serial resolve_fired (resolve.cl) and of its reference twin org.coag.core.step.MassResolver.apply.
 *
 * The rule. Let the sorted pairs be p_0, p_1, ... (order (tau, lower id, higher id)). A pair is
 * pending until it is decided: applied, or skipped because a partner is dead. In each round every
 * pending p_r whose two slots are touched by no pending p_q with q < r is decided, reading the masses
 * as they are. That equals the serial order: every earlier pair sharing a slot with p_r was decided
 * in an earlier round, so the masses of p_r's slots are those the serial loop sees when it reaches
 * p_r; later pairs sharing a slot wait for p_r. Pairs decided in the same round share no slot, so
 * they read and write disjoint masses. A pair that is skipped still blocks the later pairs of its
 * slots until its round: a dead partner makes it skip, and a slot once dead stays dead (the serial
 * loop only ever sets a mass to 0 or to a sum of live masses), so deciding it in its turn gives the
 * serial answer without a special case. A chain p_0 = (a, b), p_1 = (b, c), p_2 = (c, d) takes three
 * rounds; pairs with no common slot, the usual case, take one.
 *
 * The test "touched by no earlier pending pair" is a claim per slot: each pending p_r takes the
 * atomic minimum of r into claim[a] and claim[b]; p_r is ready when both hold r. The claims are reset
 * to INT_MAX by the pairs that were pending in the round, so the buffer (int[capacity], INT_MAX once
 * at creation by claims_clear) is clean after every launch. After roundsMax rounds (a long chain) one
 * work item decides the pairs still pending in their order: the decided pairs precede every pending
 * pair they share a slot with, so this too is the serial order. Event k of the step is the k-th
 * applied pair in the sorted order (a work-group scan of the applied counts gives each its place).
 *
 * rec[r] (int4, per rank): x = the round that decided p_r (0: pending), y, z = its masses before (y =
 * 0: skipped), w = the surviving id or -1.
 */

/* claim[s] = INT_MAX for s < slots: the claims' clean state, once when the buffer is made. */
__kernel void claims_clear(__global int *claim, const int slots) {
    for (int s = get_global_id(0); s < slots; s += get_global_size(0)) {
        claim[s] = INT_MAX;
    }
}

/* Decides pending rank r in `round`: applies it (or skips it) and records the outcome in rec[r]. */
COAG_INLINE void decide_fired(int r, int round, __global const int *ord, __global const double *u1, __global const int4 *idx,
                              __global int *masses, const int mode, __global int *liveByMass, __global int4 *rec,
                              __local int *deaths, __local int *largest) {
    int ma;
    int mb;
    int survivor = -1;
    int d = apply_fired(ord[r], u1, idx, masses, mode, liveByMass, &ma, &mb, &survivor);
    if (d != 0) {
        atomic_add(deaths, d);
        if (survivor >= 0) {
            atomic_max(largest, ma + mb);
        }
    }
    rec[r] = (int4)(round, d != 0 ? ma : 0, mb, survivor);
}

/*
 * The parallel twin of resolve_fired (same arguments first), in one work group of any size; `sums`
 * holds one int per work item. Every item passes every barrier, unconditionally: no early return
 * (when resolve_begin refuses, the loops run over no pair), and all roundsMax rounds pass their three
 * barriers, the work of a round after the last pending pair being skipped (PoCL 3.1 miscompiles a
 * loop with barriers whose exit depends on a value read from local memory: it crashed). roundsMax: the rounds before the serial finish (0: all serial).
 */
__kernel void resolve_rounds(__global const double *tau, __global const double *u1, __global const int4 *idx,
                             __global const int *firedCount, __global const int *untabulated, const int firedCapacity,
                             __global const int *pairCount, const int pairCapacity, __global int *masses, __global const int *start,
                             const int slots, const int mode, const ulong step, __global int *events, const int eventCapacity,
                             __global int *liveByMass, __global int *ord, __global int *tmp, __global int *status,
                             __global const int *missCount, __global int4 *rec, __global int *claim, const int roundsMax,
                             __local int *sums) {
    __local int go;
    __local int used;
    __local int deaths;
    __local int largest;
    __local int left[2];
    int l = get_local_id(0);
    int items = get_local_size(0);
    int fired = *firedCount;
    if (l == 0) {
        go = resolve_begin(fired, untabulated, firedCapacity, pairCount, pairCapacity, start, slots, eventCapacity, status, missCount);
        if (go && fired > SORT_LOCAL_MAX) {
            sort_fired(fired, ord, tmp, tau, idx);
        }
        used = status[ST_EVENTS];
        deaths = 0;
        largest = status[ST_LARGEST];
        left[0] = 0;
    }
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
    int n = go ? fired : 0;
    for (int r = l; r < n; r += items) {
        rec[r] = (int4)(0, 0, 0, 0);
    }
    bool more = n > 0;
    for (int round = 0; round < roundsMax; round++) {
        if (l == 0) {
            left[(round + 1) & 1] = 0;
        }
        for (int r = l; more && r < n; r += items) {
            if (rec[r].x == 0) {
                int4 f = idx[ord[r]];
                atomic_min(&claim[f.z], r);
                atomic_min(&claim[f.w], r);
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
        for (int r = l; more && r < n; r += items) {
            if (rec[r].x == 0) {
                int4 f = idx[ord[r]];
                if (claim[f.z] == r && claim[f.w] == r) {
                    decide_fired(r, round + 1, ord, u1, idx, masses, mode, liveByMass, rec, &deaths, &largest);
                } else {
                    atomic_inc(&left[round & 1]);
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
        for (int r = l; more && r < n; r += items) {
            int x = rec[r].x;
            if (x == 0 || x == round + 1) {
                int4 f = idx[ord[r]];
                atomic_xchg(&claim[f.z], INT_MAX);
                atomic_xchg(&claim[f.w], INT_MAX);
            }
        }
        more = more && left[round & 1] != 0;
        barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
    }
    if (more && l == 0) {
        for (int r = 0; r < n; r++) {
            if (rec[r].x == 0) {
                decide_fired(r, roundsMax + 1, ord, u1, idx, masses, mode, liveByMass, rec, &deaths, &largest);
            }
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
    int chunk = (n + items - 1) / items;
    int from = min(n, l * chunk);
    int to = min(n, from + chunk);
    int applied = 0;
    for (int r = from; r < to; r++) {
        applied += rec[r].y != 0 ? 1 : 0;
    }
    int at = used + group_inclusive_scan(applied, sums) - applied;
    int total = sums[items - 1];
    for (int r = from; r < to; r++) {
        int4 q = rec[r];
        if (q.y != 0) {
            log_event(events, at++, step, idx[ord[r]], q.y, q.z, q.w);
        }
    }
    if (l == 0 && go) {
        status[ST_EVENTS] = used + total;
        status[ST_LIVE] -= deaths;
        status[ST_LARGEST] = largest;
    }
}
