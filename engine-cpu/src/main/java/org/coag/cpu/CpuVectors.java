package org.coag.cpu;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.coag.core.model.ModelException;

/**
 * The vector species of the CPU backend, fixed once per JVM: C2 compiles Vector API code to SIMD
 * instructions only when the species is a constant, so it lives in {@code static final} fields.
 *
 * <p>The width comes from the system property {@code coag.vectorBits} (128, 256 or 512), read when
 * this class is first used; without it, the platform's preferred width (512 bits on AVX-512). The
 * lanes are 64-bit: {@link #LANES} particles per vector; ids and masses are loaded as ints with the
 * same lane count ({@link #INTS} has half the bit width).
 */
final class CpuVectors {
    /** Vector width in bits. */
    static final int BITS = chooseBits(System.getProperty("coag.vectorBits"));
    /** 64-bit integer lanes: positions, Philox words. */
    static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, VectorShape.forBitSize(BITS));
    /** Double lanes, as many as {@link #LONGS}. */
    static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, VectorShape.forBitSize(BITS));
    /** Int lanes, as many as {@link #LONGS}: ids, masses, cell indices. */
    static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, VectorShape.forBitSize(BITS / 2));
    /** Particles per vector. */
    static final int LANES = LONGS.length();

    private CpuVectors() {
    }

    static int chooseBits(String property) {
        if (property == null || property.isBlank() || property.equals("0")) {
            int preferred = LongVector.SPECIES_PREFERRED.vectorBitSize();
            return Math.max(128, Math.min(512, preferred));
        }
        try {
            int bits = Integer.parseInt(property.trim());
            if (bits == 128 || bits == 256 || bits == 512) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelException("coag.vectorBits must be 128, 256 or 512, got '" + property + "'");
    }
}
