package org.coag.core.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.MoveParameters;

/**
 * Image counts of the particles on the torus, followed from the wrapped states a run reads back, so
 * that snapshots can give unwrapped positions ({@code x + image L}) on every backend and scheme
 * without a counter in any move.
 *
 * <p>A coordinate is a 64-bit fixed-point integer whose wrap-around is the torus; between two tracked
 * states a particle's displacement is taken as the minimum image of the difference (the signed 64-bit
 * difference), and the image count changes by one when the add of that displacement wraps. That is
 * exact when the true displacement is below L/2 = 2^63 units. The tracker reads states often enough
 * for this to be proven rather than hoped for:
 * <ul>
 *   <li><b>Fixed scheme.</b> A step adds {@code rint(sigma(m) z)} per coordinate, sigma(m) =
 *       sqrt(2 d(m) dt) / unit, with |z| at most {@link #Z_BOUND} (inversion of a uniform that is at
 *       least 2^-53 from 0 and 1). A particle's move over k steps is at most k (Z sigma + 1/2); the
 *       next state is read after k = floor(L/8 / (Z sigma_max + 1)) steps, sigma_max over the live
 *       masses, a margin of 4 for masses whose d grows as they merge.</li>
 *   <li><b>Adaptive scheme.</b> Every macro step. A path over a macro step is an end draw
 *       (sigma = sqrt(2 d dt)) and Levy midpoints at levels 1, 2, ... (sigma sqrt(d dt / 2^l)); a
 *       merge redraws the rest from a node, so a path that merged g times in the step moves at most
 *       (1 + g)(sqrt 2 + 1/(sqrt 2 - 1)) Z sqrt(d dt) / unit plus one unit per level.</li>
 * </ul>
 * Each interval is checked afterwards, per particle, against its bound with d taken over every mass
 * the particle can have had (from its mass at the last read to its mass now, at most that many
 * merges); a particle whose bound reaches L/2 is counted in {@link #unproven()} (0 in every
 * configuration the tests run). New particles (an id not seen before) start with image 0.
 */
public final class ImageTracker {
    /** A bound on |z| for the engine's normals: |inverseCdf(u)| for u in [2^-53, 1 - 2^-53] (8.2). */
    public static final double Z_BOUND = 9.0;
    private static final double HALF_BOX = 0x1p63;
    private static final double EIGHTH_BOX = 0x1p61;
    private static final double ADAPTIVE_PATH = Math.sqrt(2) + 1 / (Math.sqrt(2) - 1);

    private final ModelSpec spec;
    private final MoveParameters sigma;
    private final boolean adaptive;
    private final int dim;
    private long[][] last = new long[0][];
    private int[][] image = new int[0][];
    private int[] mass = new int[0];
    private long lastStep = -1;
    private long cadence = 1;
    private double largestMove;
    private long unproven;

    /**
     * @param spec the model (a torus; free space has no images)
     */
    public ImageTracker(ModelSpec spec) {
        this.spec = spec;
        this.sigma = new MoveParameters(spec);
        this.adaptive = spec.stepping().adaptive();
        this.dim = spec.dim();
        last = new long[dim][0];
        image = new int[dim][0];
    }

    /**
     * @param step the last step taken (-1 before the run)
     * @return the next step at which the tracker must read the state
     */
    public long nextStep(long step) {
        if (lastStep < 0) {
            return Math.max(0, step + 1);
        }
        return Math.max(step + 1, lastStep + cadence);
    }

    /**
     * Follows the particles to this state (a step after the last one read, or the same step).
     *
     * @param step the state's step
     * @param state the live particles
     */
    public void update(long step, ParticleState state) {
        if (step == lastStep) {
            return;
        }
        long steps = lastStep < 0 ? 0 : step - lastStep;
        int[] ids = state.ids();
        int[] masses = state.masses();
        long[][] pos = state.positions();
        int[] seen = mass;
        mass = new int[grow(state)];
        double sigmaMax = 0;
        for (int i = 0; i < state.count(); i++) {
            int id = ids[i];
            boolean known = lastStep >= 0 && id < seen.length && seen[id] > 0;
            double largest = 0;
            for (int k = 0; k < dim; k++) {
                long now = pos[k][i];
                if (known) {
                    long before = last[k][id];
                    long delta = now - before;
                    if (delta > 0 && now < before) {
                        image[k][id]++;
                    } else if (delta < 0 && now > before) {
                        image[k][id]--;
                    }
                    largest = Math.max(largest, Math.abs((double) delta));
                } else {
                    image[k][id] = 0;
                }
                last[k][id] = now;
            }
            if (known) {
                largestMove = Math.max(largestMove, largest / 0x1p64);
                if (bound(steps, seen[id], masses[i]) >= HALF_BOX) {
                    unproven++;
                }
            }
            mass[id] = masses[i];
            sigmaMax = Math.max(sigmaMax, sigma.sigmaFixed(masses[i]));
        }
        lastStep = step;
        cadence = adaptive ? 1 : Math.max(1, (long) Math.floor(EIGHTH_BOX / (Z_BOUND * sigmaMax + 1)));
    }

