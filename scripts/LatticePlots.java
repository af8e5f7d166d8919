import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.lattice.LatticeStepper;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.lattice.KingmanCoalescent;
import org.coag.core.theory.lattice.LatticeRecipe;
import org.coag.core.theory.lattice.TorusKingman;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of docs/lattice.md's worked example ("The regimes, measured"): rate-1 walkers on T_L^3,
 * coalescence on arrival, coagulation, on the reference backend's lattice stepper.
 *
 * <ul>
 *   <li>lattice-smoluchowski.png: the survivor fraction from one walker per site, L = 16, 32, 64, against
 *       the constant-kernel ODE with the lattice recipe's beta, the ODE without depletion (beta = 2), and
 *       Kingman's mean block count with the exact pair rate from the moment the ODE leaves 200 walkers;</li>
 *   <li>lattice-smoluchowski-ratio.png: the same, over the ODE with the lattice recipe's beta;</li>
 *   <li>lattice-kingman.png: 8 walkers at distinct uniform sites of T_8^3, the mean count over 2000 seeds
 *       against Kingman's with the exact pair rate and with the asymptotic one, beta / L^3.</li>
 * </ul>
 *
 * Run from the repository root after {@code ./coag --version} has built the jar (a few minutes on 2 cores):
 * <pre>java -cp engine-cli/target/coag.jar scripts/LatticePlots.java docs/img</pre>
 */
