package org.coag.core.model;

import org.coag.core.backend.ParticleState;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.FdLibm;
import org.coag.core.rng.Purpose;

/**
 * The initial walkers of a lattice run ({@link LatticeSpec.Start}), from Philox: the occupation of
 * site i from the block (LATTICE_INIT, step 0, a = i, b = 0), u0 (Bernoulli: occupied when u0 &lt; p;
 * Poisson: the smallest k with F(k) &gt; u0, F the Poisson(lambda) distribution function summed in
 * order with the engine's own exp). Walkers get ids 0, 1, 2, ... in increasing site index (and on
 * one site consecutively), and the mass of id i is drawn exactly as in the continuum model
 * ({@link InitialStates}: INIT_MASS, a = i), so the start depends only on (spec, seed).
 */
final class LatticeStarts {
    /** The largest Poisson mean per site (exp(-lambda) stays far from underflow). */
    static final double MAX_POISSON_MEAN = 100;

    private LatticeStarts() {
    }

    static ParticleState generate(ModelSpec spec, long seed) {
        LatticeSpec lattice = spec.lattice();
        int dim = spec.dim();
        ParticleState s = new ParticleState(dim, spec.particles());
        CounterRng rng = new CounterRng(seed);
        double[] cumulative = InitialStates.cumulative(spec.initial().massWeights());
        long sites = lattice.sites(dim);
        int count = 0;
        if (lattice.start() == LatticeSpec.Start.ONE_SITE) {
            long centre = 0;
            for (int k = dim - 1; k >= 0; k--) {
                centre = centre * lattice.side() + lattice.side() / 2;
            }
            for (int i = 0; i < lattice.startCount(); i++) {
                count = place(s, count, centre, lattice.side(), rng, cumulative);
            }
        } else {
            for (long site = 0; site < sites; site++) {
                int walkers = occupation(lattice, rng, site);
                for (int j = 0; j < walkers; j++) {
                    if (count == s.capacity()) {
                        throw new ModelException("initial: the Poisson start drew more than " + s.capacity()
                                + " walkers (about 1e-30 likely); change run.seed");
                    }
                    count = place(s, count, site, lattice.side(), rng, cumulative);
                }
            }
        }
        s.setCount(count);
        return s;
    }

    private static int occupation(LatticeSpec lattice, CounterRng rng, long site) {
        switch (lattice.start()) {
            case ONE_PER_SITE:
                return 1;
            case BERNOULLI:
                rng.block(Purpose.LATTICE_INIT, 0, (int) site, 0);
                return rng.uniform0() < lattice.occupation() ? 1 : 0;
            default:
                rng.block(Purpose.LATTICE_INIT, 0, (int) site, 0);
                return poissonInverse(lattice.occupation(), rng.uniform0());
        }
    }

    /**
     * @param mean lambda
     * @param u a uniform in (0, 1)
     * @return the smallest k with P(X &lt;= k) &gt; u for X ~ Poisson(lambda)
     */
    static int poissonInverse(double mean, double u) {
        double term = FdLibm.exp(-mean);
        double sum = term;
        int k = 0;
        while (sum <= u && k < 10_000) {
            k++;
            term *= mean / k;
            sum += term;
        }
        return k;
    }

    private static int place(ParticleState s, int slot, long site, int side, CounterRng rng, double[] cumulative) {
        s.ids()[slot] = slot;
        s.masses()[slot] = InitialStates.drawMass(rng, slot, cumulative);
        long rest = site;
        for (int k = 0; k < s.dim(); k++) {
            s.positions()[k][slot] = rest % side;
            rest /= side;
        }
        return slot + 1;
    }
}
