package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.coag.core.study.StudyAnalysis;
import org.coag.core.study.StudyTheoryData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The study report's five figures (XChart), each written as PNG and SVG. */
final class StudyPlots {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;

    private StudyPlots() {
    }

    static void survivors(StudyAnalysis a, Path file) throws IOException {
        XYChart c = chart("Survivor fraction h(t)", "t", "h = survivors / N");
        for (int i = 0; i < a.particles().length; i++) {
            points(c, "N = " + a.particles()[i] + " (" + a.seeds()[i] + " seeds)", a.times(), a.survivorFraction()[i]);
        }
        line(c, "limit, beta from (1.8)", a.times(), a.theoryFraction());
        line(c, "limit, naive beta", a.times(), a.naiveFraction());
        save(c, file);
    }

    /**
     * Measured spectra against the limit with the recipe's and the naive beta, over the masses the
     * particles reached (and two more), down to a tenth of the smallest measured value: the limit's
     * tail far below what any N resolves would only squeeze the axis.
     */
    static void spectrum(StudyAnalysis a, Path file) throws IOException {
        XYChart c = chart("Mass spectrum at t = " + (float) a.times()[a.times().length - 1], "mass n", "integral f_n");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0E0");
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
        line(c, "limit, beta from (1.8)", xy[0], xy[1]);
        xy = positive(n, Arrays.copyOf(a.naiveSpectrum(), shown));
        line(c, "limit, naive beta", xy[0], xy[1]);
        if (Double.isFinite(smallest)) {
            c.getStyler().setYAxisMin(smallest / 10);
        }
        c.getStyler().setXAxisDecimalPattern("0");
        save(c, file);
    }

    static void profile(StudyAnalysis a, StudyTheoryData t, boolean radial, Path file) throws IOException {
        XYChart c = chart("Density at t = " + (float) a.times()[a.times().length - 1] + ", N = " + a.particles()[a.particles().length - 1],
                radial ? "r (distance from the start's centre)" : "x_1 (other axes averaged)", "f_n");
        for (int n = 0; n < Math.min(2, a.profile().length); n++) {
            points(c, "particles, n = " + (n + 1), a.profileCoordinate(), a.profile()[n]);
            line(c, "limit, n = " + (n + 1), t.profileCoordinate(), t.profile()[n]);
        }
        save(c, file);
    }

    static void pairs(StudyAnalysis a, StudyTheoryData t, Path file) throws IOException {
        XYChart c = chart("Pair correlation of survivors, N = " + a.particles()[a.particles().length - 1],
                "y = distance / (s(1,1) eps^b)", "pairs / Poisson expectation");
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.6);
        XYSeries s = c.addSeries("measured", a.pairY(), a.pairRatio(), a.pairSe());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (t.pairY().length > 0) {
            line(c, "1 - u(y) (Claim 3.11)", t.pairY(), t.pairTheory());
        }
        save(c, file);
    }

    static void weak(StudyAnalysis a, Path file) throws IOException {
        XYChart c = chart("Weak error |int_0^T int J (mu_N,1 - f_1) dt|", "N", "error");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisDecimalPattern("#");
        c.getStyler().setYAxisDecimalPattern("0.#E0");
        double[] n = Arrays.stream(a.particles()).asDoubleStream().toArray();
        for (int j = 0; j < a.testNames().length; j++) {
            double[] e = new double[n.length];
            double[] se = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                e[i] = a.weakError()[i][j];
                se[i] = Double.isNaN(a.weakErrorSe()[i][j]) ? 0 : Math.min(a.weakErrorSe()[i][j], 0.9 * e[i]);
            }
            XYSeries s = c.addSeries("J = " + a.testNames()[j] + String.format(" (rate N^%.2f)", a.weakRate()[j]), n, e, se);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        save(c, file);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setPlotGridLinesStroke(new java.awt.BasicStroke(0.5f));
        c.getStyler().setPlotGridLinesColor(new java.awt.Color(225, 225, 225));
        c.getStyler().setXAxisDecimalPattern("0.####");
        c.getStyler().setYAxisDecimalPattern("0.####");
        return c;
    }

    private static void points(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    private static void line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
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
