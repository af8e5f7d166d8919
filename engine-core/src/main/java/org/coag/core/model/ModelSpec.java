package org.coag.core.model;

/**
 * The microscopic model P_N (or P_{N,b}) of docs/model.md, fully resolved: every derived number
 * (eps, dt) is already fixed. Lengths in the units of the box, times in the units in which a
 * particle of mass n has generator d(n) Laplacian.
 *
 * <p>Collision rate of particles of masses n, m at distance r (docs/model.md):
 * <pre>
 *   s      = radii ? r_n + r_m : 1
 *   range  = s * eps^b                        (V is evaluated at y = x / range)
 *   rate   = alpha(n,m) * eps^(-2 + d(1-b)) * s^-2 * (d == 2 ? 1/|log eps| : 1) * V(x / range)
 * </pre>
 *
 * @param dim spatial dimension, 2..4
 * @param mode coagulation or annihilation
 * @param particles N, the number of particles at time 0
 * @param eps the interaction range eps
 * @param b the P_{N,b} exponent in (0, 1]; 1 is P_N
 * @param kernel the kernel V
 * @param alpha interaction strengths alpha(n, m)
 * @param diffusion diffusion rates d(n)
 * @param radii radii r_n, or null for mass-independent range
 * @param domain the box
 * @param initial the initial law
 * @param dt the time step (the macro step of the adaptive scheme)
 * @param stepping the scheme and, for the adaptive one, its resolution and tolerance
 * @param lattice the lattice model (docs/lattice.md), or null for the continuum model; with it,
 *                particles is the slot capacity, alpha the rate per co-located pair, diffusion the
 *                total jump rate d(n), dt the observation step, and eps, b, kernel, radii, domain
 *                and initial's shape do not apply
 * @param fragmentation the fragmentation rule ({@link Fragmentation#NONE} for pure coagulation)
 */
public record ModelSpec(int dim, Mode mode, int particles, double eps, double b, RadialKernel kernel,
                        PairFunction alpha, MassFunction diffusion, MassFunction radii, Domain domain,
                        InitialCondition initial, double dt, Stepping stepping, LatticeSpec lattice,
                        Fragmentation fragmentation) {

    /** The continuum model without fragmentation: {@link #lattice} is null. */
    public ModelSpec(int dim, Mode mode, int particles, double eps, double b, RadialKernel kernel,
                     PairFunction alpha, MassFunction diffusion, MassFunction radii, Domain domain,
                     InitialCondition initial, double dt, Stepping stepping) {
        this(dim, mode, particles, eps, b, kernel, alpha, diffusion, radii, domain, initial, dt, stepping, null,
                Fragmentation.NONE);
    }

    /** @return true for the lattice model of coalescing random walkers ({@link LatticeSpec}) */
    public boolean isLattice() {
        return lattice != null;
    }

    /** @return true when the interaction range depends on the masses (radii r_n are given) */
    public boolean rangeVaries() {
        return radii != null;
    }

    /** @return true in free space (R^d realised as a box whose seam no particle may approach) */
    public boolean freeSpace() {
        return domain.type() == Domain.Type.FREE;
    }

    /** @return the factor eps^(-2 + d(1-b)) * (d == 2 ? 1/|log eps| : 1) common to all pair rates */
    public double rateScale() {
        double scale = StrictMath.pow(eps, -2.0 + dim * (1.0 - b));
        return dim == 2 ? scale / Math.abs(StrictMath.log(eps)) : scale;
    }

    /**
     * @param n mass
     * @param m mass
     * @return s(n, m) = r_n + r_m, or 1 without radii
     */
    public double rangeFactor(int n, int m) {
        return radii == null ? 1.0 : radii.at(n) + radii.at(m);
    }

    /**
     * @param n mass
     * @param m mass
     * @return the length that y = x / length maps to kernel units: s(n,m) * eps^b
     */
    public double rangeUnit(int n, int m) {
        return rangeFactor(n, m) * StrictMath.pow(eps, b);
    }

    /**
     * @param n mass
     * @param m mass
     * @return the interaction distance: kernel support * s(n,m) * eps^b
     */
    public double interactionRange(int n, int m) {
        return kernel.support() * rangeUnit(n, m);
    }

    /**
     * @param n mass
     * @param m mass
     * @return rate / V(y): alpha(n,m) * rateScale() / s(n,m)^2
     */
    public double ratePrefactor(int n, int m) {
        double s = rangeFactor(n, m);
        return alpha.at(n, m) * rateScale() / (s * s);
    }

    /**
     * Macroscopic density at time 0 in the units of the PDE (1.2): eps^(d-2) N / |L| for d >= 3,
     * N / (|log eps| |L|) for d = 2.
     *
     * @return f(0)
     */
    public double initialDensity() {
        double v = domain.volume(dim);
        if (dim == 2) {
            return particles / Math.abs(StrictMath.log(eps)) / v;
        }
        return StrictMath.pow(eps, dim - 2) * particles / v;
    }

    /** @return the volume fraction phi = N |B_range| / |L| of the mass-1 interaction balls */
    public double volumeFraction() {
        double r = interactionRange(1, 1);
        return particles * RadialKernel.unitBallVolume(dim) * StrictMath.pow(r, dim) / domain.volume(dim);
    }

    /**
     * The collisions expected in the first step (the first macro step of the adaptive scheme) in
     * the naive mean field: N^2 / (2 |occupied volume|) times the integral of the mass-1 pair rate
     * over space, times dt. It sets the scale of the adaptive tolerance ({@link Stepping}).
     *
     * @return the expected events of step 1
     */
    public double expectedEventsFirstStep() {
        double unit = rangeUnit(1, 1);
        double pairRateIntegral = ratePrefactor(1, 1) * Math.pow(unit, dim) * kernel.integral(dim);
        double n = particles;
        return n * n / (2 * initial.occupiedVolume(dim, domain)) * pairRateIntegral * dt;
    }
}