    private double bound(long steps, int from, int to) {
        int lo = Math.min(from, to);
        int hi = Math.max(from, to);
        double widest = 0;
        for (int m = lo; m <= hi; m++) {
            widest = Math.max(widest, sigma.sigmaFixed(m));
        }
        if (adaptive) {
            long merges = hi - lo;
            return steps * (1 + merges) * (ADAPTIVE_PATH * Z_BOUND * widest / Math.sqrt(2) + spec.stepping().levels() + 2);
        }
        return steps * (Z_BOUND * widest + 0.5);
    }

    private int grow(ParticleState state) {
        int need = 0;
        for (int i = 0; i < state.count(); i++) {
            need = Math.max(need, state.ids()[i] + 1);
        }
        ensureIds(need);
        return last[0].length;
    }

    /** Grows the per-id arrays (mass, last position, image) to hold ids below {@code need}, at least doubling. */
    private void ensureIds(int need) {
        if (need <= last[0].length) {
            return;
        }
        int size = Math.max(need, 2 * last[0].length);
        mass = Arrays.copyOf(mass, size);
        for (int k = 0; k < dim; k++) {
            last[k] = Arrays.copyOf(last[k], size);
            image[k] = Arrays.copyOf(image[k], size);
        }
    }

    /**
     * @param ids particle ids, each read by the last {@link #update}
     * @param count how many
     * @return their image counts, {@code [i][k]} for particle {@code ids[i]} on axis k
     */
    public int[][] images(int[] ids, int count) {
        int[][] out = new int[count][dim];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < dim; k++) {
                out[i][k] = image[k][ids[i]];
            }
        }
        return out;
    }

    /** @return the largest displacement on one axis between two reads, in units of L (below 1/2) */
    public double largestMove() {
        return largestMove;
    }

    /** @return particle intervals whose proven bound reached L/2 (their images rest on the minimum image alone) */
    public long unproven() {
        return unproven;
    }

    /** @return the steps between two reads now */
    public long cadence() {
        return cadence;
    }

    /**
     * Writes the tracker's state: last step, cadence, largest move, unproven count, then per id with
     * a mass (> 0): id, mass, d coordinates, d images.
     *
     * @param out the checkpoint section
     * @throws IOException on failure
     */
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(lastStep);
        out.writeLong(cadence);
        out.writeDouble(largestMove);
        out.writeLong(unproven);
        int live = 0;
        for (int m : mass) {
            live += m > 0 ? 1 : 0;
        }
        out.writeInt(live);
        for (int id = 0; id < mass.length; id++) {
            if (mass[id] > 0) {
                out.writeInt(id);
                out.writeInt(mass[id]);
                for (int k = 0; k < dim; k++) {
                    out.writeLong(last[k][id]);
                    out.writeInt(image[k][id]);
                }
            }
        }
    }

    /**
     * @param in the checkpoint section, as {@link #writeState} wrote it
     * @throws IOException on failure
     */
    public void readState(DataInput in) throws IOException {
        lastStep = in.readLong();
        cadence = in.readLong();
        largestMove = in.readDouble();
        unproven = in.readLong();
        int live = in.readInt();
        if (lastStep < -1 || cadence < 1 || live < 0) {
            throw new ModelException("resume: the checkpoint's image counts are damaged (step " + lastStep + ", cadence "
                    + cadence + ", " + live + " particles)");
        }
        mass = new int[0];
        for (int k = 0; k < dim; k++) {
            last[k] = new long[0];
            image[k] = new int[0];
        }
        for (int j = 0; j < live; j++) {
            int id = in.readInt();
            int m = in.readInt();
            if (id < 0 || m < 1) {
                throw new ModelException("resume: the checkpoint's image counts name particle " + id + " of mass " + m);
            }
            ensureIds(id + 1);
            mass[id] = m;
            for (int k = 0; k < dim; k++) {
                last[k][id] = in.readLong();
                image[k][id] = in.readInt();
            }
        }
    }
}
