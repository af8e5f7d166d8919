package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** The device's hash and pair search against the reference's spatial hash, pair for pair. */
class DevicePairsTest {
    /**
     * Torus and free space in d = 2, 3, 4, odd N, reaches of 0.6 and 0.3 of the box (1 and 2 cells
     * per side, where neighbour offsets wrap onto the same cell) down to 1/256 of it; a Gaussian start
     * crowds particles into few slots. The device's set of pairs closer than the reach equals the host's (reference
     * SpatialHash + CandidatePairs + the same r^2 arithmetic).
     */
    @Test
    void findsExactlyThePairsTheReferenceFinds() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        String[] starts = {"", "[domain]\ntype = \"free\"\nside = 4.0\n[initial]\ntype = \"gaussian\"\nsigma = 0.3\ntruncate = 1.5\n"};
        for (int dim = 2; dim <= 4; dim++) {
            for (String start : starts) {
                for (double reach : new double[] {0.6, 0.3, 1.0 / 64, 1.0 / 256}) {
                    int n = reach > 0.1 ? 301 : dim == 4 ? 3001 : 20001;
                    ModelSpec spec = ConfigReader.read("[model]\ndim = " + dim + "\nparticles = " + n
                            + "\neps = 0.001\n" + start + "[time]\nsteps = 1\n", List.of()).model();
                    ParticleState state = InitialStates.generate(spec, 11);
                    double side = spec.domain().side();
                    double r = reach * side * (start.isEmpty() ? 1 : 0.25);
                    TreeSet<Long> expected = hostPairs(spec, state, r);
                    String how = compare(cl, spec, state, r, "d = " + dim + ", reach " + r + (start.isEmpty() ? ", torus" : ", free"));
                    System.out.printf("d = %d, %s, reach %.4g: pairs equal to the reference's (%s)%n", dim,
                            start.isEmpty() ? "torus" : "free, Gaussian", r, how);
                }
            }
        }
    }

    /**
     * The row search's face filter and torus wrap: every particle sits within a few fixed-point
     * units of the reach from a cell face (both sides, every axis, cells 0 and 2^bits - 1 included),
     * so pairs lie just inside and just outside the reach across faces, edges, corners and the seam.
     * d = 2, 3, 4, torus; the device runs its row search here (asserted) and finds the reference's pairs.
     * With 13 particles (4 in d = 2) the table is too small for a dense grid of such cells, so the same layout
     * runs through the hashed cell search (asserted). Both with one atomic per found pair and with the
     * GPU's batched appends ({@link DevicePaths#appendBatch}).
     */
    @Test
    void rowSearchFindsPairsAcrossFacesAndTheSeam() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        for (int dim = 2; dim <= 4; dim++) {
          for (int n : new int[] {dim == 4 ? 4001 : 8001, dim == 2 ? 4 : 13}) {
            ModelSpec spec = ConfigReader.read("[model]\ndim = " + dim + "\nparticles = " + n + "\neps = 0.001\n[time]\nsteps = 1\n",
                    List.of()).model();
            ParticleState state = InitialStates.generate(spec, 5);
            double reach = 1.0 / 64;
            double unit = spec.domain().unit();
            long reachUnits = (long) (reach / unit);
            int cellBits = n < 100 ? 1 : 3;
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
            long[] jitter = {-reachUnits - 2, -reachUnits, -reachUnits + 2, -reachUnits / 2, -1, 0, 1, reachUnits / 2,
                reachUnits - 2, reachUnits, reachUnits + 2};
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < dim; k++) {
                    long face = (long) rnd.nextInt(1 << cellBits) << (64 - cellBits);
                    state.positions()[k][i] = face + jitter[rnd.nextInt(jitter.length)] + rnd.nextInt(3) - 1;
                }
            }
            for (int batch : new int[] {1, DevicePaths.APPEND_BATCH}) {
                System.setProperty(DevicePaths.BATCH_PROPERTY, Integer.toString(batch));
                try {
                    String how = compare(cl, spec, state, reach, "faces, d = " + dim + ", appends in batches of " + batch);
                    assertTrue(how.endsWith(n < 100 ? "cells" : "rows"), "unexpected search: " + how);
                    System.out.printf("d = %d, %d particles on cell faces, reach %.4g, batches of %d: pairs equal to the reference's (%s)%n",
                            dim, n, reach, batch, how);
                } finally {
                    System.clearProperty(DevicePaths.BATCH_PROPERTY);
                }
            }
          }
        }
    }

    /** The batch is 8 on a GPU and 1 elsewhere; an override outside 1..8 is refused in one line. */
    @Test
    void appendBatchByDeviceTypeAndOverride() {
        assertEquals(DevicePaths.APPEND_BATCH, DevicePaths.appendBatch("GPU"));
        assertEquals(1, DevicePaths.appendBatch("CPU"));
        for (String bad : new String[] {"0", "9", "x"}) {
            System.setProperty(DevicePaths.BATCH_PROPERTY, bad);
            try {
                ModelException e = assertThrows(ModelException.class, () -> DevicePaths.appendBatch("GPU"));
                assertTrue(e.getMessage().contains(DevicePaths.BATCH_PROPERTY) && !e.getMessage().contains("\n"), e.getMessage());
            } finally {
                System.clearProperty(DevicePaths.BATCH_PROPERTY);
            }
        }
    }

    /** Asserts the device's pairs equal the host's; returns which device search ran ("rows" or "cells"). */
    private static String compare(ProgramBuilder cl, ModelSpec spec, ParticleState state, double r, String what) {
        TreeSet<Long> expected = hostPairs(spec, state, r);
        TreeSet<Long> got = new TreeSet<>();
        boolean rows;
        try (DeviceState s = new DeviceState(cl, state); DevicePairs pairs = new DevicePairs(s)) {
            for (int[] p : pairs.find(spec.domain().side(), spec.domain().unit(), r)) {
                assertTrue(got.add(((long) p[0] << 32) | p[1]), "pair reported twice");
            }
            rows = pairs.lastByRows();
        }
        assertEquals(expected, got, what);
        return got.size() + " pairs, " + (rows ? "rows" : "cells");
    }

    private static long key(ParticleState s, int i, int j) {
        return ((long) Math.min(s.ids()[i], s.ids()[j]) << 32) | Math.max(s.ids()[i], s.ids()[j]);
    }

    private static TreeSet<Long> hostPairs(ModelSpec spec, ParticleState s, double reach) {
        TreeSet<Long> set = new TreeSet<>();
        HostPairs.scan(spec, s, reach, (i, j, r2) -> set.add(key(s, i, j)));
        return set;
    }
}
