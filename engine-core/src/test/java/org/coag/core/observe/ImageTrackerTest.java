package org.coag.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.run.RunDirectory;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Gaussians;
import org.coag.core.rng.Purpose;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.step.MoveParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image counts in torus snapshots: exact against the moves summed in 128-bit arithmetic (fixed
 * scheme), and right in distribution where the paths are not simple sums (adaptive scheme).
 */
class ImageTrackerTest {
    private static final String FAR_APART = """
            [model]
            dim = 3
            mode = "annihilation"
            particles = %d
            eps = 1e-7
            [model.diffusion]
            value = 1.0
            [time]
            %s
            [observe.snapshots]
            every_steps = %d
            final = true
            """;

    @TempDir
    Path tmp;

    private Map<String, Object> run(RunConfig cfg, Path dir) throws IOException {
        RunDirectory d = RunDirectory.create(dir, false);
        return new RunDriver(cfg, d, new RunControl(), RunListener.SILENT).run(false).summary();
    }

    @Test
    void theBoundOnNormalsHolds() {
        double lowest = 0x1p-53;
        double highest = (double) ((1L << 52) - 1) * 0x1p-52 + 0x1p-53;
        assertTrue(Math.abs(Gaussians.inverseCdf(lowest)) < ImageTracker.Z_BOUND, "z at the smallest uniform");
        assertTrue(Math.abs(Gaussians.inverseCdf(highest)) < ImageTracker.Z_BOUND, "z at the largest uniform");
    }

    /**
     * 40 particles that never meet (eps = 1e-7 in the unit box) diffuse about one box length
     * (sqrt(2 d t) = 1): the final snapshot's image counts must be floor((x0 + sum of the increments
     * + L/2) / L), the increments recomputed from the run's normals and summed without wrap-around.
     */
    @Test
    void fixedSchemeImagesAreTheUnwrappedSumOfTheMoves() throws IOException {
        long steps = 50_000;
        RunConfig cfg = ConfigReader.read(String.format(FAR_APART, 40, "dt = 1e-5\nsteps = " + steps, steps), List.of());
        Path dir = tmp.resolve("fixed");
        Map<String, Object> summary = run(cfg, dir);
        assertEquals(0L, ((Number) summary.get("snapshot_images_unproven")).longValue());

        Snap start = Snap.read(dir.resolve("snapshots").resolve(ParticleSnapshots.fileName(0)));
        Snap end = Snap.read(dir.resolve("snapshots").resolve(ParticleSnapshots.fileName(steps)));
        assertEquals(40, start.ids[39] + 1, "step 0 holds ids 0..39, row i is id i");
        ModelSpec spec = cfg.model();
        CounterRng rng = new CounterRng(cfg.run().seed());
        double sigma = new MoveParameters(spec).sigmaFixed(1);
        double[] z = new double[spec.dim() + 1];
        BigInteger box = BigInteger.ONE.shiftLeft(64);
        BigInteger half = BigInteger.ONE.shiftLeft(63);
        int crossed = 0;
        for (int i = 0; i < end.ids.length; i++) {
            int id = end.ids[i];
            BigInteger[] unwrappedAt = new BigInteger[spec.dim()];
            for (int k = 0; k < spec.dim(); k++) {
                unwrappedAt[k] = BigInteger.valueOf(start.fixed[id][k]);
            }
            for (long s = 0; s < steps; s++) {
                rng.normals(Purpose.MOVE, s, id, spec.dim(), z);
                for (int k = 0; k < spec.dim(); k++) {
                    unwrappedAt[k] = unwrappedAt[k].add(BigInteger.valueOf(MoveParameters.increment(sigma, z[k])));
                }
            }
            for (int k = 0; k < spec.dim(); k++) {
                BigInteger unwrapped = unwrappedAt[k];
                assertEquals(unwrapped.longValue(), end.fixed[i][k], "the recomputed moves reproduce the run");
                int image = unwrapped.add(half).shiftRight(64).intValueExact();
                assertEquals(image, end.image[i][k], "image of id " + id + " on axis " + k);
                crossed += image != 0 ? 1 : 0;
                assertEquals(unwrapped, BigInteger.valueOf(end.fixed[i][k]).add(box.multiply(BigInteger.valueOf(end.image[i][k]))));
            }
        }
        assertTrue(crossed > 30, "most of the 120 coordinates left the box (" + crossed + ")");
    }

