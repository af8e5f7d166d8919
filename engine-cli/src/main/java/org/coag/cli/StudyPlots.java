package org.coag.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.coag.core.study.PowerLawFit;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyPrediction;
import org.coag.core.study.StudyTheoryData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The study report's six figures (XChart), each written as PNG and SVG, legends beside the plot so they cover no data. */
final class StudyPlots {
    private static final int WIDTH = 860;
    private static final int HEIGHT = 420;
    /** Colours of the curves every N shares: the limit, the naive beta, another reference. */
    private static final Color[] SHARED = {Color.BLACK, new Color(200, 30, 30), new Color(120, 120, 120)};
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private StudyPlots() {
    }

    /**
     * Measured h(t) per N (points, one colour per N) against the reference curves: the limit and the
     * naive beta as solid lines, the finite-N prediction (where drawn) dashed in its N's colour.
     */
    static void survivors(StudyAnalysis a, List<StudyReference> refs, Path file) throws IOException {
        XYChart c = chart("Survivor fraction h(t)", "t", "h = survivors / N");
        Color[] colours = c.getStyler().getSeriesColors();
        for (int i = 0; i < a.particles().length; i++) {
            XYSeries s = points(c, "N = " + a.particles()[i] + " (" + seeds(a.seeds()[i]) + ")", a.times(), a.survivorFraction()[i]);
            s.setMarkerColor(colours[i % colours.length]);
        }
        int shared = 0;
        for (StudyReference ref : refs) {
            if (ref.perN() == null) {
                line(c, ref.label(), a.times(), ref.shared()).setLineColor(SHARED[shared++ % SHARED.length]);
                continue;
            }
            for (int i = 0; i < a.particles().length; i++) {
                XYSeries s = line(c, i == 0 ? ref.label() + ", dashed, colour of its N" : ref.label() + " " + i, a.times(), ref.perN()[i]);
                s.setLineColor(colours[i % colours.length]);
                s.setLineStyle(DASHED);
                s.setShowInLegend(i == 0);
            }
        }
        save(c, file);
    }

    /**
     * Measured spectra against the limit with the recipe's and the naive beta, over the masses the
     * particles reached (and two more), down to a tenth of the smallest measured value: the limit's
     * tail far below what any N resolves would only squeeze the axis.
     *
     * @param belowOne P_{N,b} with b &lt; 1: the naive curve is the limit, the recipe's is at the base config's eps
     */
    static void spectrum(StudyAnalysis a, boolean belowOne, Path file) throws IOException {
        XYChart c = chart(String.format(Locale.ROOT, "Mass spectrum at t = %.4g", a.times()[a.times().length - 1]), "mass n", "integral f_n");
        int shown = 1;
        double smallest = Double.POSITIVE_INFINITY;
        for (double[] measured : a.spectrum()) {
            for (int k = 0; k < measured.length; k++) {
                if (measured[k] > 0) {
                    shown = Math.max(shown, k + 1);
                    smallest = Math.min(smallest, measured[k]);
                }
            }
        }
        shown = Math.min(a.theorySpectrum().length, shown + 2);
        double[] n = new double[shown];
        for (int k = 0; k < shown; k++) {
            n[k] = k + 1;
        }
        for (int i = 0; i < a.particles().length; i++) {
            double[][] xy = positive(n, Arrays.copyOf(a.spectrum()[i], shown));
            points(c, "N = " + a.particles()[i], xy[0], xy[1]);
        }
        double[][] xy = positive(n, Arrays.copyOf(a.theorySpectrum(), shown));
        curve(c, belowOne ? "recipe at the base config's eps" : "limit eps -> 0 (recipe beta)", xy, SHARED[belowOne ? 2 : 0]);
        xy = positive(n, Arrays.copyOf(a.naiveSpectrum(), shown));
        curve(c, belowOne ? "limit eps -> 0 (naive beta)" : "naive beta", xy, SHARED[belowOne ? 0 : 1]);
        logAxisIfLabelled(c, new double[] {Double.isFinite(smallest) ? smallest / 10 : 1, a.theorySpectrum()[0]}, false);
        if (c.getStyler().isYAxisLogarithmic()) {
            c.getStyler().setYAxisDecimalPattern("0E0");
            c.getStyler().setYAxisMin(smallest / 10);
        }
        c.getStyler().setXAxisDecimalPattern("0");
        save(c, file);
    }

