package org.coag.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.BumpKernel;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.model.RadialKernel;
import org.coag.core.model.TableKernel;
import org.junit.jupiter.api.Test;

/** The beta recipe (1.7)-(1.8), (2.4) and section 3.4 against closed forms and limits. */
class BetaRecipeTest {
    private static final DoiKernel DOI = new DoiKernel();

    static ModelSpec spec(String model) {
        return ConfigReader.read("[model]\nparticles = 100\neps = 0.001\n" + model + "\n[time]\nsteps = 1\n", List.of()).model();
    }

    /** Numerical g(c) for the Doi kernel in d = 3 against 4 pi (1 - tanh k / k), c over nine decades. */
    @Test
    void solverReproducesTheDoiClosedForm() {
        RadialBetaSolver solver = new RadialBetaSolver(DOI, 3);
        for (double c : new double[] {1e-3, 0.1, 1, 2.5, 10, 1e3, 1e6}) {
            RadialBetaSolver.Result r = solver.solve(c);
            double exact = BetaRecipe.doi3(c);
            double rel = Math.abs(r.perDiffusivity() / exact - 1);
            System.out.printf("Doi d=3 c=%-8g numeric %.15f exact %.15f rel.err %.2e (estimate %.1e, %d steps)%n",
                    c, r.perDiffusivity(), exact, rel, r.relativeError(), r.steps());
            assertTrue(rel <= 1e-9, "c = " + c + ": relative error " + rel);
        }
    }

    /**
     * Fixed grids n, 2n, 4n, ...: the error ratio gives the observed order, 4 for RK4 once the grid
     * resolves the bump's steep edge (n >= 128; coarser grids are pre-asymptotic).
     */
    @Test
    void convergesAtFourthOrderInTheRadialGrid() {
        for (RadialKernel v : new RadialKernel[] {DOI, new BumpKernel()}) {
            RadialBetaSolver solver = new RadialBetaSolver(v, 3);
            double c = 5;
            double best = solver.solve(c, 1e-13).perDiffusivity();
            double previous = Double.NaN;
            for (int n = 16; n <= 512; n *= 2) {
                double err = Math.abs(solver.solveOnGrid(c, n) - best);
                double order = Math.log(previous / err) / Math.log(2);
                System.out.printf("%s d=3 c=%g grid %4d error %.3e observed order %.2f%n", v.name(), c, n, err, order);
                if (n >= 128) {
                    assertEquals(4.0, order, 0.3, v.name() + " at n = " + n);
                }
                previous = err;
            }
        }
    }

    /**
     * Small alpha: alpha integral(V). Large alpha: the capacity of the support, (d-2) |S^(d-1)| D
     * (4 pi D in d = 3), reached by the Doi kernel; the bump vanishes to all orders at its edge, so its
     * effective absorbing radius (where c V ~ 1) creeps towards 1 only logarithmically in c: for it we
     * check growth towards the limit from below.
     */
    @Test
    void approachesTheNaiveAndDiffusionLimitedRates() {
        for (int d = 3; d <= 4; d++) {
            for (RadialKernel v : new RadialKernel[] {DOI, new BumpKernel()}) {
                RadialBetaSolver solver = new RadialBetaSolver(v, d);
                double c = 1e-6;
                double small = solver.solve(c).perDiffusivity() / c;
                double naive = v.integral(d);
                double large = solver.solve(1e8).perDiffusivity();
                double capacity = (d - 2) * RadialKernel.unitSphereArea(d);
                System.out.printf("%s d=%d: g(c)/c at c=1e-6 %.8f vs integral(V) %.8f; g(1e8) %.6f vs (d-2)|S| %.6f%n",
                        v.name(), d, small, naive, large, capacity);
                assertEquals(naive, small, 2e-6 * naive, "small alpha");
                assertTrue(large < capacity, "the diffusion-limited rate is approached from below");
                if (v == DOI) {
                    assertEquals(capacity, large, 2e-3 * capacity, "large alpha");
                } else {
                    double larger = solver.solve(1e12).perDiffusivity();
                    System.out.printf("bump d=%d: g(1e12) %.6f%n", d, larger);
                    assertTrue(large < larger && larger < capacity && larger > 0.9 * capacity, "bump: towards the capacity");
                }
            }
        }
    }