    /**
     * Adaptive scheme, 300 particles that never meet, 2 d t = 1 L^2 per axis: the mean square of the
     * unwrapped displacement over 900 coordinates is 1 with relative standard deviation
     * sqrt(2/900) = 0.047; the test allows 6 of them (false failure below 1e-8). Without image counts
     * the wrapped displacement's mean square is below L^2/6.
     */
    @Test
    void adaptiveSchemeUnwrappedDisplacementsHaveTheBrownianVariance() throws IOException {
        RunConfig cfg = ConfigReader.read(String.format(FAR_APART, 300,
                "scheme = \"adaptive\"\nmacro_dt = 1e-4\ndt = 1e-5\nt_end = 0.5", 1_000_000), List.of());
        Path dir = tmp.resolve("adaptive");
        Map<String, Object> summary = run(cfg, dir);
        assertEquals(0L, ((Number) summary.get("snapshot_images_unproven")).longValue());
        long steps = cfg.run().steps();
        Snap start = Snap.read(dir.resolve("snapshots").resolve(ParticleSnapshots.fileName(0)));
        Snap end = Snap.read(dir.resolve("snapshots").resolve(ParticleSnapshots.fileName(steps)));
        double unit = cfg.model().domain().unit();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < end.ids.length; i++) {
            for (int k = 0; k < 3; k++) {
                double dx = (end.fixed[i][k] - start.fixed[end.ids[i]][k]) * unit + end.image[i][k] * cfg.model().domain().side();
                sum += dx * dx;
                n++;
            }
        }
        double expected = 2 * 1.0 * steps * cfg.model().dt();
        assertEquals(1.0, expected, 1e-9);
        assertEquals(expected, sum / n, 6 * Math.sqrt(2.0 / n) * expected, "mean square unwrapped displacement");
    }

    @Test
    void stateRoundTrips() throws IOException {
        RunConfig cfg = ConfigReader.read(String.format(FAR_APART, 3, "dt = 1e-5\nsteps = 10", 5), List.of());
        ImageTracker a = new ImageTracker(cfg.model());
        ParticleState s = new ParticleState(3, 3);
        s.setCount(3);
        for (int i = 0; i < 3; i++) {
            s.ids()[i] = 2 * i;
            s.masses()[i] = 1;
            s.positions()[0][i] = Long.MAX_VALUE - i;
        }
        a.update(0, s);
        s.positions()[0][1] = Long.MIN_VALUE + 5;
        a.update(1, s);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        ImageTracker b = new ImageTracker(cfg.model());
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(1, b.images(new int[] {2}, 1)[0][0], "a positive wrap on axis 0 of id 2");
        assertEquals(0, b.images(new int[] {0}, 1)[0][0]);
        assertEquals(a.nextStep(1), b.nextStep(1));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        b.writeState(new DataOutputStream(again));
        assertEquals(bytes.size(), again.size());
    }

    /** One snapshot file read with jHDF. */
    private record Snap(int[] ids, long[][] fixed, int[][] image) {
        static Snap read(Path file) {
            try (HdfFile h5 = new HdfFile(file)) {
                int[] ids = (int[]) h5.getDatasetByPath("particles/all/id").getData();
                long[][] fixed = (long[][]) h5.getDatasetByPath("parameters/coag/fixed_position").getData();
                int[][][] image = (int[][][]) h5.getDatasetByPath("particles/all/image/value").getData();
                return new Snap(ids, fixed, image[0]);
            }
        }
    }
}
