package org.coag.core.theory;

import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.coag.core.model.Mode;
import org.coag.core.model.ModelException;

/**
 * The Smoluchowski coagulation-diffusion PDE (1.2) on masses 1..M:
 * <pre>
 *   df_n/dt = d(n) Lap f_n + 1/2 sum_{m&lt;n} K(m, n-m) f_m f_(n-m) - f_n sum_{m&lt;=M} K(n,m) f_m
 * </pre>
 * by Strang splitting: half a reaction step ({@link ReactionStep}, explicit), a full diffusion step
 * ({@link PdeGeometry#diffuse}, exact or Crank-Nicolson, stable for any d(n) dt / dx^2), half a
 * reaction step; the two half steps between consecutive steps are merged. Second order in time.
 * Masses beyond M leave into the field {@code lost} (mass density), so
 * sum_n n integral(f_n) + integral(lost) is conserved up to rounding under coagulation.
 * Reaction runs in parallel over blocks of cells, diffusion in parallel over masses (common
 * fork-join pool).
 */
public final class SmoluchowskiPde {
    private final PdeGeometry geometry;
    private final double[] diffusion;
    private final int maxMass;
    private final ReactionStep reaction;

    /** Receives the solution at each output time. */
    @FunctionalInterface
    public interface Output {
        /**
         * @param t the time
         * @param fields f[n-1][cell] for n = 1..M, then the lost mass density f[M][cell]; do not modify
         * @param totals the integrals of the fields, same order
         */
        void at(double t, double[][] fields, double[] totals);
    }

    /**
     * @param geometry cells and diffusion
     * @param diffusion d(n) for n = 1..M (index n-1)
     * @param kernel K
     * @param maxMass M
     * @param mode coagulation or annihilation
     */
    public SmoluchowskiPde(PdeGeometry geometry, double[] diffusion, CoagulationKernel kernel, int maxMass, Mode mode) {
        if (diffusion.length < maxMass) {
            throw new ModelException("theory: need d(n) for every mass up to " + maxMass);
        }
        this.geometry = geometry;
        this.diffusion = diffusion.clone();
        this.maxMass = maxMass;
        this.reaction = new ReactionStep(kernel, maxMass, mode);
    }

    /**
     * @param initial f_n(x, 0): initial[n-1][cell] for n = 1..M (fewer rows: zero); copied
     * @param times increasing output times &gt;= 0
     * @param dt the largest time step (each interval between outputs is split into equal steps)
     * @param output called at each output time (may be null)
     * @param progress receives the time reached after each step (may be null)
     * @return the integrals of the fields at the last output time
     */
    public double[] run(double[][] initial, double[] times, double dt, Output output, DoubleConsumer progress) {
        if (!(dt > 0)) {
            throw new ModelException("theory.dt must be positive (got " + dt + ")");
        }
        int cells = geometry.cells();
        double[][] f = new double[maxMass + 1][cells];
        for (int n = 0; n < Math.min(initial.length, maxMass); n++) {
            System.arraycopy(initial[n], 0, f[n], 0, cells);
        }
        double t = 0;
        double[] totals = totals(f);
        for (double target : times) {
            if (target > t) {
                int steps = (int) Math.ceil((target - t) / dt * (1 - 1e-12));
                double h = (target - t) / steps;
                react(f, 0.5 * h);
                for (int s = 0; s < steps; s++) {
                    diffuse(f, h);
                    react(f, s + 1 < steps ? h : 0.5 * h);
                    if (progress != null) {
                        progress.accept(t + (s + 1) * h);
                    }
                }
                t = target;
            }
            totals = totals(f);
            if (output != null) {
                output.at(t, f, totals);
            }
        }
        return totals;
    }

    /**
     * @param fields fields as passed to {@link Output}
     * @return integral of each field
     */
    public double[] totals(double[][] fields) {
        double[] s = new double[fields.length];
        for (int n = 0; n < fields.length; n++) {
            double sum = 0;
            for (int c = 0; c < fields[n].length; c++) {
                sum += geometry.cellVolume(c) * fields[n][c];
            }
            s[n] = sum;
        }
        return s;
    }

    /**
     * @param totals integrals as returned by {@link #totals}
     * @return sum_n n integral(f_n) + integral(lost)
     */
    public static double mass(double[] totals) {
        int mm = totals.length - 1;
        double s = totals[mm];
        for (int n = 1; n <= mm; n++) {
            s += n * totals[n - 1];
        }
        return s;
    }

    private void react(double[][] f, double h) {
        int blocks = (geometry.cells() + ReactionStep.BLOCK - 1) / ReactionStep.BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * ReactionStep.BLOCK;
            reaction.advance(f, from, Math.min(geometry.cells(), from + ReactionStep.BLOCK), h);
        });
    }

    private void diffuse(double[][] f, double h) {
        IntStream.range(0, maxMass).parallel().forEach(n -> geometry.diffuse(f[n], diffusion[n], h));
    }
}