public class LatticePlots {
    private static final double BETA = LatticeRecipe.rate(3, Double.POSITIVE_INFINITY, 1, 1);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/img");
        Files.createDirectories(out);
        smoluchowski(out.resolve("lattice-smoluchowski.png"), out.resolve("lattice-smoluchowski-ratio.png"));
        kingman(out.resolve("lattice-kingman.png"));
    }

    private static ModelSpec spec(int side, String start, int particles, double dt) {
        String toml = String.join("\n", "[model]", "space = \"lattice\"", "dim = 3", "mode = \"coagulation\"",
                particles > 0 ? "particles = " + particles : "", "[model.lattice]", "side = " + side, "boundary = \"torus\"",
                "coalescence = \"instantaneous\"", "start = \"" + start + "\"", "[time]", "dt = " + dt, "steps = 100000000");
        return ConfigReader.read(toml, List.of()).model();
    }

    /** The exact coalescence times of one run, in order, until {@code until} walkers remain or time {@code tEnd}. */
    private static double[] coalescences(ModelSpec spec, long seed, ParticleState state, int until, double tEnd) {
        LatticeStepper stepper = new LatticeStepper(spec, seed);
        List<Double> times = new ArrayList<>();
        stepper.setTrace((time, lo, hi, survivor) -> times.add(time));
        for (long s = 0; state.count() > until && s * spec.dt() < tEnd; s++) {
            stepper.step(s, state, (step, kind, lo, hi, mLo, mHi, survivor) -> { });
        }
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double[] logGrid(double from, double to, int points) {
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = from * Math.pow(to / from, i / (points - 1.0));
        }
        return t;
    }

    /** Walkers left at each time: start minus the coalescences at or before it. */
    private static double[] countAt(double[] coalescences, long start, double[] t) {
        double[] n = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            int k = Arrays.binarySearch(coalescences, t[i]);
            n[i] = start - (k >= 0 ? k + 1 : -k - 1);
        }
        return n;
    }

    private static void smoluchowski(Path file, Path ratioFile) throws Exception {
        XYChart c = chart("Survivor fraction on T_L^3 from one walker per site", "t (jumps per walker)", "survivor fraction h");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0E0");
        XYChart r = chart("Survivor fraction over the lattice recipe's ODE", "t (jumps per walker)", "h / h_ODE");
        r.getStyler().setXAxisLogarithmic(true);
        r.getStyler().setYAxisMin(0.0);
        r.getStyler().setYAxisMax(1.5);
        r.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        double tMax = 2e5;
        double[] grid = logGrid(0.5, tMax, 60);
        double[] ode = new double[grid.length];
        double[] flat = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            ode[i] = LatticeRecipe.meanFieldDensity(1, BETA, grid[i], false);
            flat[i] = LatticeRecipe.meanFieldDensity(1, LatticeRecipe.noDepletionArrivalRate(2), grid[i], false);
        }
        line(c, String.format(Locale.ROOT, "ODE, lattice recipe beta = %.4f", BETA), grid, ode, Color.BLACK, false);
        line(c, "ODE without depletion, beta = 2", grid, flat, Color.GRAY, true);
        line(r, "ODE, lattice recipe beta", grid, ratio(ode, ode), Color.BLACK, false);
        line(r, "ODE without depletion, beta = 2", grid, ratio(flat, ode), Color.GRAY, true);
        Color[] colours = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44)};
        int[] sides = {16, 32, 64};
        for (int i = 0; i < sides.length; i++) {
            int side = sides[i];
            long started = System.nanoTime();
            ModelSpec spec = spec(side, "one_per_site", 0, side / 4.0);
            ParticleState state = InitialStates.generate(spec, 1);
            long walkers = state.count();
            double[] times = coalescences(spec, 1, state, 1, tMax);
            double[] n = countAt(times, walkers, grid);
            List<double[]> kept = new ArrayList<>();
            for (int k = 0; k < grid.length; k++) {
                if (n[k] >= 1 && (k == 0 || n[k - 1] > 1)) {
                    kept.add(new double[] {grid[k], n[k] / walkers});
                }
            }
            double[] tm = kept.stream().mapToDouble(p -> p[0]).toArray();
            double[] hm = kept.stream().mapToDouble(p -> p[1]).toArray();
            double[] odeAt = Arrays.stream(tm).map(t -> LatticeRecipe.meanFieldDensity(1, BETA, t, false)).toArray();
            points(c, "L = " + side + ", measured", tm, hm, colours[i]);
            points(r, "L = " + side + ", measured", tm, ratio(hm, odeAt), colours[i]);
            KingmanCoalescent kingman = TorusKingman.of(3, side, 1, Double.POSITIVE_INFINITY).coalescent(true);
            int from = KingmanCoalescent.MAX_BLOCKS;
            double t0 = (walkers / (double) from - 1) / (BETA / 2);
            double[] tk = logGrid(t0, tMax, 40);
            double[] hk = new double[tk.length];
            for (int k = 0; k < tk.length; k++) {
                hk[k] = kingman.meanBlocks(from, tk[k] - t0) / walkers;
            }
            line(c, "L = " + side + ", Kingman from " + from + " walkers", tk, hk, colours[i], true);
            double[] odeK = Arrays.stream(tk).map(t -> LatticeRecipe.meanFieldDensity(1, BETA, t, false)).toArray();
            line(r, "L = " + side + ", Kingman from " + from + " walkers", tk, ratio(hk, odeK), colours[i], true);
            System.err.printf(Locale.ROOT, "L = %d: %d walkers, %.1f s%n", side, walkers, (System.nanoTime() - started) / 1e9);
        }
        c.getStyler().setYAxisMin(1e-6);
        save(c, file);
        save(r, ratioFile);
    }

    private static double[] ratio(double[] a, double[] b) {
        double[] q = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            q[i] = a[i] / b[i];
        }
        return q;
    }

    private static void points(XYChart c, String name, double[] x, double[] y, Color colour) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }

    private static void kingman(Path file) throws Exception {
        int side = 8;
        int walkers = 8;
        int runs = 2000;
        TorusKingman theory = TorusKingman.of(3, side, 1, Double.POSITIVE_INFINITY);
        double lambda = theory.exactPairRate();
        double[] grid = new double[41];
        double[] lambdaT = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i * 0.1 / lambda;
            lambdaT[i] = i * 0.1;
        }
        ModelSpec spec = spec(side, "one_site", walkers, 0.25 / lambda);
        SplittableRandom random = new SplittableRandom(7);
        double[] mean = new double[grid.length];
        for (int r = 0; r < runs; r++) {
            int[] chosen = random.ints(0, side * side * side).distinct().limit(walkers).toArray();
            ParticleState state = new ParticleState(3, walkers);
            for (int i = 0; i < walkers; i++) {
                state.ids()[i] = i;
                state.masses()[i] = 1;
                state.positions()[0][i] = chosen[i] % side;
                state.positions()[1][i] = chosen[i] / side % side;
                state.positions()[2][i] = chosen[i] / (side * side);
            }
            state.setCount(walkers);
            double[] n = countAt(coalescences(spec, 9000 + r, state, 1, Double.POSITIVE_INFINITY), walkers, grid);
            for (int i = 0; i < grid.length; i++) {
                mean[i] += n[i] / runs;
            }
        }
        double[] exact = new double[grid.length];
        double[] asymptotic = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            exact[i] = theory.coalescent(true).meanBlocks(walkers, grid[i]);
            asymptotic[i] = theory.coalescent(false).meanBlocks(walkers, grid[i]);
        }
        XYChart c = chart(String.format(Locale.ROOT, "%d walkers on T_%d^3, mean of %d runs", walkers, side, runs),
                String.format(Locale.ROOT, "lambda t (exact lambda = 1/%.1f per unit time)", 1 / lambda),
                "mean number of walkers");
        points(c, "measured", lambdaT, mean, new Color(31, 119, 180));
        line(c, String.format(Locale.ROOT, "Kingman, exact lambda = 1/%.1f", 1 / lambda), lambdaT, exact, Color.BLACK, false);
        line(c, String.format(Locale.ROOT, "Kingman, lambda = beta/L^3 = 1/%.1f", 1 / theory.asymptoticPairRate()), lambdaT, asymptotic,
                Color.GRAY, true);
        c.getStyler().setYAxisMin(0.0);
        save(c, file);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(820).height(460).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(5);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        c.getStyler().setPlotGridLinesStroke(new BasicStroke(0.5f));
        c.getStyler().setXAxisDecimalPattern("0.##");
        c.getStyler().setYAxisDecimalPattern("0.##");
        return c;
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Color colour, boolean dashed) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(dashed ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                : new BasicStroke(1.5f));
    }

    private static void save(XYChart c, Path file) throws Exception {
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + file);
    }
}
