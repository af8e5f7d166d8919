/*
 * The move of one step, twin of org.coag.core.step.MoveParameters.moveAll (sigma from
 * MoveParameters.sigmaFixed, the increment as MoveParameters.increment): particle i adds rint(sigma(m_i) z_k) to
 * coordinate k, z from Philox blocks (MOVE, step, id, j), normals 2j and 2j+1 per block. One work
 * item per particle; positions are SoA (coordinate k of slot i at pos[k * capacity + i], a 64-bit index) so
 * neighbouring work items touch neighbouring words. Fixed-point addition wraps (the torus).
 * PURPOSE_MOVE comes from org.coag.core.rng.Purpose (prelude of org.coag.gpu.OpenClConstants).
 */

/* Moves live particle i (twin of MoveParameters.moveAll for one particle). */
COAG_INLINE void move_one(__global long *pos, __global const int *ids, __global const int *masses,
                          __global const double *sigma, int i, int capacity, ulong step, uint k0, uint k1) {
    double s = sigma[masses[i] - 1];
    uint id = (uint) ids[i];
    #pragma unroll
    for (int j = 0; 2 * j < COAG_DIM; j++) {
        uint w0, w1, w2, w3;
        coag_block_words(PURPOSE_MOVE, step, id, (uint) j, k0, k1, &w0, &w1, &w2, &w3);
        #pragma unroll
        for (int h = 0; h < 2 && 2 * j + h < COAG_DIM; h++) {
            double z = h == 0 ? as241(u01(w0, w1)) : as241(u01(w2, w3));
            long inc = convert_long_sat(rint(s * z));
            int k = 2 * j + h;
            pos[(long) k * capacity + i] = as_long(as_ulong(pos[(long) k * capacity + i]) + as_ulong(inc));
        }
    }
}

__kernel void move(__global long *pos, __global const int *ids, __global const int *masses,
                   __global const double *sigma, const int count, const int capacity,
                   const ulong step, const uint k0, const uint k1) {
    int i = get_global_id(0);
    if (i >= count || masses[i] == 0) {
        return;
    }
    move_one(pos, ids, masses, sigma, i, capacity, step, k0, k1);
}

/* Free space: offender = min(offender, id of live particle i) when one of its |x_k| >= limit. */
COAG_INLINE void seam_one(__global const long *pos, __global const int *ids, __global int *offender, int i, int capacity,
                          int dim, double unit, double limit) {
    for (int k = 0; k < dim; k++) {
        if (fabs((double) pos[(long) k * capacity + i] * unit) >= limit) {
            atomic_min(offender, ids[i]);
            return;
        }
    }
}

/* Free space: the lowest id of a live particle with |x_k| >= limit; twin of org.coag.core.step.StepLimits.checkSeam. */
__kernel void seam_check(__global const long *pos, __global const int *ids, __global const int *masses,
                         __global int *offender, const int count, const int capacity, const int dim,
                         const double unit, const double limit) {
    int i = get_global_id(0);
    if (i >= count || masses[i] == 0) {
        return;
    }
    seam_one(pos, ids, offender, i, capacity, dim, unit, limit);
}
