/*
 * The step status as a parallel reduction over the live-mass histogram: what the host needs before
 * the next step, for the live masses m = 1..status[ST_LARGEST] (liveByMass[m] > 0): the widest sigma
 * and the largest range^2 of a pair (m, m) (range2[m - 1], from PairConstants of (m, m)) over the
 * masses the tables cover (m <= tableSize), the smallest such mass whose sigma or range the tables
 * lack (NaN), and the smallest live mass beyond the tables. Twin of the host's bounds before a step,
 * org.coag.core.step.StepLimits (largestRange, seamGuard's widest sigma, replayMassTables).
 * Every quantity is a maximum or a minimum, so the result does not depend on the order of the
 * reduction. status_partial: work group g strides over the masses and writes its five partial
 * results (ints min badSigma, min badRange, min need at partial[3 g ..], doubles max widest, max
 * range^2 at partialD[2 g ..]; INT_MAX: none); status_final (one work group) joins them and
 * writes the status words. Both do nothing when the step was not applied (flags or an untabulated
 * pair), as the serial version did.
 */

/* Folds another item's partial results (ints: minima, doubles: maxima) into this one's. */
COAG_INLINE void status_fold(int *mins, double *maxs, __local const int *li, __local const double *ld, int other) {
    for (int k = 0; k < 3; k++) {
        mins[k] = min(mins[k], li[3 * other + k]);
    }
    for (int k = 0; k < 2; k++) {
        double v = ld[2 * other + k];
        maxs[k] = v > maxs[k] ? v : maxs[k];
    }
}

/* Tree reduction over the work group (any size) in li (3 L ints) and ld (2 L doubles); item 0 ends with the result. */
COAG_INLINE void status_group_reduce(int *mins, double *maxs, __local int *li, __local double *ld) {
    int l = get_local_id(0);
    int n = get_local_size(0);
    for (int stride = 1; stride < n; stride <<= 1) {
        for (int k = 0; k < 3; k++) {
            li[3 * l + k] = mins[k];
        }
        for (int k = 0; k < 2; k++) {
            ld[2 * l + k] = maxs[k];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        if (l % (2 * stride) == 0 && l + stride < n) {
            status_fold(mins, maxs, li, ld, l + stride);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
}

COAG_INLINE bool status_skipped(__global const int *status) {
    return status[ST_FLAGS] != 0 || status[ST_UNTABULATED] != 0;
}

/* Pass 1: partial results of each work group, striding over masses 1..status[ST_LARGEST]. */
__kernel void status_partial(__global const int *status, __global const int *liveByMass, __global const double *sigma,
                             __global const double *range2, const int tableSize, __global int *partial,
                             __global double *partialD, __local int *li, __local double *ld) {
    if (status_skipped(status)) {
        return;
    }
    int largest = status[ST_LARGEST];
    int mins[3] = {INT_MAX, INT_MAX, INT_MAX};
    double maxs[2] = {0, 0};
    for (long m = get_global_id(0) + 1; m <= largest; m += get_global_size(0)) {
        if (liveByMass[m] <= 0) {
            continue;
        }
        if (m > tableSize) {
            mins[2] = min(mins[2], (int) m);
            continue;
        }
        double s = sigma[m - 1];
        if (isnan(s)) {
            mins[0] = min(mins[0], (int) m);
        } else {
            maxs[0] = s > maxs[0] ? s : maxs[0];
        }
        double r2 = range2[m - 1];
        if (isnan(r2)) {
            mins[1] = min(mins[1], (int) m);
        } else {
            maxs[1] = r2 > maxs[1] ? r2 : maxs[1];
        }
    }
    status_group_reduce(mins, maxs, li, ld);
    if (get_local_id(0) == 0) {
        int g = get_group_id(0);
        for (int k = 0; k < 3; k++) {
            partial[3 * g + k] = mins[k];
        }
        for (int k = 0; k < 2; k++) {
            partialD[2 * g + k] = maxs[k];
        }
    }
}

/* Pass 2 (one work group): joins the partial results of `groups` groups into the status words. */
__kernel void status_final(__global int *status, __global double *statusD, __global const int *partial,
                           __global const double *partialD, const int groups, __local int *li, __local double *ld) {
    if (status_skipped(status)) {
        return;
    }
    int mins[3] = {INT_MAX, INT_MAX, INT_MAX};
    double maxs[2] = {0, 0};
    for (int g = get_local_id(0); g < groups; g += get_local_size(0)) {
        for (int k = 0; k < 3; k++) {
            mins[k] = min(mins[k], partial[3 * g + k]);
        }
        for (int k = 0; k < 2; k++) {
            double v = partialD[2 * g + k];
            maxs[k] = v > maxs[k] ? v : maxs[k];
        }
    }
    status_group_reduce(mins, maxs, li, ld);
    if (get_local_id(0) == 0) {
        status[ST_BAD_SIGMA] = mins[0] == INT_MAX ? 0 : mins[0];
        status[ST_BAD_RANGE] = mins[1] == INT_MAX ? 0 : mins[1];
        status[ST_NEED_TABLE] = mins[2] == INT_MAX ? 0 : mins[2];
        statusD[ST_D_WIDEST] = maxs[0];
        statusD[ST_D_RANGE2] = maxs[1];
    }
}