    /** A table kernel equal to 1 on [0, 1) (breakpoints at 0.3, 0.7) is the Doi kernel. */
    @Test
    void tableKernelMatchesTheKernelItTabulates() {
        TableKernel flat = new TableKernel(new double[] {0, 0.3, 0.7, 1}, new double[] {1, 1, 1, 1});
        double c = 3;
        assertEquals(BetaRecipe.doi3(c), new RadialBetaSolver(flat, 3).solve(c).perDiffusivity(), 1e-9 * BetaRecipe.doi3(c));
    }

    @Test
    void modelRulesScalingsAndProfile() {
        ModelSpec doi3 = spec("dim = 3\n[model.alpha]\nvalue = 2.0");
        BetaRecipe r = BetaRecipe.of(doi3);
        assertEquals(BetaRecipe.Rule.DOI_CLOSED_FORM, r.rule());
        assertEquals(8 * Math.PI * (1 - Math.tanh(1)), r.at(1, 1), 1e-12, "D = 2, k = 1");
        assertEquals(2 * 4 * Math.PI / 3, r.naive(1, 1), 1e-12);

        BetaRecipe planar = BetaRecipe.of(spec("dim = 2\n[model.alpha]\nvalue = 2.0"));
        double a = 2 * Math.PI;
        assertEquals(2 * Math.PI * 2 * a / (2 * Math.PI * 2 + a), planar.at(1, 1), 1e-12, "(2.4) with alpha integral(V)");

        BetaRecipe planarB = BetaRecipe.of(spec("dim = 2\nb = 0.5\n[model.alpha]\nvalue = 2.0"));
        assertEquals(planarB.naive(1, 1), planarB.at(1, 1), 0.0, "section 3.4 in d = 2: naive");

        ModelSpec radii = spec("dim = 4\n[model.kernel]\ntype = \"bump\"\n[model.radii]\ntype = \"power\"\ncoefficient = 1.0\nexponent = 0.5\n"
                + "[model.diffusion]\ntype = \"power\"\ncoefficient = 1.0\nexponent = -0.5");
        BetaRecipe rr = BetaRecipe.of(radii);
        assertEquals(BetaRecipe.Rule.RADIAL_SOLVER, rr.rule());
        double d23 = Math.pow(2, -0.5) + Math.pow(3, -0.5);
        double s = Math.sqrt(2) + Math.sqrt(3);
        double expected = s * s * d23 * new RadialBetaSolver(new BumpKernel(), 4).solve(1 / d23).perDiffusivity();
        assertEquals(expected, rr.at(2, 3), 1e-14 * expected, "beta(n,m) = s^(d-2) D g(alpha / D)");
        assertEquals(rr.at(2, 3), rr.at(3, 2), 0.0);

        BetaTable table = BetaTable.build(radii, 8);
        assertEquals(rr.at(5, 7), table.at(5, 7), 0.0);
        assertEquals(table.at(7, 5), table.at(5, 7), 0.0);
        assertThrows(ModelException.class, () -> new RadialBetaSolver(DOI, 2));
    }

