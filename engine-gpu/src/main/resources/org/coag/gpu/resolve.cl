/*
 * Collision resolution on the device. resolve_fired sorts the step's fired pairs by (tau, lower id,
 * higher id) and applies them as MassResolver does (FiredPairs' order: first event wins, a survivor
 * keeps colliding with its new mass, the survivor draw uses the masses at that moment) on one work
 * item; resolve_rounds (rounds.cl) applies them in parallel rounds with the same result. Both append
 * the events to a device log and keep a histogram of live masses; status_partial and status_final
 * (status.cl) then derive from that histogram what the host needs before the next step. The host
 * reads only the status words once per step.
 *
 * Status words (int status[ST_INTS]) and doubles (double statusD[ST_DOUBLES]): the indices ST_*,
 * ST_D_*, the flags FLAG_*, EVENT_INTS and the event words EV_* come from org.coag.gpu.StatusLayout, and MODE_* from
 * org.coag.core.model.Mode, through the prelude of org.coag.gpu.OpenClConstants.
 */

/* Twin of the order of org.coag.core.step.FiredPairs.sort: (tau, lower id, higher id). */
COAG_INLINE bool fired_before(int x, int y, __global const double *tau, __global const int4 *idx) {
    double tx = tau[x];
    double ty = tau[y];
    if (tx != ty) {
        return tx < ty;
    }
    int4 a = idx[x];
    int4 b = idx[y];
    return a.x != b.x ? a.x < b.x : a.y < b.y;
}

/* Bottom-up merge sort of ord[0..n), tmp as scratch; twin of org.coag.core.step.FiredPairs.sort. */
COAG_INLINE void sort_fired(int n, __global int *ord, __global int *tmp, __global const double *tau,
                            __global const int4 *idx) {
    for (int i = 0; i < n; i++) {
        ord[i] = i;
    }
    for (int width = 1; width < n; width *= 2) {
        for (int from = 0; from < n - width; from += 2 * width) {
            int mid = from + width;
            int to = min(from + 2 * width, n);
            for (int k = from; k < to; k++) {
                tmp[k] = ord[k];
            }
            int a = from;
            int b = mid;
            for (int k = from; k < to; k++) {
                if (b >= to || (a < mid && fired_before(tmp[a], tmp[b], tau, idx))) {
                    ord[k] = tmp[a++];
                } else {
                    ord[k] = tmp[b++];
                }
            }
        }
    }
}

/* (tau, lower id, higher id) of a before that of b; an index < 0 (padding) sorts last. */
COAG_INLINE bool key_before(double ta, int2 ia, int oa, double tb, int2 ib, int ob) {
    if (oa < 0 || ob < 0) {
        return ob < 0 && oa >= 0;
    }
    if (ta != tb) {
        return ta < tb;
    }
    return ia.x != ib.x ? ia.x < ib.x : ia.y < ib.y;
}

/*
 * The order of the step's fired pairs (ord[r] = the index of the r-th pair by (tau, lower id, higher
 * id)), by a bitonic sort in local memory in one work group of any size, when they are at most
 * SORT_LOCAL_MAX (and the fired buffer did not overflow); resolve_fired sorts serially otherwise.
 * The keys are distinct (a pair fires once), so the order is the one the merge sort of sort_fired,
 * the twin of org.coag.core.step.FiredPairs.sort, gives.
 */
__kernel void sort_fired_local(__global const double *tau, __global const int4 *idx, __global const int *firedCount,
                               const int firedCapacity, __global int *ord) {
    __local double keyTau[SORT_LOCAL_MAX];
    __local int2 keyIds[SORT_LOCAL_MAX];
    __local int keyOrd[SORT_LOCAL_MAX];
    int n = *firedCount;
    if (n < 0 || n > firedCapacity || n > SORT_LOCAL_MAX) {
        return;
    }
    int l = get_local_id(0);
    int items = get_local_size(0);
    int size = 1;
    while (size < n) {
        size <<= 1;
    }
    for (int i = l; i < size; i += items) {
        keyOrd[i] = i < n ? i : -1;
        keyTau[i] = i < n ? tau[i] : 0;
        keyIds[i] = i < n ? idx[i].xy : (int2)(0, 0);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int k = 2; k <= size; k <<= 1) {
        for (int j = k >> 1; j > 0; j >>= 1) {
            for (int i = l; i < size; i += items) {
                int p = i ^ j;
                if (p > i) {
                    bool ascending = (i & k) == 0;
                    bool swap = ascending == key_before(keyTau[p], keyIds[p], keyOrd[p], keyTau[i], keyIds[i], keyOrd[i]);
                    if (swap) {
                        double t = keyTau[i];
                        keyTau[i] = keyTau[p];
                        keyTau[p] = t;
                        int2 d = keyIds[i];
                        keyIds[i] = keyIds[p];
                        keyIds[p] = d;
                        int o = keyOrd[i];
                        keyOrd[i] = keyOrd[p];
                        keyOrd[p] = o;
                    }
                }
            }
            barrier(CLK_LOCAL_MEM_FENCE);
        }
    }
    for (int i = l; i < n; i += items) {
        ord[i] = keyOrd[i];
    }
}

/*
 * The resolution's status words, written by one work item before anything is applied: the flags
 * (a buffer overflowed, the firing test missed mass pairs the pair table does not hold yet
 * (FLAG_MISSES), the event log would overflow) and the counts. Returns 1 when the fired pairs are
 * to be applied: no flag and no pair in reach lacking its parameters (the host then fails the run as
 * the reference would); otherwise the host grows the buffer and reruns the step's search, firing
 * test or resolution (nothing was changed).
 */
