package org.coag.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.io.Checkpoint;
import org.coag.core.model.Domain;
import org.coag.core.model.ModelException;
import org.coag.core.observe.H5mdSnapshot;
import org.coag.core.observe.ParticleSnapshots;
import org.coag.core.observe.StateHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Particle snapshots written by a run and read back with jHDF's reader: the final one holds exactly
 * the state final_state_sha256 hashes, a resumed run writes the same files as an uninterrupted one,
 * and the adaptive scheme in free space writes them too.
 */
class SnapshotRunTest {
    private static final String TORUS = TestConfigs.text("coag-3d-checkpoints.toml");
    private static final List<String> SNAPSHOTS = List.of("observe.snapshots.every_steps=100",
            "observe.snapshots.times=[0.0, 1e-9, 0.001]", "observe.snapshots.final=true");

    @TempDir
    Path tmp;

    private static RunResult run(RunConfig cfg, Path dir, RunControl control, boolean resume) throws IOException {
        RunDirectory d = resume ? RunDirectory.open(dir) : RunDirectory.create(dir, false);
        return new RunDriver(cfg, d, control, RunListener.SILENT).run(resume);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(ParticleSnapshots.DIRECTORY))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void finalSnapshotHoldsTheHashedStateAndTheScheduleIsKept() throws IOException {
        RunConfig cfg = ConfigReader.read(TORUS, SNAPSHOTS);
        Path dir = tmp.resolve("run");
        RunResult r = run(cfg, dir, new RunControl(), false);
        double dt = cfg.model().dt();
        List<Long> expected = new ArrayList<>(List.of(0L, 1L, (long) Math.ceil(0.001 / dt * (1 - 1e-12)), 100L, 200L, 300L));
        expected.sort(null);
        assertEquals(expected.stream().distinct().map(ParticleSnapshots::fileName).toList(), files(dir));
        assertEquals((long) files(dir).size(), ((Number) r.summary().get("snapshot_count")).longValue());
        assertEquals("snapshots/" + ParticleSnapshots.fileName(300), r.summary().get("final_snapshot"));

        ParticleState state = Checkpoint.read(dir.resolve("checkpoint.bin"), cfg.model().particles()).state();
        assertEquals(r.summary().get("final_state_sha256"), StateHash.of(state), "the checkpoint holds the final state");
        assertSnapshotIs(dir.resolve("snapshots").resolve(ParticleSnapshots.fileName(300)), cfg, 300, state,
                (String) r.summary().get("final_state_sha256"));
    }

    /** Reads a snapshot with jHDF's reader and checks every dataset against the state. */
    private static void assertSnapshotIs(Path file, RunConfig cfg, long step, ParticleState state, String hash) {
        ParticleState s = state.copy();
        s.sortById();
        int n = s.count();
        int dim = s.dim();
        Domain domain = cfg.model().domain();
        try (HdfFile h5 = new HdfFile(file)) {
            assertArrayEquals(new int[] {1, 1}, (int[]) h5.getByPath("h5md").getAttribute("version").getData());
            assertEquals(dim, ((Number) h5.getByPath("particles/all/box").getAttribute("dimension").getData()).intValue());
            String boundary = domain.type() == Domain.Type.TORUS ? "periodic" : "none";
            for (String b : (String[]) h5.getByPath("particles/all/box").getAttribute("boundary").getData()) {
                assertEquals(boundary, b);
            }
            double[] edges = (double[]) h5.getDatasetByPath("particles/all/box/edges").getData();
            assertEquals(dim, edges.length);
            assertEquals(domain.side(), edges[0]);
            assertArrayEquals(new long[] {step}, (long[]) h5.getDatasetByPath("particles/all/position/step").getData());
            assertArrayEquals(new double[] {step * cfg.model().dt()}, (double[]) h5.getDatasetByPath("particles/all/position/time").getData());
            int[] ids = (int[]) h5.getDatasetByPath("particles/all/id").getData();
            int[] masses = (int[]) h5.getDatasetByPath("particles/all/mass").getData();
            double[][][] value = (double[][][]) h5.getDatasetByPath("particles/all/position/value").getData();
            long[][] fixed = (long[][]) h5.getDatasetByPath("parameters/coag/fixed_position").getData();
            assertEquals(n, ids.length);
            assertEquals(n, ((Number) h5.getDatasetByPath("parameters/coag/count").getData()).intValue());
            assertEquals(1, value.length);
            for (int i = 0; i < n; i++) {
                assertEquals(s.ids()[i], ids[i]);
                assertEquals(s.masses()[i], masses[i]);
                for (int k = 0; k < dim; k++) {
                    assertEquals(s.positions()[k][i], fixed[i][k], "fixed coordinate " + k + " of id " + ids[i]);
                    assertEquals(domain.toPhysical(fixed[i][k]), value[0][i][k], "coordinate " + k + " of id " + ids[i]);
                }
            }
            assertEquals(hash, h5.getByPath("parameters/coag").getAttribute("state_sha256").getData());
        }
    }

