package org.coag.core.theory.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coag.core.model.ModelException;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Kingman's block-count law by two routes, its mean time to one block, and the single-site walkers. */
class KingmanCoalescentTest {
    @Test
    void matrixExponentialMatchesTavaresAlternatingSum() {
        KingmanCoalescent kingman = new KingmanCoalescent(1.7);
        for (int n = 1; n <= 10; n++) {
            for (double t : new double[] {0.01, 0.2, 1.5}) {
                double[] law = kingman.blockCountLaw(n, t);
                for (int j = 1; j <= n; j++) {
                    assertEquals(kingman.tavare(n, j, t), law[j], 1e-10, "n = " + n + ", j = " + j + ", t = " + t);
                }
            }
        }
    }

    @Test
    void lawIsAProbabilityVectorStartingAtN() {
        KingmanCoalescent kingman = new KingmanCoalescent(0.3);
        for (int n : new int[] {1, 7, 60, KingmanCoalescent.MAX_BLOCKS}) {
            double[] start = kingman.blockCountLaw(n, 0);
            assertEquals(1, start[n], 1e-12);
            for (double t : new double[] {1e-4, 0.05, 2, 40}) {
                double[] law = kingman.blockCountLaw(n, t);
                assertEquals(0, law[0]);
                assertEquals(1, Arrays.stream(law).sum(), 1e-10, "n = " + n + ", t = " + t);
            }
        }
        assertThrows(ModelException.class, () -> kingman.blockCountLaw(KingmanCoalescent.MAX_BLOCKS + 1, 1));
        assertThrows(ModelException.class, () -> new KingmanCoalescent(0));
    }

    /** integral_0^infinity P(A(t) >= 2) dt, from the law, equals 2 (1 - 1/n) / lambda. */
    @Test
    void meanTimeToOneIsTheIntegralOfTheSurvivalOfTwoOrMore() {
        double lambda = 2.5;
        KingmanCoalescent kingman = new KingmanCoalescent(lambda);
        for (int n : new int[] {2, 6}) {
            IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14);
            double integral = gauss.integrate(1_000_000, t -> 1 - kingman.blockCountLaw(n, t)[1], 0, 50 / lambda);
            assertEquals(kingman.meanTimeToOne(n), integral, 1e-9, "n = " + n);
        }
        assertEquals(2 * (1 - 1.0 / 6) / lambda, kingman.meanTimeToOne(6), 1e-15);
    }

    /**
     * n labelled walkers on one site, every pair of distinct walkers coalescing at rate kappa: the chain on the set
     * partitions of {1..n} (15 for n = 4), built from that rule alone, lumped by its block count, is Kingman's
     * coalescent with lambda = kappa. The one-site torus gives the same lambda through the meeting time 1/kappa.
     */
    @Test
    void walkersOnOneSiteAreKingmanWithLambdaKappa() {
        double kappa = 0.9;
        int n = 4;
        List<int[]> partitions = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        enumerate(new int[n], 1, 1, partitions, index);
        RealMatrix generator = MatrixUtils.createRealMatrix(partitions.size(), partitions.size());
        for (int s = 0; s < partitions.size(); s++) {
            int[] p = partitions.get(s);
            int blocks = Arrays.stream(p).max().getAsInt() + 1;
            for (int a = 0; a < blocks; a++) {
                for (int b = a + 1; b < blocks; b++) {
                    int target = index.get(key(merge(p, a, b)));
                    generator.addToEntry(s, target, kappa);
                    generator.addToEntry(s, s, -kappa);
                }
            }
        }
        double t = 0.7;
        double[] row = MatrixUtils.matrixExponential(generator.scalarMultiply(t)).getRow(index.get(key(new int[] {0, 1, 2, 3})));
        double[] lumped = new double[n + 1];
        for (int s = 0; s < partitions.size(); s++) {
            lumped[Arrays.stream(partitions.get(s)).max().getAsInt() + 1] += row[s];
        }
        double[] kingman = new KingmanCoalescent(kappa).blockCountLaw(n, t);
        for (int k = 1; k <= n; k++) {
            assertEquals(lumped[k], kingman[k], 1e-12, "k = " + k);
        }
        for (int d = 1; d <= 3; d++) {
            assertEquals(kappa, TorusKingman.of(d, 1, 1, kappa).exactPairRate(), 1e-12, "T_1^" + d);
        }
    }

    /** Restricted growth strings of length n: p[0] = 0, p[i] <= 1 + max(p[0..i-1]). */
    private static void enumerate(int[] p, int position, int blocks, List<int[]> out, Map<String, Integer> index) {
        if (position == p.length) {
            index.put(key(p), out.size());
            out.add(p.clone());
            return;
        }
        for (int b = 0; b <= blocks; b++) {
            p[position] = b;
            enumerate(p, position + 1, Math.max(blocks, b + 1), out, index);
        }
    }

    /** Blocks a &lt; b merged into a, relabelled to a restricted growth string. */
    private static int[] merge(int[] p, int a, int b) {
        int[] q = new int[p.length];
        int[] relabel = new int[p.length + 1];
        Arrays.fill(relabel, -1);
        int next = 0;
        for (int i = 0; i < p.length; i++) {
            int block = p[i] == b ? a : p[i];
            if (relabel[block] < 0) {
                relabel[block] = next++;
            }
            q[i] = relabel[block];
        }
        return q;
    }

    private static String key(int[] p) {
        return Arrays.toString(p);
    }
}
