package org.coag.core.observe.equilibrium;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coag.core.config.EquilibriumSettings;
import org.coag.core.io.Json;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.observe.Observable;

/**
 * The equilibrium observables of a run ({@code [observe.equilibrium]}), averaged over the
 * observations from {@code from_time} on, every {@code every_steps}: the pair correlation by mass
 * pair g_nm(r) ({@link PairCounts}: pairs found over the product-Poisson count, pooled over the
 * observations, with the Poisson error sqrt(pairs) / expected) and the dispersion index of particle
 * counts in cubes ({@link CubeCounts}: variance over mean per mass and in all, averaged over the
 * observations, with its error under the Poisson hypothesis for independent observations).
 *
 * <p>Outputs: {@code equilibrium.json} (everything), {@code pair_correlation.csv} (the bins, one row
 * per mass pair and bin) and summary fields {@code g_inside_n_m} with {@code g_inside_n_m_error} for
 * (1,1), (1,2), (2,2) (those within {@code masses}) and {@code count_variance_over_mean}, the mean of
 * the dispersion indices over cube sides and classes. Lengths are in range units s(1,1) eps^b.
 */
public final class EquilibriumObservables implements Observable {
    /** Its output files. */
    public static final String JSON = "equilibrium.json";
    /** The pair correlation by bin. */
    public static final String CSV = "pair_correlation.csv";

    private final EquilibriumSettings settings;
    private final ModelSpec spec;
    private final MassPairs classes;
    private final int[] perAxis;
    private int observations;
    private long firstStep = -1;
    private long lastStep = -1;
    private final long[][] pairs;
    private final double[][] expected;
    private final long[] inside;
    private final double[] insideExpected;
    /** Per cube grid, per class (masses 1..M, all): observations, sum R, sum R^2, sum null variance, sum mean count. */
    private final double[][][] dispersion;

    /**
     * @param settings the [observe.equilibrium] settings (enabled)
     * @param spec the model (a torus)
     */
    public EquilibriumObservables(EquilibriumSettings settings, ModelSpec spec) {
        this.settings = settings;
        this.spec = spec;
        this.classes = new MassPairs(settings.masses());
        double[] sides = settings.cubeSides();
        this.perAxis = new int[sides.length];
        for (int s = 0; s < sides.length; s++) {
            perAxis[s] = (int) Math.round(spec.domain().side() / (sides[s] * spec.rangeUnit(1, 1)));
        }
        this.pairs = new long[classes.size()][settings.bins()];
        this.expected = new double[classes.size()][settings.bins()];
        this.inside = new long[classes.size()];
        this.insideExpected = new double[classes.size()];
        this.dispersion = new double[sides.length][settings.masses() + 1][5];
    }