    @Test
    void aResumedRunWritesTheSameSnapshotFiles() throws IOException {
        RunConfig cfg = ConfigReader.read(TORUS, SNAPSHOTS);
        run(cfg, tmp.resolve("whole"), new RunControl(), false);
        Path split = tmp.resolve("split");
        RunControl stop = new RunControl();
        stop.requestStop();
        assertEquals("interrupted", run(cfg, split, stop, false).status());
        RunResult resumed = run(ConfigReader.read(RunDirectory.open(split).readConfig(), List.of()), split, new RunControl(), true);
        assertEquals("completed", resumed.status());
        assertEquals(files(tmp.resolve("whole")), files(split));
        for (String f : files(split)) {
            assertEquals(-1, Files.mismatch(tmp.resolve("whole/snapshots").resolve(f), split.resolve("snapshots").resolve(f)), f);
        }
        Map<String, Object> again = run(cfg, split, new RunControl(), true).summary();
        assertEquals(resumed.summary().get("snapshot_count"), again.get("snapshot_count"), "rewriting a completed run's outputs adds no snapshot");
    }

    @Test
    void adaptiveSchemeInFreeSpaceWritesTheFinalState() throws IOException {
        String text;
        try (InputStream in = SnapshotRunTest.class.getResourceAsStream("/conformance/adaptive-free-gaussian-coag-2d.toml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RunConfig cfg = ConfigReader.read(text, List.of("observe.snapshots.final=true"));
        Path dir = tmp.resolve("adaptive");
        RunResult r = run(cfg, dir, new RunControl(), false);
        long steps = cfg.run().steps();
        assertEquals(List.of(ParticleSnapshots.fileName(steps)), files(dir));
        ParticleState state = Checkpoint.read(dir.resolve("checkpoint.bin"), cfg.model().particles()).state();
        assertSnapshotIs(dir.resolve("snapshots").resolve(ParticleSnapshots.fileName(steps)), cfg, steps, state,
                (String) r.summary().get("final_state_sha256"));
    }

    @Test
    void aRunStoppedEarlyWritesItsFinalStateAtTheStopStep() throws IOException {
        RunConfig cfg = ConfigReader.read(TORUS, List.of("observe.snapshots.final=true", "time.stop_at_survivor_fraction=0.8"));
        Path dir = tmp.resolve("early");
        RunResult r = run(cfg, dir, new RunControl(), false);
        assertTrue(r.step() < cfg.run().steps(), "the survivor fraction must stop this run early (step " + r.step() + ")");
        assertEquals(List.of(ParticleSnapshots.fileName(r.step())), files(dir));
        ParticleState state = Checkpoint.read(dir.resolve("checkpoint.bin"), cfg.model().particles()).state();
        assertSnapshotIs(dir.resolve("snapshots").resolve(ParticleSnapshots.fileName(r.step())), cfg, r.step(), state,
                (String) r.summary().get("final_state_sha256"));
    }

    @Test
    void noSnapshotsByDefaultAndOneLineErrors() throws IOException {
        RunConfig cfg = ConfigReader.read(TORUS, List.of("time.steps=5"));
        Path dir = tmp.resolve("plain");
        RunResult r = run(cfg, dir, new RunControl(), false);
        assertFalse(Files.exists(dir.resolve(ParticleSnapshots.DIRECTORY)));
        assertFalse(r.summary().containsKey("snapshot_count"));
        ModelException late = assertThrows(ModelException.class,
                () -> ConfigReader.read(TORUS, List.of("observe.snapshots.times=[1e9]")));
        assertTrue(late.getMessage().startsWith("observe.snapshots.times: ") && late.getMessage().contains("after the run's end"),
                late.getMessage());
        ModelException zero = assertThrows(ModelException.class,
                () -> ConfigReader.read(TORUS, List.of("observe.snapshots.every_steps=0")));
        assertEquals("observe.snapshots.every_steps: must be at least 1 (got 0)", zero.getMessage());
        ModelException typo = assertThrows(ModelException.class,
                () -> ConfigReader.read(TORUS, List.of("observe.snapshots.finall=true")));
        assertFalse(typo.getMessage().contains("\n"), typo.getMessage());
    }

    @Test
    void anEmptyStateIsAValidSnapshot() throws IOException {
        ParticleState none = new ParticleState(3, 4);
        Path file = tmp.resolve(ParticleSnapshots.fileName(7));
        H5mdSnapshot.write(file, new Domain(Domain.Type.TORUS, 2.0), 7, 0.5, 0.1, none, null);
        try (HdfFile h5 = new HdfFile(file)) {
            assertEquals(0, ((Number) h5.getDatasetByPath("parameters/coag/count").getData()).intValue());
            assertEquals(2.0, ((double[]) h5.getDatasetByPath("particles/all/box/edges").getData())[2]);
            assertEquals(StateHash.of(none), h5.getByPath("parameters/coag").getAttribute("state_sha256").getData());
        }
    }
}
