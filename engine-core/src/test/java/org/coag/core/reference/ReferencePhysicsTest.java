package org.coag.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.EventRecorder;
import org.coag.core.observe.StateHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferencePhysicsTest {
    static ModelSpec spec(String toml, String... overrides) {
        return ConfigReader.read(toml, List.of(overrides)).model();
    }

    static final String COAG = """
            [model]
            dim = 3
            mode = "coagulation"
            particles = 3000
            volume_fraction = 0.02
            [model.alpha]
            value = 20.0
            [model.diffusion]
            type = "power"
            coefficient = 1.0
            exponent = -0.5
            [model.radii]
            type = "power"
            coefficient = 0.5
            exponent = 0.3333333333333333
            [initial.mass]
            type = "table"
            weights = [0.6, 0.3, 0.1]
            [time]
            dt_over_eps2 = 0.02
            steps = 400
            """;

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {2, 3, 4})
    void coagulationConservesMassExactlyAndSurvivorsCollectTheMass(int dim) {
        ModelSpec s = spec(COAG, "model.dim=" + dim);
        ParticleState state = InitialStates.generate(s, 7);
        long total = state.totalMass();
        EventRecorder rec = new EventRecorder(null);
        try (Simulation sim = new ReferenceBackend().create(s, 7, state, 0)) {
            ParticleState now = new ParticleState(dim, s.particles());
            for (int block = 0; block < 8; block++) {
                sim.advance(50, rec);
                sim.readState(now);
                assertEquals(total, now.totalMass(), "total mass after step " + sim.stepIndex());
                assertEquals(s.particles() - rec.events(), now.count(), "each coagulation removes exactly one particle");
            }
        }
        assertTrue(rec.events() > 200, "the test needs hundreds of collisions, got " + rec.events());
        assertTrue(rec.countsByMassPair().size() > 3, "collisions between several mass pairs");
    }

    @Test
    void annihilationRemovesBothPartners() {
        ModelSpec s = spec(COAG, "model.mode=annihilation");
        ParticleState state = InitialStates.generate(s, 7);
        EventRecorder rec = new EventRecorder(null);
        try (Simulation sim = new ReferenceBackend().create(s, 7, state, 0)) {
            sim.advance(400, rec);
            ParticleState now = new ParticleState(3, s.particles());
            sim.readState(now);
            assertEquals(s.particles() - 2 * rec.events(), now.count());
            assertEquals(state.totalMass() - rec.removedMass(), now.totalMass());
        }
        assertTrue(rec.events() > 100);
    }

    /**
     * Free motion: each coordinate's displacement after t is N(0, 2 d(n) t). Masses 1 and 2 with
     * d(n) = 1.5 n^-1 (so 2 d t = 3t and 1.5t), 4000 particles x 3 coordinates each, no collisions
     * (eps tiny). The sample variance of 12000 normals has relative sd sqrt(2/12000) = 1.3%; the 6.5%
     * bound is 5 sd (false-failure odds below 1e-6 per mass).
     */
    @Test
    void meanSquareDisplacementIsTwoDnTPerCoordinate() {
        ModelSpec s = spec("""
                [model]
                dim = 3
                particles = 8000
                eps = 1e-9
                [model.diffusion]
                type = "power"
                coefficient = 1.5
                exponent = -1.0
                [initial.mass]
                type = "table"
                weights = [1.0, 1.0]
                [time]
                dt = 1e-4
                steps = 100
                """);
        ParticleState start = InitialStates.generate(s, 3);
        ParticleState end = new ParticleState(3, s.particles());
        try (Simulation sim = new ReferenceBackend().create(s, 3, start, 0)) {
            sim.advance(100, (a, k, b, c, d, e, f) -> { });
            sim.readState(end);
        }
        double t = 100 * 1e-4;
        double[] sum = new double[3];
        long[] count = new long[3];
        for (int i = 0; i < end.count(); i++) {
            int m = end.masses()[i];
            for (int k = 0; k < 3; k++) {
                double dx = (end.positions()[k][i] - start.positions()[k][i]) * s.domain().unit();
                sum[m] += dx * dx;
                count[m]++;
            }
        }
        for (int m = 1; m <= 2; m++) {
            double expected = 2 * 1.5 / m * t;
            assertEquals(expected, sum[m] / count[m], 0.065 * expected, "mass " + m);
        }
    }

    /** Contract 1 within one backend: results depend on ids only, not on the slot order of the input. */
    @Test
    void resultsDoNotDependOnSlotOrderOrOnHowStepsAreBatched() {
        ModelSpec s = spec(COAG, "model.particles=1500");
        ParticleState a = InitialStates.generate(s, 11);
        ParticleState b = a.copy();
        for (int i = 0, j = b.count() - 1; i < j; i++, j--) {
            swap(b, i, j);
        }
        EventRecorder ra = new EventRecorder(null);
        EventRecorder rb = new EventRecorder(null);
        ParticleState fa = run(s, a, ra, 400, 400);
        ParticleState fb = run(s, b, rb, 400, 7);
        assertTrue(ra.events() > 100);
        assertEquals(ra.sha256(), rb.sha256());
        assertEquals(StateHash.of(fa), StateHash.of(fb));
        EventRecorder rc = new EventRecorder(null);
        run(s, InitialStates.generate(s, 12), rc, 400, 400);
        assertNotEquals(ra.sha256(), rc.sha256(), "another seed gives another history");
    }

    private static ParticleState run(ModelSpec s, ParticleState init, EventRecorder rec, int steps, int batch) {
        ParticleState out = new ParticleState(s.dim(), s.particles());
        try (Simulation sim = new ReferenceBackend().create(s, 11, init, 0)) {
            for (int done = 0; done < steps; done += batch) {
                sim.advance(Math.min(batch, steps - done), rec);
            }
            sim.readState(out);
        }
        return out;
    }

    static void swap(ParticleState s, int i, int j) {
        int t = s.ids()[i];
        s.ids()[i] = s.ids()[j];
        s.ids()[j] = t;
        t = s.masses()[i];
        s.masses()[i] = s.masses()[j];
        s.masses()[j] = t;
        for (long[] p : s.positions()) {
            long u = p[i];
            p[i] = p[j];
            p[j] = u;
        }
    }

    @Test
    void freeSpaceRunStopsWhenAParticleReachesTheSeam() throws java.io.IOException {
        ModelSpec s;
        try (java.io.InputStream in = getClass().getResourceAsStream("/configs/free-space-reaches-seam.toml")) {
            s = spec(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        ParticleState init = InitialStates.generate(s, 1);
        try (Simulation sim = new ReferenceBackend().create(s, 1, init, 0)) {
            ModelException e = assertThrows(ModelException.class, () -> sim.advance(5000, (a, k, b, c, d, f, g) -> { }));
            assertTrue(e.getMessage().contains("seam") && e.getMessage().contains("domain.side"), e.getMessage());
        }
    }
}