    /**
     * P_{N,b}, b < 1, at finite eps: the b = 1 problem at strength lambda = alpha eps^((d-2)(1-b)),
     * rescaled by alpha / lambda. Checked against the Doi closed form and the radial solver called
     * directly, and against both limits: the naive value as eps -> 0 and the b = 1 recipe as b -> 1.
     */
    @Test
    void pnbAtFiniteEpsIsTheUnitProblemAtTheWeakerStrength() {
        double lambda = 2.0 * Math.pow(0.001, 0.5);
        BetaRecipe doi = BetaRecipe.of(spec("dim = 3\nb = 0.5\n[model.alpha]\nvalue = 2.0"));
        assertEquals(BetaRecipe.Rule.FINITE_EPS_B_BELOW_ONE, doi.rule());
        assertEquals(lambda, doi.effectiveStrength(2.0), 1e-15 * lambda);
        double k = Math.sqrt(lambda / 2);
        double closed = 2.0 / lambda * 2 * 4 * Math.PI * (1 - Math.tanh(k) / k);
        assertEquals(closed, doi.at(1, 1), 1e-10 * closed, "Doi, d = 3, D = 2");
        assertEquals(doi.naive(1, 1), doi.limit(1, 1), 0.0);
        System.out.printf("P_{N,b} Doi d=3 alpha=2 eps=1e-3 b=0.5: finite eps %.10f, naive limit %.10f, b = 1 recipe %.10f%n",
                doi.at(1, 1), doi.naive(1, 1), 8 * Math.PI * (1 - Math.tanh(1)));

        BetaRecipe bump = BetaRecipe.of(spec("dim = 4\nb = 0.8\n[model.kernel]\ntype = \"bump\"\n[model.alpha]\nvalue = 3.0"));
        double l4 = 3.0 * Math.pow(0.001, 2 * 0.2);
        double direct = 3.0 / l4 * 2 * new RadialBetaSolver(new BumpKernel(), 4).solve(l4 / 2).perDiffusivity();
        assertEquals(direct, bump.at(1, 1), 1e-14 * direct, "bump, d = 4, b = 0.8");
        double recipe4 = BetaRecipe.of(spec("dim = 4\n[model.kernel]\ntype = \"bump\"\n[model.alpha]\nvalue = 3.0")).at(1, 1);
        assertTrue(recipe4 < bump.at(1, 1) && bump.at(1, 1) < bump.naive(1, 1), "between the recipe and the naive value");

        double tiny = BetaRecipe.of(ConfigReader.read("[model]\nparticles = 100\neps = 1e-14\ndim = 3\nb = 0.5\n[model.alpha]\nvalue = 2.0\n"
                + "[time]\nsteps = 1\n", List.of()).model()).at(1, 1);
        assertEquals(doi.naive(1, 1), tiny, 1e-6 * tiny, "eps -> 0: naive (lambda = 2e-7)");
        double nearOne = BetaRecipe.of(spec("dim = 3\nb = 0.999999\n[model.alpha]\nvalue = 2.0")).at(1, 1);
        assertEquals(8 * Math.PI * (1 - Math.tanh(1)), nearOne, 1e-4, "b -> 1: the recipe");
    }

    /** The Doi closed form below k = 0.01 switches to its series; both agree where they meet and beyond. */
    @Test
    void doiSeriesMeetsTheClosedForm() {
        for (double c : new double[] {0.99e-4, 1e-4, 1.01e-4}) {
            double k = Math.sqrt(c);
            double closed = 4 * Math.PI * (1 - Math.tanh(k) / k);
            assertEquals(closed, BetaRecipe.doi3(c), 1e-10 * closed, "c = " + c);
        }
        double c = 1e-12;
        assertEquals(4 * Math.PI * (c / 3 - 2 * c * c / 15), BetaRecipe.doi3(c), 1e-15 * 4 * Math.PI * c / 3);
    }

    /** u of the Doi kernel in d = 3: 1 - sinh(k r) / (r k cosh k) inside, u(1) / r outside. */
    @Test
    void profileMatchesTheDoiSolution() {
        double c = 4;
        double k = 2;
        double[][] rows = new RadialBetaSolver(DOI, 3).profile(c, 3, 20);
        for (double[] row : rows) {
            double r = row[0];
            double exact = r == 0 ? 1 - 1 / Math.cosh(k) : r <= 1 ? 1 - Math.sinh(k * r) / (r * k * Math.cosh(k))
                    : (1 - Math.tanh(k) / k) / r;
            assertEquals(exact, row[1], 1e-9, "u(" + r + ")");
        }
    }
}
