package org.coag.core.model;

/**
 * The simulation box [-L/2, L/2)^d, centred at the origin.
 *
 * <p>Positions are fixed point (docs/ARCHITECTURE.md contract 1): a coordinate is a signed 64-bit integer u
 * meaning x = u * L / 2^64, so two's-complement wrap-around is the torus and the difference of two
 * coordinates is the exact minimum-image displacement.
 *
 * @param type torus or free space
 * @param side box side L (length units)
 */
public record Domain(Type type, double side) {
    /** Periodic box, or free space realised as a box whose seam no particle may approach. */
    public enum Type {
        /** Periodic boundaries. */
        TORUS,
        /** R^d: the run stops with an error if a particle comes near the seam. */
        FREE
    }

    /** @return length of one fixed-point unit, L / 2^64 */
    public double unit() {
        return side * 0x1p-64;
    }

    /**
     * @param dim d
     * @return the box volume L^d
     */
    public double volume(int dim) {
        return StrictMath.pow(side, dim);
    }

    /**
     * Converts a physical coordinate to fixed point, wrapping it into the box.
     *
     * @param x coordinate (length units)
     * @return the fixed-point coordinate
     */
    public long toFixed(double x) {
        double f = x / side;
        f -= StrictMath.floor(f + 0.5);
        return (long) StrictMath.rint(f * 0x1p64);
    }

    /**
     * @param u fixed-point coordinate
     * @return physical coordinate in [-L/2, L/2)
     */
    public double toPhysical(long u) {
        return u * unit();
    }
}
