package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.lattice.LatticeStepper;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cpu lattice variant against the reference {@link LatticeStepper}, step by step: after every
 * step the same events in the same order and the same walkers (ids, masses, sites). The configs are
 * chosen to stress what the conformance cases touch only lightly: many jumps per step (fast walkers,
 * long steps) on a small lattice, so walkers wrap round the torus, hit the walls and revisit sites
 * within a step; crowded Poisson and one-site starts (several walkers per site at time 0); pairs
 * that meet, part and meet again within a step (rate mode, slow pair clocks, so a pair draws several
 * blocks k); time buckets of the jump queue from one walker to the default (so clocks move between
 * buckets, and buckets empty and fill while they are the current one); the site table as an array
 * and as a hash; and enough walkers (above the pool's inline threshold) that the draw phase really
 * runs on 2, 3 and 7 threads.
 */
class CpuLatticeStepTest {
    private static final String BASE = """
            [model]
            space = "lattice"
            [model.lattice]
            [model.alpha]
            value = 0.3
            [model.diffusion]
            type = "power"
            coefficient = 8.0
            exponent = -0.5
            [initial.mass]
            type = "table"
            weights = [1.0, 1.0]
            [time]
            dt = 2.0
            steps = 12
            """;
    private static final int STEPS = 12;

    /**
     * A one-site start (its column occupation is then the number of walkers) on a large box makes
     * the site table a hash of the sites in use rather than an array of L^d heads.
     */
    @ParameterizedTest(name = "d={0} L={1} {2} {3} {4} {5} occupation={6}, {7} threads, {8} walkers per time bucket")
    @CsvSource({
        "2, 6, torus, rate, coagulation, poisson, 3.0, 7, 4096",
        "2, 6, torus, rate, coagulation, poisson, 3.0, 1, 1",
        "2, 6, reflecting, rate, annihilation, poisson, 2.0, 3, 5",
        "3, 5, torus, instantaneous, coagulation, poisson, 1.5, 7, 4096",
        "3, 5, torus, instantaneous, coagulation, poisson, 1.5, 2, 3",
        "1, 9, torus, rate, coagulation, poisson, 2.0, 2, 2",
        "3, 16, torus, rate, coagulation, bernoulli, 0.8, 7, 4096",
        "3, 16, torus, rate, coagulation, bernoulli, 0.8, 3, 16",
        "3, 16, reflecting, instantaneous, annihilation, bernoulli, 0.9, 3, 4096",
        "3, 16, reflecting, instantaneous, annihilation, bernoulli, 0.9, 7, 7",
        "2, 64, torus, instantaneous, coagulation, poisson, 1.2, 2, 64",
        "3, 120, torus, rate, coagulation, one_site, 300, 3, 8",
        "2, 1100, reflecting, instantaneous, annihilation, one_site, 301, 7, 4096",
    })
    void everyStepMatchesTheReference(int dim, int side, String boundary, String coalescence, String mode, String start,
            double occupation, int threads, int perBucket) {
        List<String> overrides = new ArrayList<>(List.of("model.dim=" + dim, "model.mode=\"" + mode + "\"",
                "model.lattice.side=" + side, "model.lattice.boundary=\"" + boundary + "\"",
                "model.lattice.coalescence=\"" + coalescence + "\"", "model.lattice.start=\"" + start + "\""));
        overrides.add(start.equals("one_site") ? "model.particles=" + (int) occupation : "model.lattice.occupation=" + occupation);
        if (coalescence.equals("instantaneous")) {
            overrides.add(ConfigReader.unset("model.alpha"));
        }
        ModelSpec spec = ConfigReader.read(BASE, overrides).model();
        long seed = 31L * side + dim;
        ParticleState reference = InitialStates.generate(spec, seed);
        ParticleState initial = reference.copy();
        LatticeStepper stepper = new LatticeStepper(spec, seed);
        int events = 0;
        try (Simulation cpu = new CpuLatticeSimulation(spec, seed, initial, 0, threads, perBucket)) {
            for (int s = 0; s < STEPS; s++) {
                List<String> expected = new ArrayList<>();
                List<String> actual = new ArrayList<>();
                stepper.step(s, reference, recorder(expected));
                cpu.advance(1, recorder(actual));
                assertEquals(expected, actual, "events of step " + s);
                assertSameWalkers(reference, cpu, s);
                events += expected.size();
            }
        }
        assertTrue(events > 10, "needs coalescences to mean anything: " + events);
    }

    private static EventSink recorder(List<String> into) {
        return (step, kind, lo, hi, massLo, massHi, survivor) -> into.add(step + " " + kind + " " + lo + " " + hi + " "
                + massLo + " " + massHi + " " + survivor);
    }

    private static void assertSameWalkers(ParticleState reference, Simulation cpu, int step) {
        ParticleState actual = new ParticleState(reference.dim(), Math.max(1, cpu.liveCount()));
        cpu.readState(actual);
        ParticleState expected = reference.copy();
        expected.sortById();
        actual.sortById();
        assertEquals(expected.count(), actual.count(), "walkers after step " + step);
        int n = expected.count();
        assertArrayEquals(Arrays.copyOf(expected.ids(), n), Arrays.copyOf(actual.ids(), n), "ids after step " + step);
        assertArrayEquals(Arrays.copyOf(expected.masses(), n), Arrays.copyOf(actual.masses(), n), "masses after step " + step);
        for (int k = 0; k < reference.dim(); k++) {
            assertArrayEquals(Arrays.copyOf(expected.positions()[k], n), Arrays.copyOf(actual.positions()[k], n),
                    "axis " + k + " after step " + step);
        }
    }
}