    @Override
    public String name() {
        return "equilibrium";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public long nextStep(long step) {
        return settings.nextStep(step);
    }

    @Override
    public void observe(Sample sample) {
        PairCounts p = PairCounts.measure(spec, sample.state(), classes, settings.bins(), settings.rMax());
        for (int c = 0; c < classes.size(); c++) {
            for (int b = 0; b < settings.bins(); b++) {
                pairs[c][b] += p.counts()[c][b];
                expected[c][b] += p.expected()[c][b];
            }
            inside[c] += p.inside()[c];
            insideExpected[c] += p.insideExpected()[c];
        }
        for (int s = 0; s < perAxis.length; s++) {
            CubeCounts cubes = CubeCounts.measure(sample.state(), perAxis[s], settings.masses());
            double volumes = Math.pow(perAxis[s], spec.dim());
            for (int c = 0; c <= settings.masses(); c++) {
                if (cubes.total()[c] > 0) {
                    double[] d = dispersion[s][c];
                    double r = cubes.ratio()[c];
                    d[0]++;
                    d[1] += r;
                    d[2] += r * r;
                    d[3] += cubes.nullVariance()[c];
                    d[4] += cubes.total()[c] / volumes;
                }
            }
        }
        observations++;
        firstStep = firstStep < 0 ? sample.step() : firstStep;
        lastStep = sample.step();
    }

    /**
     * @param c a class
     * @return {g, its Poisson error} inside the interaction range, pooled over the observations
     */
    double[] insideRatio(int c) {
        double e = insideExpected[c];
        return new double[] {inside[c] / e, Math.sqrt(inside[c]) / e};
    }

    /**
     * @param s a cube grid
     * @param c a class (masses 1..M, then all)
     * @return {mean count per cube, R averaged, its error under the null, its error from the spread}
     */
    double[] dispersionOf(int s, int c) {
        double[] d = dispersion[s][c];
        double t = d[0];
        double mean = d[1] / t;
        double spread = t > 1 ? Math.sqrt(Math.max(0, d[2] / t - mean * mean) / (t - 1)) : Double.NaN;
        return new double[] {d[4] / t, mean, Math.sqrt(d[3]) / t, spread};
    }

    @Override
    public void summarize(Map<String, Object> summary) {
        summary.put("equilibrium_observations", observations);
        int[][] reported = {{1, 1}, {1, 2}, {2, 2}};
        for (int[] nm : reported) {
            int c = classes.of(nm[0], nm[1]);
            if (c >= 0) {
                double[] g = insideRatio(c);
                summary.put("g_inside_" + nm[0] + "_" + nm[1], g[0]);
                summary.put("g_inside_" + nm[0] + "_" + nm[1] + "_error", g[1]);
            }
        }
        double sum = 0;
        int entries = 0;
        for (int s = 0; s < perAxis.length; s++) {
            for (int c = 0; c <= settings.masses(); c++) {
                if (dispersion[s][c][0] > 0) {
                    sum += dispersionOf(s, c)[1];
                    entries++;
                }
            }
        }
        summary.put("count_variance_over_mean", entries > 0 ? sum / entries : Double.NaN);
    }

    @Override
    public void writeFiles(FileSink files) throws IOException {
        files.write(JSON, Json.MAPPER.writeValueAsString(report()));
        files.write(CSV, csv());
    }

    private Map<String, Object> report() {
        double unit = spec.rangeUnit(1, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("observations", observations);
        out.put("first_step", firstStep);
        out.put("last_step", lastStep);
        out.put("range_unit", unit);
        out.put("r_max", settings.rMax());
        Map<String, Object> byPair = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            Map<String, Object> one = new LinkedHashMap<>();
            double[] g = new double[settings.bins()];
            double[] err = new double[settings.bins()];
            for (int b = 0; b < g.length; b++) {
                g[b] = pairs[c][b] / expected[c][b];
                err[b] = Math.sqrt(pairs[c][b]) / expected[c][b];
            }
            one.put("pairs", pairs[c]);
            one.put("expected", expected[c]);
            one.put("g", g);
            one.put("g_error", err);
            double[] in = insideRatio(c);
            Map<String, Object> ins = new LinkedHashMap<>();
            if (c != classes.all()) {
                int[] nm = classes.massesOf(c);
                ins.put("range", spec.interactionRange(nm[0], nm[1]) / unit);
            }
            ins.put("pairs", inside[c]);
            ins.put("expected", insideExpected[c]);
            ins.put("g", in[0]);
            ins.put("g_error", in[1]);
            one.put("inside_range", ins);
            byPair.put(classes.label(c), one);
        }
        out.put("pair_correlation", byPair);
        List<Map<String, Object>> grids = new ArrayList<>();
        for (int s = 0; s < perAxis.length; s++) {
            Map<String, Object> grid = new LinkedHashMap<>();
            grid.put("side", spec.domain().side() / perAxis[s] / unit);
            grid.put("cubes_per_axis", perAxis[s]);
            Map<String, Object> byMass = new LinkedHashMap<>();
            for (int c = 0; c <= settings.masses(); c++) {
                double[] d = dispersionOf(s, c);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("observations", (long) dispersion[s][c][0]);
                one.put("mean_count", d[0]);
                one.put("variance_over_mean", d[1]);
                one.put("error", d[2]);
                one.put("error_observed", d[3]);
                byMass.put(c == settings.masses() ? "all" : Integer.toString(c + 1), one);
            }
            grid.put("by_mass", byMass);
            grids.add(grid);
        }
        out.put("count_variance", grids);
        return out;
    }

    private String csv() {
        double step = settings.rMax() / settings.bins();
        StringBuilder sb = new StringBuilder("pair,r_lo,r_hi,pairs,expected,g,g_error\n");
        for (int c = 0; c < classes.size(); c++) {
            for (int b = 0; b < settings.bins(); b++) {
                double e = expected[c][b];
                sb.append(classes.label(c)).append(',').append(num(b * step)).append(',').append(num((b + 1) * step)).append(',')
                        .append(pairs[c][b]).append(',').append(num(e)).append(',').append(num(pairs[c][b] / e)).append(',')
                        .append(num(Math.sqrt(pairs[c][b]) / e)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format("%.17g", v) : "";
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(observations);
        out.writeLong(firstStep);
        out.writeLong(lastStep);
        out.writeInt(classes.size());
        out.writeInt(settings.bins());
        out.writeInt(perAxis.length);
        for (int c = 0; c < classes.size(); c++) {
            for (int b = 0; b < settings.bins(); b++) {
                out.writeLong(pairs[c][b]);
                out.writeDouble(expected[c][b]);
            }
            out.writeLong(inside[c]);
            out.writeDouble(insideExpected[c]);
        }
        for (double[][] grid : dispersion) {
            for (double[] d : grid) {
                for (double v : d) {
                    out.writeDouble(v);
                }
            }
        }
    }

    @Override
    public void readState(DataInput in, int version) throws IOException {
        observations = in.readInt();
        firstStep = in.readLong();
        lastStep = in.readLong();
        int c0 = in.readInt();
        int b0 = in.readInt();
        int s0 = in.readInt();
        if (c0 != classes.size() || b0 != settings.bins() || s0 != perAxis.length) {
            throw new ModelException("resume: the checkpoint's equilibrium observables have another shape than observe.equilibrium asks now");
        }
        for (int c = 0; c < classes.size(); c++) {
            for (int b = 0; b < settings.bins(); b++) {
                pairs[c][b] = in.readLong();
                expected[c][b] = in.readDouble();
            }
            inside[c] = in.readLong();
            insideExpected[c] = in.readDouble();
        }
        for (double[][] grid : dispersion) {
            for (double[] d : grid) {
                for (int k = 0; k < d.length; k++) {
                    d[k] = in.readDouble();
                }
            }
        }
    }
}
