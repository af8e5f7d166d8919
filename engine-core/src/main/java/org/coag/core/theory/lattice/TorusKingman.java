package org.coag.core.theory.lattice;

import org.coag.core.model.ModelException;

/**
 * The Kingman regime of coalescing walkers on T_L^d (Cox 1989, d &gt;= 3): at times of order L^d a
 * handful of walkers mix over the torus between meetings, so each pair coalesces at the rate
 * lambda_L = 1 / E_pi T, E_pi T the mean coalescence time of two walkers from a uniform start
 * ({@link TorusMeeting}), and the walker count follows {@link KingmanCoalescent} with that pair rate.
 *
 * <p><b>Conventions.</b> Every walker jumps at the same rate (1 in the survey; a mass-dependent rate
 * breaks the exchangeability Kingman needs), to each neighbour at rate / (2d); kappa per co-located pair.
 * The offset of a pair then jumps at D = 2 * rate, and for large L
 * E_pi T = L^d (G_d / D + 1 / kappa) = L^d / beta, so lambda_L = beta / L^d with beta the
 * {@link LatticeRecipe} rate: in real time the count at t is Kingman's at lambda_L t. For rate-1 walkers
 * and kappa = infinity, Kingman's unit-rate coalescent is the count at real time L^d G_d t / 2
 * (the survey's 2 N^d t / G has the factor 2 / G inverted). Exact values: the linear system up to
 * {@link #LINEAR_LIMIT} sites, the spectral sum (equal to it to 1e-14 where both run) above.
 */
public final class TorusKingman {
    /** Largest torus (in sites) whose exact meeting time comes from the linear system. */
    public static final long LINEAR_LIMIT = 1 << 15;

    private final int dim;
    private final double jumpRate;
    private final double kappa;
    private final TorusMeeting meeting;
    private double exact = Double.NaN;

    private TorusKingman(int dim, int side, double jumpRate, double kappa) {
        this.dim = dim;
        this.jumpRate = jumpRate;
        this.kappa = kappa;
        this.meeting = TorusMeeting.of(dim, side, 2 * jumpRate, kappa);
    }

    /**
     * @param dim d, 1 to {@link LatticeGreen#MAX_DIM} (the asymptotic values need d &gt;= 3)
     * @param side L &gt;= 1
     * @param jumpRate every walker's jump rate, &gt; 0 (1 in the survey's convention)
     * @param kappa the coalescence rate of a co-located pair, &gt; 0, or infinity
     * @return the Kingman regime of that torus
     */
    public static TorusKingman of(int dim, int side, double jumpRate, double kappa) {
        if (!(jumpRate > 0) || Double.isInfinite(jumpRate)) {
            throw new ModelException("the walkers' jump rate must be positive and finite, got " + jumpRate);
        }
        return new TorusKingman(dim, side, jumpRate, kappa);
    }

    /** @return the pair's meeting problem (offset walk of rate 2 * jump rate) */
    public TorusMeeting meeting() {
        return meeting;
    }

    /** @return how {@link #exactMeetingTime} is computed: "linear system" or "spectral sum" */
    public String exactRoute() {
        return meeting.sites() <= LINEAR_LIMIT ? "linear system" : "spectral sum";
    }

    /** @return E_pi T, the exact mean coalescence time of two walkers from a uniform start */
    public synchronized double exactMeetingTime() {
        if (Double.isNaN(exact)) {
            exact = meeting.sites() <= LINEAR_LIMIT ? meeting.fromStationary() : meeting.spectralFromStationary();
        }
        return exact;
    }

    /** @return L^d / beta = L^d (G_d / (2 rate) + 1 / kappa), d &gt;= 3 */
    public double asymptoticMeetingTime() {
        return meeting.sites() / LatticeRecipe.rate(dim, kappa, 2 * jumpRate);
    }

    /** @return lambda_L = 1 / {@link #exactMeetingTime} */
    public double exactPairRate() {
        return 1 / exactMeetingTime();
    }

    /** @return beta / L^d, d &gt;= 3 */
    public double asymptoticPairRate() {
        return 1 / asymptoticMeetingTime();
    }

    /**
     * @param exactRate true for lambda_L from the exact meeting time, false for the asymptotic one
     * @return Kingman's coalescent with that pair rate (time in the walkers' units)
     */
    public KingmanCoalescent coalescent(boolean exactRate) {
        return new KingmanCoalescent(exactRate ? exactPairRate() : asymptoticPairRate());
    }

    /**
     * @param walkers n, the walkers at a uniform independent start
     * @param exactRate which lambda_L (see {@link #coalescent})
     * @return the predicted mean time to one walker, 2 (1 - 1/n) / lambda_L
     */
    public double meanTimeToOne(int walkers, boolean exactRate) {
        return coalescent(exactRate).meanTimeToOne(walkers);
    }

    /**
     * @param walkers n, 1 to {@link KingmanCoalescent#MAX_BLOCKS}
     * @param t time in the walkers' units
     * @param exactRate which lambda_L
     * @return p[k] = predicted P(k walkers at t), k = 0..n
     */
    public double[] blockCountLaw(int walkers, double t, boolean exactRate) {
        return coalescent(exactRate).blockCountLaw(walkers, t);
    }
}
