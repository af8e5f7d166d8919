package org.coag.core.model;

/**
 * The initial law of (x_i, m_i): i.i.d. with density proportional to rho(x) * w(n), a spatial
 * profile times a mass distribution (docs/model.md, h_n(x) = Z w(n) rho(x)).
 *
 * @param shape spatial profile
 * @param center centre of the profile (length units, d entries)
 * @param size ball radius, box half-width or Gaussian standard deviation (length units; unused for uniform)
 * @param truncation Gaussian truncation radius (length units; unused otherwise)
 * @param massWeights massWeights[n-1] is the relative weight of mass n (not necessarily normalised)
 */
public record InitialCondition(Shape shape, double[] center, double size, double truncation, double[] massWeights) {
    /** Spatial profiles. */
    public enum Shape {
        /** Uniform over the whole box. */
        UNIFORM,
        /** Uniform in a ball of radius {@code size}. */
        BALL,
        /** Uniform in the cube of half-width {@code size}. */
        BOX,
        /** Gaussian of standard deviation {@code size}, truncated at radius {@code truncation}. */
        GAUSSIAN
    }

    /** @return the largest |x_k - center_k| of the support in any one coordinate */
    public double extent() {
        switch (shape) {
            case BALL:
            case BOX:
                return size;
            case GAUSSIAN:
                return truncation;
            default:
                return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * The volume the particles start in, for spacings and mean-field rates: the box for a uniform
     * start, else the ball of radius {@link #extent} (as the adaptive macro step has always taken it).
     *
     * @param dim dimension
     * @param domain the box
     * @return the volume
     */
    public double occupiedVolume(int dim, Domain domain) {
        return shape == Shape.UNIFORM ? domain.volume(dim) : RadialKernel.unitBallVolume(dim) * StrictMath.pow(extent(), dim);
    }

    /** @return the largest initial mass with positive weight */
    public int maxMass() {
        int n = 0;
        for (int i = 0; i < massWeights.length; i++) {
            if (massWeights[i] > 0) {
                n = i + 1;
            }
        }
        return n;
    }
}