COAG_INLINE int resolve_begin(int n, __global const int *untabulated, const int firedCapacity, __global const int *pairCount,
                              const int pairCapacity, __global const int *start, const int slots, const int eventCapacity,
                              __global int *status, __global const int *missCount) {
    int flags = 0;
    flags |= *pairCount < 0 || *pairCount > pairCapacity ? FLAG_PAIRS : 0;
    flags |= n < 0 || n > firedCapacity ? FLAG_FIRED : 0;
    flags |= *missCount != 0 ? FLAG_MISSES : 0;
    flags |= flags == 0 && status[ST_EVENTS] + n > eventCapacity ? FLAG_EVENTS : 0;
    status[ST_FLAGS] = flags;
    status[ST_PAIRS] = *pairCount;
    status[ST_FIRED] = n;
    status[ST_SORTED] = start[slots];
    status[ST_UNTABULATED] = *untabulated;
    status[ST_MISSES] = *missCount;
    return flags == 0 && status[ST_UNTABULATED] == 0;
}

/*
 * Applies fired pair e (slots a = idx[e].z, b = idx[e].w) to the masses as MassResolver.apply does,
 * when both are alive (a dead partner: nothing happens, returns 0). Annihilation (mode
 * MODE_ANNIHILATION) kills both; coagulation keeps the lower id when u1 (m_lo + m_hi) < m_lo (twin
 * of the outcomes of org.coag.core.step.CollisionOutcome.Basic, which use
 * CollisionRule.lowerSurvives) and gives it m_lo + m_hi. The live-mass histogram is updated with
 * atomics (integer, so in any order the same counts). Returns the deaths (0, 1 or 2); *ma, *mb get
 * the masses before and *survivor the surviving id (-1: none).
 */
COAG_INLINE int apply_fired(int e, __global const double *u1, __global const int4 *idx, __global int *masses, const int mode,
                            __global int *liveByMass, int *ma, int *mb, int *survivor) {
    int4 f = idx[e];
    int a = f.z;
    int b = f.w;
    *ma = masses[a];
    *mb = masses[b];
    if (*ma == 0 || *mb == 0) {
        return 0;
    }
    atomic_sub(&liveByMass[*ma], 1);
    atomic_sub(&liveByMass[*mb], 1);
    if (mode == MODE_ANNIHILATION) {
        *survivor = -1;
        masses[a] = 0;
        masses[b] = 0;
        return 2;
    }
    bool lowerWins = u1[e] * ((double) *ma + (double) *mb) < *ma;
    int sum = *ma + *mb;
    *survivor = lowerWins ? f.x : f.y;
    masses[lowerWins ? a : b] = sum;
    masses[lowerWins ? b : a] = 0;
    atomic_add(&liveByMass[sum], 1);
    return 1;
}

/* Writes the event of fired pair e (masses before ma, mb; survivor id or -1) as record `at` of the log. */
COAG_INLINE void log_event(__global int *events, int at, const ulong step, int4 f, int ma, int mb, int survivor) {
    __global int *ev = events + (long) EVENT_INTS * at;
    ev[EV_STEP_LO] = (int) step;
    ev[EV_STEP_HI] = (int) (step >> 32);
    ev[EV_ID_LO] = f.x;
    ev[EV_ID_HI] = f.y;
    ev[EV_MASS_LO] = ma;
    ev[EV_MASS_HI] = mb;
    ev[EV_SURVIVOR] = survivor;
    ev[EV_PAD] = 0;
}

/*
 * Applies the fired pairs of `step` (slots index the sorted state) on one work item, in the order
 * (tau, lower id, higher id), when resolve_begin allows; appends the events to the log (EVENT_INTS
 * ints each, words EV_*: step low, step high, lower id, higher id, mass lo, mass hi, survivor id or
 * -1, 0). Twin of org.coag.core.step.MassResolver.apply; resolve_rounds (rounds.cl) is its parallel
 * equal.
 */
__kernel void resolve_fired(__global const double *tau, __global const double *u1, __global const int4 *idx,
                            __global const int *firedCount, __global const int *untabulated, const int firedCapacity,
                            __global const int *pairCount, const int pairCapacity, __global int *masses, __global const int *start, const int slots,
                            const int mode, const ulong step, __global int *events, const int eventCapacity,
                            __global int *liveByMass, __global int *ord, __global int *tmp, __global int *status,
                            __global const int *missCount) {
    if (get_global_id(0) != 0) {
        return;
    }
    int n = *firedCount;
    if (!resolve_begin(n, untabulated, firedCapacity, pairCount, pairCapacity, start, slots, eventCapacity, status, missCount)) {
        return;
    }
    if (n > SORT_LOCAL_MAX) {
        sort_fired(n, ord, tmp, tau, idx);
    }
    int used = status[ST_EVENTS];
    int live = status[ST_LIVE];
    int largest = status[ST_LARGEST];
    for (int r = 0; r < n; r++) {
        int e = ord[r];
        int ma;
        int mb;
        int survivor;
        int deaths = apply_fired(e, u1, idx, masses, mode, liveByMass, &ma, &mb, &survivor);
        if (deaths != 0) {
            log_event(events, used++, step, idx[e], ma, mb, survivor);
            live -= deaths;
            largest = survivor >= 0 ? max(largest, ma + mb) : largest;
        }
    }
    status[ST_EVENTS] = used;
    status[ST_LIVE] = live;
    status[ST_LARGEST] = largest;
}
