package org.coag.core.model;

/**
 * The lattice model of docs/lattice.md (the survey's section 2.2, coalescing random walkers): the
 * box {0, ..., L-1}^d of Z^d, with a torus or a reflecting boundary, walkers with integer masses
 * that perform continuous-time simple random walks (a walker of mass n jumps at total rate d(n),
 * {@code model.diffusion}, to one of its 2d neighbours chosen uniformly), and pairs on the same
 * site that coalesce at rate alpha(n, m) ({@code model.alpha}) or on arrival.
 *
 * <p>Positions in a {@link org.coag.core.backend.ParticleState} of a lattice run are the integer site
 * coordinates 0..L-1 (not the continuum's fixed point). Site index: x_0 + L x_1 + L^2 x_2 + ...
 *
 * @param side L, sites per axis (>= 1)
 * @param boundary torus (T_L^d) or reflecting (a jump out of the box is suppressed)
 * @param instantaneous true when walkers coalesce on arrival (no pair clock)
 * @param start the initial occupation
 * @param occupation Bernoulli probability p or Poisson mean lambda per site (unused otherwise)
 * @param startCount number of walkers for {@link Start#ONE_SITE} (unused otherwise)
 */
public record LatticeSpec(int side, Boundary boundary, boolean instantaneous, Start start, double occupation, int startCount) {
    /** What happens at the edge of the box. */
    public enum Boundary {
        /** Periodic: the discrete torus T_L^d = Z^d / L Z^d. */
        TORUS,
        /** A jump that would leave the box is suppressed (the walker stays; its clock runs on). */
        REFLECTING
    }

    /** Initial occupations (survey section 2.2). */
    public enum Start {
        /** One walker on every site. */
        ONE_PER_SITE,
        /** Each site independently holds one walker with probability p. */
        BERNOULLI,
        /** Each site independently holds Poisson(lambda) walkers. */
        POISSON,
        /** n walkers, all on the central site (L/2, ..., L/2) (survey section 2.2.1). */
        ONE_SITE
    }

    /**
     * @param dim d
     * @return L^d, the number of sites
     */
    public long sites(int dim) {
        long s = 1;
        for (int k = 0; k < dim; k++) {
            s *= side;
        }
        return s;
    }

    /**
     * The slots a run needs: the number of walkers for a fixed start, the number of sites for a
     * Bernoulli start, and for a Poisson start lambda L^d + 12 sqrt(lambda L^d) + 64 (a total beyond
     * it has probability below 1e-30; the start then stops with an error rather than truncate).
     *
     * @param dim d
     * @return the capacity (model.particles of a lattice run; ids lie below it)
     */
    public long capacity(int dim) {
        switch (start) {
            case ONE_SITE:
                return startCount;
            case POISSON:
                double mean = occupation * sites(dim);
                return (long) Math.ceil(mean + 12 * Math.sqrt(mean) + 64);
            default:
                return sites(dim);
        }
    }
}