    /**
     * beta(1, 1) per N at its own eps (the recipe, and the slope expected in the fit window) and
     * measured, beside the limit; the recipe at each eps only where it is not the limit itself; the
     * naive value, often far off, is left to the table so the axis resolves the differences between N.
     */
    static void beta(StudyPrediction p, Path file) throws IOException {
        XYChart c = chart("beta(1,1) at each N's own eps, beside the limit", "N", "beta(1,1)");
        double[] n = Arrays.stream(p.particles()).asDoubleStream().toArray();
        logAxisIfLabelled(c, n, true);
        if (Arrays.stream(p.betaMeasured()).anyMatch(Double::isFinite)) {
            double[] se = Arrays.stream(p.betaMeasuredSe()).map(v -> Double.isFinite(v) ? v : 0).toArray();
            XYSeries s = c.addSeries("measured (mean of seeds +- s.e.)", n, p.betaMeasured(), se);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        if (Arrays.stream(p.betaInWindow()).allMatch(Double::isFinite)) {
            XYSeries s = c.addSeries("finite N: expected in the fit window", n, p.betaInWindow());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineStyle(DASHED);
        }
        if (Arrays.stream(p.betaAtEps()).anyMatch(b -> Math.abs(b - p.betaLimit()) > 1e-9 * p.betaLimit())) {
            XYSeries s = c.addSeries("finite N: recipe at its eps", n, p.betaAtEps());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        double[] ends = {n[0], n[n.length - 1]};
        line(c, "limit eps -> 0", ends, new double[] {p.betaLimit(), p.betaLimit()}).setLineColor(SHARED[0]);
        save(c, file);
    }

    static void profile(StudyAnalysis a, StudyTheoryData t, boolean radial, Path file) throws IOException {
        XYChart c = chart(String.format(Locale.ROOT, "Density at t = %.4g, N = %d", a.times()[a.times().length - 1], a.particles()[a.particles().length - 1]),
                radial ? "r (distance from the start's centre)" : "x_1 (other axes averaged)", "f_n");
        double[] x = a.profileCoordinate();
        if (x.length > 1) {
            c.getStyler().setXAxisMin(Math.floor(x[0] * 10) / 10);
            c.getStyler().setXAxisMax(Math.ceil(x[x.length - 1] * 10) / 10);
        }
        for (int n = 0; n < Math.min(2, a.profile().length); n++) {
            points(c, "particles, n = " + (n + 1), a.profileCoordinate(), a.profile()[n]);
            line(c, "limit, n = " + (n + 1), t.profileCoordinate(), t.profile()[n]);
        }
        save(c, file);
    }

    /**
     * The measured pair correlation where a bin expected at least one pair (a bin that expected a
     * fraction of one says nothing, and its error bar would fill the plot), against 1 - u.
     */
    static void pairs(StudyAnalysis a, StudyTheoryData t, Path file) throws IOException {
        XYChart c = chart("Pair correlation of survivors, N = " + a.particles()[a.particles().length - 1],
                "y = distance / (s(1,1) eps^b)", "pairs / Poisson expectation");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.6);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(a.pairY().length > 0 ? a.pairY()[a.pairY().length - 1] + a.pairY()[0] : 1.0);
        int k = 0;
        for (double e : a.pairExpected()) {
            k += e >= 1 ? 1 : 0;
        }
        double[][] kept = new double[3][k];
        for (int b = 0, i = 0; b < a.pairY().length; b++) {
            if (a.pairExpected()[b] >= 1) {
                kept[0][i] = a.pairY()[b];
                kept[1][i] = a.pairRatio()[b];
                kept[2][i++] = a.pairSe()[b];
            }
        }
        if (k > 0) {
            XYSeries s = c.addSeries("measured (bins expecting >= 1 pair)", kept[0], kept[1], kept[2]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        } else {
            c.setTitle(c.getTitle() + ": no bin expected a pair");
        }
        if (t.pairY().length > 0) {
            line(c, "1 - u(y) (Claim 3.11)", t.pairY(), t.pairTheory()).setLineColor(SHARED[0]);
        }
        save(c, file);
    }

    static void weak(StudyAnalysis a, Path file) throws IOException {
        XYChart c = chart("Weak error |int_0^T int J (mu_N,1 - f_1) dt|", "N", "error");
        double[] n = Arrays.stream(a.particles()).asDoubleStream().toArray();
        logAxisIfLabelled(c, n, true);
        logAxisIfLabelled(c, Arrays.stream(a.weakError()).flatMapToDouble(Arrays::stream).toArray(), false);
        c.getStyler().setYAxisDecimalPattern(c.getStyler().isYAxisLogarithmic() ? "0.#E0" : "0.###E0");
        for (int j = 0; j < a.testNames().length; j++) {
            double[] e = new double[n.length];
            double[] se = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                e[i] = a.weakError()[i][j];
                se[i] = Double.isNaN(a.weakErrorSe()[i][j]) ? 0 : Math.min(a.weakErrorSe()[i][j], 0.9 * e[i]);
            }
            XYSeries s = c.addSeries("J = " + a.testNames()[j] + rateLegend(a.weakRate()[j]), n, e, se);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        save(c, file);
    }

    /** A lattice study's error e = h_ODE / h - 1 against L, one series per scaled time, with its exponent of L. */
    static void latticeError(List<LatticeStudyReport.Side> sides, double[] tau, PowerLawFit[] fits, Path file) throws IOException {
        XYChart c = chart("Error of the survivor fraction against the lattice recipe's ODE", "L", "|h_ODE / h - 1|");
        double[] l = sides.stream().mapToDouble(LatticeStudyReport.Side::side).toArray();
        logAxisIfLabelled(c, l, true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0.#E0");
        for (int k = 0; k < tau.length; k++) {
            int kk = k;
            double[][] xy = positive(l, sides.stream().mapToDouble(s -> Math.abs(s.error()[kk])).toArray());
            if (xy[0].length > 0) {
                line(c, String.format(Locale.ROOT, "tau = %.4g", tau[k]) + rateLegend(fits[k]).replace("N^", "L^"), xy[0], xy[1])
                        .setMarker(SeriesMarkers.CIRCLE);
            }
        }
        save(c, file);
    }

    /**
     * A fragmentation study's densities over time: the ODE (solid) and the naive ODE (dashed) of each mass, and the
     * measured means (markers) of every N.
     *
     * @param times the observation times
     * @param names the masses' labels
     * @param ode the ODE [t][q]
     * @param naive the naive ODE [t][q]
     * @param particles the values of N
     * @param measured mean densities [N][t][q]
     * @param file the plot, without extension
     */
    static void fragmentation(double[] times, String[] names, double[][] ode, double[][] naive, long[] particles,
                              double[][][] measured, Path file) throws IOException {
        XYChart c = chart("Densities against the coagulation-fragmentation ODE", "t", "integral f_n");
        Color[] colours = c.getStyler().getSeriesColors();
        Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND};
        for (int q = 0; q < names.length; q++) {
            int qq = q;
            Color colour = colours[q % colours.length];
            line(c, names[q] + ", ODE", times, Arrays.stream(ode).mapToDouble(r -> r[qq]).toArray()).setLineColor(colour);
            XYSeries n = line(c, names[q] + ", naive ODE", times, Arrays.stream(naive).mapToDouble(r -> r[qq]).toArray());
            n.setLineStyle(DASHED);
            n.setLineColor(colour);
            for (int i = 0; i < particles.length; i++) {
                int ii = i;
                XYSeries s = c.addSeries(names[q] + ", N = " + particles[i], times,
                        Arrays.stream(measured[ii]).mapToDouble(r -> r[qq]).toArray());
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(markers[i % markers.length]);
                s.setMarkerColor(colour);
            }
        }
        save(c, file);
    }

    /** A line, or a marker where it has a single point (one mass) and a line would draw nothing. */
    private static void curve(XYChart c, String name, double[][] xy, Color colour) {
        XYSeries s = line(c, name, xy[0], xy[1]);
        s.setLineColor(colour);
        if (xy[0].length == 1) {
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(colour);
        }
    }

    private static String rateLegend(PowerLawFit f) {
        if (f.fitted()) {
            return String.format(Locale.ROOT, ": N^%.2f +- %.2f", f.exponent(), f.se());
        }
        return f.points() == 2 ? String.format(Locale.ROOT, ": two-point slope N^%.2f", f.exponent()) : "";
    }

    private static String seeds(int k) {
        return k == 1 ? "1 seed" : k + " seeds";
    }

    /**
     * A logarithmic axis only where it labels at least two ticks: XChart labels only powers of ten
     * on a log axis, so values within one decade (N = 5000 and 10000, say) get a linear one.
     */
    private static void logAxisIfLabelled(XYChart c, double[] values, boolean x) {
        double lo = Arrays.stream(values).filter(v -> v > 0).min().orElse(1);
        double hi = Arrays.stream(values).max().orElse(1);
        boolean log = Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) >= 1;
        if (x) {
            c.getStyler().setXAxisLogarithmic(log);
            c.getStyler().setXAxisDecimalPattern("#");
        } else {
            c.getStyler().setYAxisLogarithmic(log);
        }
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setPlotGridLinesStroke(new java.awt.BasicStroke(0.5f));
        c.getStyler().setPlotGridLinesColor(new java.awt.Color(225, 225, 225));
        c.getStyler().setXAxisDecimalPattern("0.####");
        c.getStyler().setYAxisDecimalPattern("0.####");
        return c;
    }

    private static XYSeries points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    private static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    private static double[][] positive(double[] x, double[] y) {
        int k = 0;
        for (double v : y) {
            k += v > 0 ? 1 : 0;
        }
        double[][] r = new double[2][k];
        int i = 0;
        for (int j = 0; j < y.length; j++) {
            if (y[j] > 0) {
                r[0][i] = x[j];
                r[1][i++] = y[j];
            }
        }
        return r;
    }

    /** PNG, and SVG with coordinates rounded to 0.1 px (XChart draws text as outlines; this halves the file). */
    private static void save(XYChart c, Path file) throws IOException {
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(c, file.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Path svg = Path.of(file + ".svg");
        String text = java.nio.file.Files.readString(svg);
        java.nio.file.Files.writeString(svg, text.replaceAll("(-?\\d+\\.\\d)\\d+", "$1"));
    }
}
