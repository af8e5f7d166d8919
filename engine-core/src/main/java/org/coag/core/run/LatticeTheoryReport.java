package org.coag.core.run;

import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.coag.core.model.LatticeSpec;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.ReachableMasses;
import org.coag.core.theory.lattice.KingmanCoalescent;
import org.coag.core.theory.lattice.LatticeRecipe;
import org.coag.core.theory.lattice.TorusKingman;

/**
 * The lattice theory's predictions in a lattice run's {@code summary.json} (docs/lattice.md, "Outputs"):
 * on the torus T_L^d with d &gt;= 3, one jump rate for every walker and one coalescence rate kappa for
 * every pair (or coalescence on arrival), the lattice recipe's beta, the naive kappa, the survivor fraction
 * that the constant-kernel ODE predicts at the run's final time from its start density (with beta, and
 * with the naive kappa or, for coalescence on arrival, the no-depletion arrival rate beside it) and, up to
 * {@link #KINGMAN_SITES} sites, the Kingman pair rate 1 / E_pi T from the exact mean meeting time (its
 * spectral sum). Every number comes from {@code org.coag.core.theory.lattice}; this class only
 * decides whether the theory applies and names the fields. Other lattice runs get
 * {@code lattice_theory_note} saying why there is no prediction.
 */
public final class LatticeTheoryReport {
    /**
     * Largest torus (sites) whose exact Kingman pair rate a report computes: by the spectral sum (TorusMeeting),
     * a few milliseconds per million sites; the linear system's conjugate gradients would take seconds from
     * about 10^4 sites on.
     */
    static final long KINGMAN_SITES = 1L << 22;

    private LatticeTheoryReport() {
    }

    /**
     * @param m the summary being built; the fields are added to it
     * @param s a lattice model
     * @param initialWalkers the walkers at time 0
     * @param time the run's final time, in the walkers' units
     */
    static void add(Map<String, Object> m, ModelSpec s, long initialWalkers, double time) {
        String why = whyNot(s);
        if (why != null) {
            m.put("lattice_theory_note", "no lattice theory prediction: " + why);
            return;
        }
        LatticeSpec lattice = s.lattice();
        double kappa = lattice.instantaneous() ? Double.POSITIVE_INFINITY : s.alpha().at(1, 1);
        double jumpRate = s.diffusion().at(1);
        boolean annihilation = s.mode() == Mode.ANNIHILATION;
        double beta = LatticeRecipe.rate(s.dim(), kappa, jumpRate, jumpRate);
        double startDensity = (double) initialWalkers / lattice.sites(s.dim());
        m.put("lattice_beta", beta);
        if (lattice.instantaneous()) {
            double arrival = LatticeRecipe.noDepletionArrivalRate(2 * jumpRate);
            m.put("lattice_survivor_fraction_no_depletion",
                    LatticeRecipe.meanFieldDensity(startDensity, arrival, time, annihilation) / startDensity);
        } else {
            double naive = LatticeRecipe.naive(kappa);
            m.put("lattice_kappa", naive);
            m.put("lattice_survivor_fraction_naive",
                    LatticeRecipe.meanFieldDensity(startDensity, naive, time, annihilation) / startDensity);
        }
        m.put("lattice_survivor_fraction_predicted",
                LatticeRecipe.meanFieldDensity(startDensity, beta, time, annihilation) / startDensity);
        if (lattice.sites(s.dim()) <= KINGMAN_SITES) {
            TorusKingman kingman = TorusKingman.of(s.dim(), lattice.side(), jumpRate, kappa);
            KingmanCoalescent coalescent = new KingmanCoalescent(1 / kingman.meeting().spectralFromStationary());
            m.put("lattice_kingman_pair_rate", coalescent.pairRate());
            if (!annihilation && initialWalkers >= 1 && initialWalkers <= KingmanCoalescent.MAX_BLOCKS) {
                m.put("lattice_kingman_mean_walkers", coalescent.meanBlocks((int) initialWalkers, time));
            }
        }
    }

    /**
     * @param s a lattice model
     * @return why the theory does not apply to it, or null when it does
     */
    public static String whyNot(ModelSpec s) {
        if (s.lattice().boundary() != LatticeSpec.Boundary.TORUS) {
            return "it is for the torus (boundary = \"torus\")";
        }
        if (s.dim() < 3) {
            return "the lattice recipe needs d >= 3 (the walk is recurrent in d = " + s.dim() + ")";
        }
        int[] masses = ReachableMasses.of(s).upTo(Integer.MAX_VALUE);
        if (!constantOver(masses, n -> s.diffusion().at(n))) {
            return "it needs one jump rate d(n) for every mass the run can reach";
        }
        if (!s.lattice().instantaneous() && !constantOver(masses, n -> {
            double first = s.alpha().at(n, 1);
            for (int k : masses) {
                if (s.alpha().at(n, k) != first) {
                    return Double.NaN;
                }
            }
            return first;
        })) {
            return "it needs one coalescence rate alpha(n, m) for every pair of masses the run can reach";
        }
        return null;
    }

    private static boolean constantOver(int[] masses, IntToDoubleFunction f) {
        try {
            double first = f.applyAsDouble(masses[0]);
            for (int n : masses) {
                if (!(f.applyAsDouble(n) == first)) {
                    return false;
                }
            }
            return true;
        } catch (ModelException e) {
            return false;
        }
    }
}
