package org.coag.core.config;

/**
 * The {@code [study]} table of {@code coag study} (docs/studies.md).
 *
 * @param particles the values of N to sweep (default: the config's N)
 * @param seeds seeds per N: run.seed, run.seed + 1, ... (each (N, seed) is one run file, so a study
 *              extends by adding seeds or N without rerunning what exists)
 * @param observations observation times, equally spaced on (0, t_end]
 * @param backend backend name, or "auto" (cpu when installed, else reference)
 * @param propensityMasses masses 1..K of the collision-propensity matrix
 * @param pairBins pair-correlation bins on [0, pairMax)
 * @param pairMax pair-correlation range, in units of the mass-1 interaction unit s(1,1) eps^b
 * @param pairAfter the pair correlation pools the observations at t >= pairAfter (s(1,1) eps^b)^2
 *                  (Claim 3.11 holds for t &gt;&gt; eps^2; the approach to it is slow, about
 *                  1 / sqrt(D t / eps^2) in d = 3)
 * @param sides a lattice study's values of the side L (docs/lattice.md, "Studies over the side L"); empty in a
 *              continuum study
 */
public record StudySettings(long[] particles, int seeds, int observations, String backend, int propensityMasses,
                            int pairBins, double pairMax, double pairAfter, int[] sides) {
}
