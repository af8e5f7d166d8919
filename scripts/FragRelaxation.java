import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.Fragmentation;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.BetaRecipe;
import org.coag.core.theory.fragmentation.CanonicalSpectrum;
import org.coag.core.theory.fragmentation.CoagFragEquilibrium;
import org.coag.core.theory.fragmentation.CoagFragOde;
import org.coag.core.theory.fragmentation.DualFragmentation;

/**
 * The mass spectrum of a run with the dual fragmentation rule from a monodisperse start (mass 1,
 * uniform in a torus) against the coagulation-fragmentation ODE (docs/fragmentation.md, "Relaxation
 * against the ODE"): counts per mass at the run's observations, measured (mass_spectrum.csv) and
 * predicted, count = f_k N / rho (rho = sigma N / |L| the mass density), from f_1(0) = rho by two
 * pairings of the kernels:
 * <ul>
 *   <li>{@code ode}: the recipe's beta with the split kernel G beta / naive beta (the pair problem
 *       with the split as a source: the dilute limit away from equilibrium, docs/theory.md);</li>
 *   <li>{@code naive}: the naive beta with the bare G (no depletion of the pair correlation).</li>
 * </ul>
 * Both have the equilibrium f*_k theta^k; {@code equilibrium} is the exact mean count of the finite
 * torus (the product Poisson measure conditioned on the total mass, for N up to 20000; beyond, its
 * large-N limit f*_k theta^k N / rho).
 *
 * <p>Run from the repository root after {@code ./coag --version} has built the jar:
 * <pre>java -cp engine-cli/target/coag.jar scripts/FragRelaxation.java RUN_DIR [MASSES] [ROWS]</pre>
 * prints, at about ROWS (default 8) observation times, masses 1..MASSES (default 6) and the number
 * of particles, and writes every observation to RUN_DIR/frag-relaxation.csv
 * ({@code t, mass, count, ode, naive, equilibrium}; mass 0 is the number of particles).
 */
