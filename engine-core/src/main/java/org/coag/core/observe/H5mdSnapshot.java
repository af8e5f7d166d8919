package org.coag.core.observe;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.coag.core.backend.ParticleState;
import org.coag.core.io.AtomicFiles;
import org.coag.core.model.Domain;

/**
 * Writes one particle snapshot as an H5MD 1.1 file (HDF5, through the pure-Java jHDF), which h5py,
 * MDAnalysis and VMD's H5MD plugin open without coag. One file holds one state, particles in
 * increasing id order:
 *
 * <pre>
 *   /h5md                      version = [1, 1]; author/name, creator/name, creator/version
 *   /particles/all/box         dimension = d, boundary = "periodic" (torus) or "none" (free space) per axis
 *       edges    float64[d]    the box side L per axis (length units)
 *       offset   float64[d]    the box's lower corner, -L/2 per axis: the box is [-L/2, L/2)^d
 *   /particles/all/position    step int64[1], time float64[1], value float64[1][N][d] (length units)
 *   /particles/all/image       (torus only) step, time, value int32[1][N][d]: the image counts, so
 *                              that position + image * edges is the unwrapped position
 *   /particles/all/id          int32[N], increasing
 *   /particles/all/mass        int32[N], in monomer masses
 *   /parameters/coag           attributes step, time, dt, side, unit = L / 2^64, state_sha256
 *       count          int32[]       N, the live particles
 *       fixed_position int64[N][d]   the exact coordinates: value = fixed_position * unit
 * </pre>
 *
 * <p>A state with no particles (annihilation that ran out) has count = 0 and no position, id, mass
 * or fixed_position datasets: the HDF5 writer cannot write empty arrays (and count is a dataset, not
 * an attribute, because it writes a group with attributes but no member wrongly).
 *
 * <p>Positions are wrapped into the box: on the torus the fixed-point coordinate is the particle's
 * position modulo L, and {@code image} counts the wraps on each axis ({@link ImageTracker}); in free
 * space no coordinate ever wraps (the run stops before a particle nears the seam), so positions are
 * the true positions and there is no {@code image}. {@code state_sha256} is {@link StateHash} of the
 * state, the value {@code final_state_sha256} of summary.json takes for the final state; it is a
 * function of id, mass and fixed_position alone. The file is written atomically ({@link AtomicFiles}),
 * and identical states give identical bytes.
 */
public final class H5mdSnapshot {
    /** The {@code /h5md/creator} version attribute. */
    static final String CREATOR_VERSION = "0.1.0";

    private H5mdSnapshot() {
    }

    /**
     * @param file the snapshot file (replaced atomically)
     * @param domain the box
     * @param step the step of the state
     * @param time step * dt (time units)
     * @param dt the step (time units), recorded for readers
     * @param state the live particles (not modified)
     * @param tracker the image counts of these particles (read up to this state), or null in free space
     * @throws IOException on failure (the file is then unchanged)
     */
    public static void write(Path file, Domain domain, long step, double time, double dt, ParticleState state,
                             ImageTracker tracker) throws IOException {
        ParticleState s = state.copy();
        s.sortById();
        int n = s.count();
        int dim = s.dim();
        int[] ids = Arrays.copyOf(s.ids(), n);
        int[] masses = Arrays.copyOf(s.masses(), n);
        long[][] fixed = new long[n][dim];
        double[][][] value = new double[1][n][dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                fixed[i][k] = s.positions()[k][i];
                value[0][i][k] = domain.toPhysical(fixed[i][k]);
            }
        }
        int[][][] image = tracker == null ? null : new int[][][] {tracker.images(ids, n)};
        double[] edges = new double[dim];
        double[] offset = new double[dim];
        String[] boundary = new String[dim];
        Arrays.fill(edges, domain.side());
        Arrays.fill(offset, -0.5 * domain.side());
        Arrays.fill(boundary, domain.type() == Domain.Type.TORUS ? "periodic" : "none");
        String hash = StateHash.of(s);
        AtomicFiles.writeFile(file, tmp -> {
            try (WritableHdfFile h5 = HdfFile.write(tmp)) {
                WritableGroup h5md = h5.putGroup("h5md");
                h5md.putAttribute("version", new int[] {1, 1});
                h5md.putGroup("author").putAttribute("name", "coag");
                WritableGroup creator = h5md.putGroup("creator");
                creator.putAttribute("name", "coag");
                creator.putAttribute("version", CREATOR_VERSION);

                WritableGroup all = h5.putGroup("particles").putGroup("all");
                WritableGroup box = all.putGroup("box");
                box.putAttribute("dimension", dim);
                box.putAttribute("boundary", boundary);
                box.putDataset("edges", edges);
                box.putDataset("offset", offset);
                if (n > 0) {
                    WritableGroup position = all.putGroup("position");
                    position.putDataset("step", new long[] {step});
                    position.putDataset("time", new double[] {time});
                    position.putDataset("value", value);
                    if (image != null) {
                        WritableGroup images = all.putGroup("image");
                        images.putDataset("step", new long[] {step});
                        images.putDataset("time", new double[] {time});
                        images.putDataset("value", image);
                    }
                    all.putDataset("id", ids);
                    all.putDataset("mass", masses);
                }

                WritableGroup coag = h5.putGroup("parameters").putGroup("coag");
                coag.putAttribute("step", step);
                coag.putAttribute("time", time);
                coag.putAttribute("dt", dt);
                coag.putAttribute("side", domain.side());
                coag.putAttribute("unit", domain.unit());
                coag.putDataset("count", n);
                coag.putAttribute("state_sha256", hash);
                if (n > 0) {
                    coag.putDataset("fixed_position", fixed);
                }
            } catch (HdfException e) {
                throw new IOException("cannot write the snapshot " + file.getFileName() + ": " + e.getMessage(), e);
            }
        });
    }
}
