package org.coag.core.rng;

/**
 * The Philox4x32-10 key of a run: two 32-bit words, the only thing the run seed contributes to a
 * draw. Layout: {@code k0} = bits 0..31 of the seed, {@code k1} = bits 32..63 (as signed Java ints;
 * OpenCL reads them as {@code uint}). Made from the seed in one place, {@link CounterRng#key(long)},
 * and used by every backend that computes Philox blocks itself (the vector normals, the OpenCL
 * move and firing kernels).
 *
 * @param k0 key word 0, the seed's low 32 bits
 * @param k1 key word 1, the seed's high 32 bits
 */
public record PhiloxKey(int k0, int k1) {
}