public class FragRelaxation {
    private static final int ODE_MASSES = 80;
    private static final int CANONICAL_UP_TO = 20000;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FragRelaxation RUN_DIR [MASSES] [ROWS]");
            System.exit(2);
        }
        Path run = Path.of(args[0]);
        int shown = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        RunConfig cfg = ConfigReader.read(Files.readString(run.resolve("config.toml")), List.of());
        ModelSpec spec = cfg.model();
        String refusal = refusal(spec, Files.readString(run.resolve("config.toml")));
        if (refusal != null) {
            System.err.println("FragRelaxation: " + refusal);
            System.exit(1);
        }
        int n = spec.particles();
        double rho = spec.initialDensity();
        double perDensity = n / rho;
        DualFragmentation dual = new DualFragmentation(spec, spec.fragmentation().equilibrium());
        BetaRecipe recipe = BetaRecipe.of(spec);

        TreeMap<Double, TreeMap<Integer, Long>> measured = spectra(run.resolve("mass_spectrum.csv"));
        double[] times = measured.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] f0 = new double[ODE_MASSES];
        f0[0] = rho;
        CoagFragOde corrected = new CoagFragOde(recipe::at, (a, b) -> dual.splitKernel(recipe, a, b) * recipe.at(a, b) / recipe.naive(a, b),
                ODE_MASSES);
        CoagFragOde naive = new CoagFragOde(recipe::naive, (a, b) -> dual.splitKernel(recipe, a, b), ODE_MASSES);
        double[][] ode = corrected.solve(f0, times, 1e-10, 1e-14 * rho);
        double[][] odeNaive = naive.solve(f0, times, 1e-10, 1e-14 * rho);
        double[] equilibrium = equilibrium(spec, dual, perDensity, rho, n);

        System.out.printf(Locale.ROOT, "N = %d, rho = %.6g (rho / 2 = %.6g), f*_1 = %.6g; beta(1,1) = %.4g, naive %.4g; "
                + "eps = %.4g, dt = %.4g%n", n, rho, rho / 2, spec.fragmentation().equilibrium().at(1), recipe.at(1, 1), recipe.naive(1, 1),
                spec.eps(), spec.dt());
        System.out.println("counts: measured / ode (recipe beta, corrected G) / naive (naive beta, bare G); 'all' = number of particles");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s %7s", "t", "step"));
        head.append(String.format(Locale.ROOT, " %26s", "all"));
        for (int k = 1; k <= shown; k++) {
            head.append(String.format(Locale.ROOT, " %26s", "mass " + k));
        }
        System.out.println(head);
        int stride = Math.max(1, (times.length - 1) / Math.max(1, rows - 1));
        for (int j = 0; j < times.length; j++) {
            if (j % stride != 0 && j != times.length - 1) {
                continue;
            }
            TreeMap<Integer, Long> counts = measured.get(times[j]);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%10.4g %7d", times[j], Math.round(times[j] / spec.dt())));
            line.append(cell(total(counts), sum(ode[j]) * perDensity, sum(odeNaive[j]) * perDensity));
            for (int k = 1; k <= shown; k++) {
                line.append(cell(counts.getOrDefault(k, 0L), ode[j][k - 1] * perDensity, odeNaive[j][k - 1] * perDensity));
            }
            System.out.println(line);
        }
        StringBuilder eq = new StringBuilder(String.format(Locale.ROOT, "%18s", "equilibrium"));
        eq.append(String.format(Locale.ROOT, " %26.1f", sum(equilibrium)));
        for (int k = 1; k <= shown; k++) {
            eq.append(String.format(Locale.ROOT, " %26.1f", equilibrium[k - 1]));
        }
        System.out.println(eq);

        Path csv = run.resolve("frag-relaxation.csv");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println("t,mass,count,ode,naive,equilibrium");
            for (int j = 0; j < times.length; j++) {
                TreeMap<Integer, Long> counts = measured.get(times[j]);
                out.printf(Locale.ROOT, "%.10g,0,%d,%.6f,%.6f,%.6f%n", times[j], total(counts), sum(ode[j]) * perDensity,
                        sum(odeNaive[j]) * perDensity, sum(equilibrium));
                for (int k = 1; k <= ODE_MASSES; k++) {
                    out.printf(Locale.ROOT, "%.10g,%d,%d,%.6f,%.6f,%.6f%n", times[j], k, counts.getOrDefault(k, 0L), ode[j][k - 1] * perDensity,
                            odeNaive[j][k - 1] * perDensity, equilibrium[k - 1]);
                }
            }
        }
        System.out.println("written " + csv);
    }

    private static String refusal(ModelSpec spec, String config) {
        if (spec.fragmentation().rule() != Fragmentation.Rule.DUAL) {
            return "the run has no dual fragmentation rule (model.fragmentation.rule = \"dual\")";
        }
        if (spec.freeSpace() || spec.isLattice()) {
            return "the ODE describes a homogeneous torus; this run is not one";
        }
        if (!config.contains("initial.type = 'uniform'") || !config.contains("initial.mass.type = 'mono'")
                || !config.contains("initial.mass.value = 1\n")) {
            return "the comparison starts from particles of mass 1, uniform in the torus (initial.type = \"uniform\", mono mass 1)";
        }
        return null;
    }

    /** E N_k of the finite torus (canonical) for N up to CANONICAL_UP_TO, else f*_k theta^k N / rho. */
    private static double[] equilibrium(ModelSpec spec, DualFragmentation dual, double perDensity, double rho, int n) {
        if (n <= CANONICAL_UP_TO) {
            return CanonicalSpectrum.meanCounts(k -> spec.fragmentation().equilibrium().at(k) * perDensity, n, ODE_MASSES);
        }
        double[] f = CoagFragEquilibrium.ofFamily(k -> spec.fragmentation().equilibrium().at(k), ODE_MASSES, rho);
        for (int k = 0; k < f.length; k++) {
            f[k] *= perDensity;
        }
        return f;
    }

    private static String cell(long count, double ode, double naive) {
        return String.format(Locale.ROOT, " %8d /%8.1f /%7.1f", count, ode, naive);
    }

    private static long total(TreeMap<Integer, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double sum(double[] f) {
        double s = 0;
        for (double v : f) {
            s += v;
        }
        return s;
    }

    /** mass_spectrum.csv: step, t, mass, count by observation time. */
    private static TreeMap<Double, TreeMap<Integer, Long>> spectra(Path file) throws Exception {
        TreeMap<Double, TreeMap<Integer, Long>> out = new TreeMap<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.computeIfAbsent(Double.parseDouble(f[1]), t -> new TreeMap<>()).merge(Integer.parseInt(f[2]), Long.parseLong(f[3]), Long::sum);
        }
        return out;
    }
}
