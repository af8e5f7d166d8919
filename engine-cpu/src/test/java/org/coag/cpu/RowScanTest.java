package org.coag.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.Domain;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pair list of the cpu backend ({@link RowGrid}, {@link RowSort}, {@link RowScanner}) against
 * brute force: after a list build, the listed pairs of survivors are exactly the pairs of survivors
 * within the list's reach in every coordinate (minimum image on a torus), each once, whatever the
 * thread count. The
 * particles are a uniform start plus clusters straddling power-of-two cell faces (every grid's
 * faces) and the seam of the sorted coordinate, with runs of equal sorted coordinates, so that
 * face tests, windows across the seam, rows of other workers and ties are all exercised; one case
 * has a single row (a torus too small for 4 cells per side).
 */
class RowScanTest {
    private static final EventSink IGNORE = (step, kind, idLo, idHi, massLo, massHi, survivorId) -> { };

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("torus", 2, 4000, 1),
                Arguments.of("torus", 2, 4000, 3),
                Arguments.of("torus", 3, 6000, 1),
                Arguments.of("torus", 3, 6000, 2),
                Arguments.of("torus", 3, 6000, 7),
                Arguments.of("torus", 4, 6000, 3),
                Arguments.of("torus", 3, 60, 2),
                Arguments.of("free", 3, 5000, 3),
                Arguments.of("free", 2, 3000, 2));
    }

    @ParameterizedTest(name = "{0} d = {1} N = {2} threads = {3}")
    @MethodSource("cases")
    void listsExactlyThePairsWithinItsReach(String domain, int dim, int n, int threads) {
        ModelSpec spec = ConfigReader.read(config(domain, dim, n), List.of()).model();
        ParticleState state = clustered(spec, n, 7L * n + dim);
        try (CpuSimulation sim = new CpuSimulation(spec, 1, state, 0, threads)) {
            sim.advance(1, IGNORE);
            ParticleState now = new ParticleState(dim, n);
            sim.readState(now);
            long[] expected = bruteForce(now, sim.listReach());
            java.util.BitSet alive = new java.util.BitSet();
            for (int i = 0; i < now.count(); i++) {
                alive.set(now.ids()[i]);
            }
            long[] listed = Arrays.stream(sim.listedPairs()).filter(p -> alive.get((int) (p >>> 32)) && alive.get((int) p)).sorted().toArray();
            assertTrue(expected.length > 100, "the case should have many pairs within the list's reach, has " + expected.length);
            assertArrayEquals(expected, listed, "listed pairs (lower id << 32 | higher id) against brute force");
        }
    }

    private static String config(String domain, int dim, int n) {
        String start = domain.equals("free") ? "[initial]\ntype = \"ball\"\nradius = 0.2\n" : "";
        return "[model]\ndim = " + dim + "\nmode = \"annihilation\"\nparticles = " + n + "\nvolume_fraction = 0.01\n"
                + "[domain]\ntype = \"" + domain + "\"\n" + start + "[time]\ndt_over_eps2 = 0.01\nsteps = 1\n";
    }

    /**
     * Half the particles from the config's start, the rest in clusters of 10 around points on
     * power-of-two faces (in every row dimension) and near the top or bottom of the last coordinate,
     * spread over a few ranges, a third of each cluster sharing one last coordinate.
     */
    private static ParticleState clustered(ModelSpec spec, int n, long seed) {
        ParticleState s = InitialStates.generate(spec, seed);
        int dim = spec.dim();
        SplittableRandom r = new SplittableRandom(seed);
        double rangeFixed = spec.interactionRange(1, 1) / spec.domain().unit();
        boolean torus = spec.domain().type() == Domain.Type.TORUS;
        long[][] pos = s.positions();
        for (int i = n / 2; i < n; i += 10) {
            long[] centre = new long[dim];
            for (int k = 0; k < dim - 1; k++) {
                centre[k] = torus ? (long) r.nextInt(-8, 8) << (58 + r.nextInt(0, 5)) : pos[k][r.nextInt(0, n / 2)] & -(1L << 54);
            }
            centre[dim - 1] = torus ? (r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE) + r.nextLong(-3, 3) * (long) rangeFixed
                    : pos[dim - 1][r.nextInt(0, n / 2)];
            long sharedZ = centre[dim - 1] + (long) (r.nextDouble(-3, 3) * rangeFixed);
            for (int j = i; j < Math.min(n, i + 10); j++) {
                for (int k = 0; k < dim; k++) {
                    pos[k][j] = centre[k] + (long) (r.nextDouble(-4, 4) * rangeFixed);
                }
                if (j % 3 == 0) {
                    pos[dim - 1][j] = sharedZ;
                }
            }
        }
        return s;
    }

    /** Pairs within the reach in every coordinate (differences wrap on a torus; free-space clouds here span under L/2). */
    private static long[] bruteForce(ParticleState s, long reach) {
        long[] out = new long[1 << 16];
        int m = 0;
        long[][] pos = s.positions();
        for (int i = 0; i < s.count(); i++) {
            for (int j = i + 1; j < s.count(); j++) {
                boolean within = true;
                for (int k = 0; k < pos.length && within; k++) {
                    within = Long.compareUnsigned(pos[k][i] - pos[k][j] + reach, 2 * reach) <= 0;
                }
                if (within) {
                    if (m == out.length) {
                        out = Arrays.copyOf(out, 2 * m);
                    }
                    int a = s.ids()[i];
                    int b = s.ids()[j];
                    out[m++] = (long) Math.min(a, b) << 32 | Math.max(a, b);
                }
            }
        }
        long[] pairs = Arrays.copyOf(out, m);
        Arrays.sort(pairs);
        return pairs;
    }
}
