package org.coag.core.observe;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.DensityModeSettings;
import org.coag.core.model.Domain;
import org.coag.core.model.Fragmentation;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.theory.fragmentation.DensityModeCorrelation;
import org.coag.core.theory.fragmentation.DualFragmentation;

/**
 * The density modes of one mass ({@code [observe.density_modes]}, docs/fragmentation.md): at every
 * observation, for each axis a of the torus of side L, the Fourier coefficient
 * {@code rho(k_a) = sum over particles of that mass of exp(-i k_a . x)}, k_a = (2 pi / L) e_a,
 * written to {@value #FILE}. At the end, the time autocorrelation of these modes over the
 * observations at t &gt;= {@code from_time} on the run's cadence, pooled over the axes
 * ({@link ModeAutocorrelation}, 10 jackknife blocks), goes to {@value #AUTOCORRELATION_FILE}, with the
 * prediction of {@link DensityModeCorrelation} (quasi-steady pairing) when the model has the dual
 * fragmentation rule.
 */
public final class DensityModes implements Observable {
    /** The per-observation modes. */
    public static final String FILE = "density_modes.csv";
    /** The autocorrelation at the end of the run. */
    public static final String AUTOCORRELATION_FILE = "density_mode_autocorrelation.csv";
    private static final int BLOCKS = 10;
    private static final int MAX_LAGS = 200;
    private static final int MAX_THEORY_MASS = 96;

    private final ModelSpec spec;
    private final DensityModeSettings settings;
    private final long every;
    private final List<long[]> header = new ArrayList<>();
    private final List<double[]> modes = new ArrayList<>();
    private long totalMass;

    /**
     * @param spec the model (a torus)
     * @param settings the mass and the start of the autocorrelation
     * @param every the run's observation cadence (steps)
     */
    public DensityModes(ModelSpec spec, DensityModeSettings settings, long every) {
        if (spec.domain().type() != Domain.Type.TORUS) {
            throw new ModelException("observe.density_modes: needs a torus (density modes are Fourier modes of the periodic box)");
        }
        this.spec = spec;
        this.settings = settings;
        this.every = every;
    }

    /**
     * @param state live particles
     * @param mass the mass to count
     * @param dim the dimension
     * @return {re, im} of rho(k_a) per axis a: out[2a], out[2a+1]
     */
    public static double[] measure(ParticleState state, int mass, int dim) {
        double[] out = new double[2 * dim];
        long[][] pos = state.positions();
        for (int i = 0; i < state.count(); i++) {
            if (state.masses()[i] != mass) {
                continue;
            }
            for (int a = 0; a < dim; a++) {
                double phase = 2 * Math.PI * (pos[a][i] * 0x1p-64);
                out[2 * a] += Math.cos(phase);
                out[2 * a + 1] -= Math.sin(phase);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "density_modes";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void observe(Sample sample) {
        ParticleState state = sample.state();
        int count = 0;
        for (int i = 0; i < state.count(); i++) {
            count += state.masses()[i] == settings.mass() ? 1 : 0;
        }
        totalMass = state.totalMass();
        header.add(new long[] {sample.step(), count});
        modes.add(measure(state, settings.mass(), spec.dim()));
    }

    @Override
    public void writeFiles(FileSink files) throws IOException {
        StringBuilder csv = new StringBuilder("step,time,count");
        String[] axes = {"x", "y", "z", "w"};
        for (int a = 0; a < spec.dim(); a++) {
            csv.append(",re_").append(axes[a]).append(",im_").append(axes[a]);
        }
        csv.append('\n');
        for (int r = 0; r < header.size(); r++) {
            csv.append(header.get(r)[0]).append(',').append(String.format(Locale.ROOT, "%.17g", header.get(r)[0] * spec.dt()))
                    .append(',').append(header.get(r)[1]);
            for (double v : modes.get(r)) {
                csv.append(',').append(String.format(Locale.ROOT, "%.17g", v));
            }
            csv.append('\n');
        }
        files.write(FILE, csv.toString());
        String acf = autocorrelationCsv();
        if (acf != null) {
            files.write(AUTOCORRELATION_FILE, acf);
        }
    }

    /** @return the autocorrelation table, or null with too few observations on the cadence */
    String autocorrelationCsv() {
        List<Integer> used = new ArrayList<>();
        for (int r = 0; r < header.size(); r++) {
            long step = header.get(r)[0];
            if (step % every == 0 && step * spec.dt() >= settings.fromTime()) {
                used.add(r);
            }
        }
        int n = used.size();
        int maxLag = Math.min(MAX_LAGS, n / (2 * BLOCKS) - 1);
        if (maxLag < 1) {
            return null;
        }
        double[][] re = new double[spec.dim()][n];
        double[][] im = new double[spec.dim()][n];
        double counts = 0;
        for (int i = 0; i < n; i++) {
            double[] m = modes.get(used.get(i));
            counts += header.get(used.get(i))[1];
            for (int a = 0; a < spec.dim(); a++) {
                re[a][i] = m[2 * a];
                im[a][i] = m[2 * a + 1];
            }
        }
        ModeAutocorrelation c = ModeAutocorrelation.of(re, im, maxLag, BLOCKS);
        DensityModeCorrelation theory = prediction();
        StringBuilder csv = new StringBuilder("lag_steps,tau,measured,error,predicted\n");
        double dtObs = every * spec.dt();
        for (int l = 0; l <= maxLag; l++) {
            double tau = l * dtObs;
            csv.append(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%s\n", l * every, tau, c.values()[l], c.errors()[l],
                    theory == null ? "" : String.format(Locale.ROOT, "%.17g", theory.autocorrelation(settings.mass(), tau))));
        }
        return csv + "# samples " + n + ", mean count " + counts / n + "\n";
    }

    /** The quasi-steady prediction for the dual rule, else null. */
    private DensityModeCorrelation prediction() {
        if (spec.fragmentation().rule() != Fragmentation.Rule.DUAL) {
            return null;
        }
        DualFragmentation dual = new DualFragmentation(spec, spec.fragmentation().equilibrium());
        int maxMass = (int) Math.min(totalMass, MAX_THEORY_MASS);
        for (int n = 1; n <= maxMass; n++) {
            try {
                spec.fragmentation().equilibrium().at(n);
            } catch (ModelException e) {
                maxMass = n - 1;
                break;
            }
        }
        if (settings.mass() > maxMass) {
            return null;
        }
        double rho = dual.densityScale() * totalMass / spec.domain().volume(spec.dim());
        double k = 2 * Math.PI / spec.domain().side();
        return DensityModeCorrelation.forModel(spec, spec.fragmentation().equilibrium(), rho, maxMass, k * k,
                DensityModeCorrelation.Pairing.QUASI_STEADY);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(totalMass);
        out.writeInt(header.size());
        for (int r = 0; r < header.size(); r++) {
            out.writeLong(header.get(r)[0]);
            out.writeLong(header.get(r)[1]);
            for (double v : modes.get(r)) {
                out.writeDouble(v);
            }
        }
    }

    @Override
    public void readState(DataInput in, int version) throws IOException {
        header.clear();
        modes.clear();
        totalMass = in.readLong();
        int rows = in.readInt();
        for (int r = 0; r < rows; r++) {
            header.add(new long[] {in.readLong(), in.readLong()});
            double[] m = new double[2 * spec.dim()];
            for (int a = 0; a < m.length; a++) {
                m[a] = in.readDouble();
            }
            modes.add(m);
        }
    }
}
