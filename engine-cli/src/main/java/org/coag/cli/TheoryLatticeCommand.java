package org.coag.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.coag.core.model.ModelException;
import org.coag.core.theory.lattice.KingmanCoalescent;
import org.coag.core.theory.lattice.LatticeGreen;
import org.coag.core.theory.lattice.LatticeRecipe;
import org.coag.core.theory.lattice.TorusKingman;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coag theory lattice}: the theory of coalescing random walkers on Z^d and T_L^d. */
@Command(name = "lattice", mixinStandardHelpOptions = true,
        description = "Coalescing random walkers on Z^d and the torus T_L^d (each walker jumps at --jump-rate, to each "
                + "neighbour at rate / 2d; a co-located pair coalesces at rate --kappa): the Green's function G_d at the "
                + "origin, the lattice recipe beta = kappa / (1 + kappa G_d / D) of the Smoluchowski regime, and the "
                + "Kingman time scale on T_L^d from the mean pair meeting time (docs/theory.md).")
final class TheoryLatticeCommand implements Callable<Integer> {
    /** Largest torus (sites) whose exact meeting time the printout computes. */
    static final long EXACT_LIMIT = 1L << 24;

    @Option(names = "--dim", defaultValue = "3", description = "lattice dimension, 1..8 (default: ${DEFAULT-VALUE})")
    private int dim;

    @Option(names = "--L", defaultValue = "32", description = "torus side L (default: ${DEFAULT-VALUE})")
    private int side;

    @Option(names = "--kappa", defaultValue = "inf",
            description = "coalescence rate per co-located pair, or inf for coalescence on meeting (default: ${DEFAULT-VALUE})")
    private String kappaText;

    @Option(names = "--jump-rate", defaultValue = "1", description = "jump rate of every walker (default: ${DEFAULT-VALUE})")
    private double jumpRate;

    @Option(names = "--walkers", defaultValue = "8",
            description = "walkers n at a uniform start, for the Kingman predictions (default: ${DEFAULT-VALUE})")
    private int walkers;

    @Option(names = "--law", paramLabel = "TIME", split = ",",
            description = "print Kingman's P(k walkers at TIME) for these times (walkers' time units)")
    private List<Double> lawTimes = new ArrayList<>();

    @Override
    public Integer call() {
        double kappa = parseKappa(kappaText);
        if (!(jumpRate > 0) || Double.isInfinite(jumpRate)) {
            throw new ModelException("--jump-rate must be positive and finite, got " + jumpRate);
        }
        if (walkers < 1 || walkers > KingmanCoalescent.MAX_BLOCKS) {
            throw new ModelException("--walkers must lie in 1.." + KingmanCoalescent.MAX_BLOCKS + ", got " + walkers);
        }
        TorusKingman torus = TorusKingman.of(dim, side, jumpRate, kappa);
        long sites = torus.meeting().sites();
        double pairJump = 2 * jumpRate;
        System.out.printf(Locale.ROOT, "walkers on T_%d^%d (%d sites): jump rate %s per walker (rate / %d to each neighbour), "
                + "kappa = %s per co-located pair%n", side, dim, sites, fmt(jumpRate), 2 * dim, fmt(kappa));
        boolean transientWalk = dim >= 3;
        if (transientWalk) {
            double green = LatticeGreen.atOrigin(dim);
            line("G_d, Green's function at the origin", green, "mean time a rate-1 walk spends at its start");
            if (dim == 3) {
                line("  Watson's closed form", LatticeGreen.watson3(), "sqrt(6)/(32 pi^3) Gamma(1/24)Gamma(5/24)Gamma(7/24)Gamma(11/24)");
            }
            line("escape probability 1 / G_d", 1 / green, "");
            line("lattice recipe beta", LatticeRecipe.rate(dim, kappa, pairJump),
                    "kappa / (1 + kappa G_d / D), D = " + fmt(pairJump) + "; D / G_d on meeting");
            line("naive rate kappa", LatticeRecipe.naive(kappa), "no depletion around a walker");
        } else {
            System.out.printf(Locale.ROOT, "G_d is infinite in d = %d (the walk is recurrent): no lattice recipe; "
                    + "the torus values below are exact only%n", dim);
        }
        double exact = Double.NaN;
        String route = "";
        if (sites <= EXACT_LIMIT) {
            exact = torus.exactMeetingTime();
            route = torus.exactRoute();
        }
        double asymptotic = transientWalk ? torus.asymptoticMeetingTime() : torus.meeting().asymptoticFromStationary();
        String asymptoticName = transientWalk ? "L^d / beta" : dim == 2 ? "leading (2/pi) L^2 log L / D" : "(L^2 - 1) / (6 D)";
        pair("pair meeting time, uniform start", exact, route, asymptotic, asymptoticName);
        pair("Kingman pair rate lambda_L", 1 / exact, "1 / meeting time", 1 / asymptotic, "");
        KingmanCoalescent kingman = new KingmanCoalescent(1 / (Double.isNaN(exact) ? asymptotic : exact));
        pair("mean time to one walker, n = " + walkers, 2 * (1 - 1.0 / walkers) * exact, "2 (1 - 1/n) / lambda_L",
                2 * (1 - 1.0 / walkers) * asymptotic, "");
        for (double t : lawTimes) {
            double[] law = kingman.blockCountLaw(walkers, t);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "P(k walkers at t = %s), k = 1..%d:", fmt(t), walkers));
            for (int k = 1; k <= walkers; k++) {
                row.append(String.format(Locale.ROOT, " %.6g", law[k]));
            }
            System.out.println(row + (Double.isNaN(exact) ? "   (asymptotic lambda_L)" : "   (exact lambda_L)"));
        }
        return 0;
    }

    static double parseKappa(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double kappa = Double.parseDouble(t);
            if (kappa > 0) {
                return kappa;
            }
        } catch (NumberFormatException e) {
            // falls through to the one-line error
        }
        throw new ModelException("--kappa must be a positive number or inf, got '" + text + "'");
    }

    private static void line(String name, double value, String note) {
        System.out.printf(Locale.ROOT, "%-40s %-16s %s%n", name, fmt(value), note.isEmpty() ? "" : "(" + note + ")");
    }

    private static void pair(String name, double exact, String exactNote, double asymptotic, String asymptoticNote) {
        String left = Double.isNaN(exact) ? "exact: skipped (more than 2^24 sites)"
                : "exact " + fmt(exact) + (exactNote.isEmpty() ? "" : " (" + exactNote + ")");
        System.out.printf(Locale.ROOT, "%-40s %s   asymptotic %s%s%n", name, left, fmt(asymptotic),
                asymptoticNote.isEmpty() ? "" : " (" + asymptoticNote + ")");
    }

    /** %.12g without trailing zeros; "inf" for infinity. */
    static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return "inf";
        }
        String[] parts = String.format(Locale.ROOT, "%.12g", v).split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
        return parts.length == 1 ? mantissa : mantissa + "e" + parts[1];
    }
}
