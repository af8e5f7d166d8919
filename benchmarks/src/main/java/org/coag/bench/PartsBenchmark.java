package org.coag.bench;

import java.util.concurrent.TimeUnit;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.RunConfig;
import org.coag.core.config.Workloads;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;
import org.coag.core.step.MoveParameters;
import org.coag.core.step.PairParameters;
import org.coag.cpu.CpuPhases;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of a step on the {@link Workloads#step} state (annihilation, uniform start), one JMH
 * operation being the part applied to every live particle once; the {@code particles} counter is
 * particles per second. cpu: the backend's own phases on all its threads ({@link CpuPhases});
 * reference: the oracle's scalar building blocks on one thread.
 * <ul>
 *   <li>{@code philoxGaussians}: Philox4x32-10 blocks and d AS241 normals per particle;</li>
 *   <li>{@code move}: the same draws plus the fixed-point increments (cpu: and the distance moved
 *       since its pair list was built);</li>
 *   <li>{@code hashBuild}: cpu: a pair-list build (rows, counting sort, each row sorted, written
 *       and scanned for the pairs within the reach plus the skin), which a run does once in several
 *       steps; reference: its {@link SpatialHash} (hashed cells, sorted by slot), every step;</li>
 *   <li>{@code pairScan}: cpu: the listed pairs tested with the firing draw of those in range (a
 *       step between list builds); reference: every pair within the search reach, the distance
 *       test alone.</li>
 * </ul>
 * The PDE solver's benchmark is {@link TheoryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PartsBenchmark {
    @Param({"cpu", "reference"})
    public String backend;

    @Param({"1000000"})
    public int particles;

    @Param({"3"})
    public int dim;

    private CpuPhases cpu;
    private ModelSpec spec;
    private ParticleState state;
    private CounterRng rng;
    private MoveParameters moves;
    private SpatialHash hash;
    private CandidatePairs candidates;
    private double[] normals;
    private int cellBits;
    private double reach;
    private double range2;
    private long inRange;

    /** Particles processed, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** live particles summed over the operations of the iteration */
        public long particles;

        /** Resets per iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            particles = 0;
        }
    }

    /** Builds the state and the structures of the chosen backend. */
    @Setup(Level.Trial)
    public void setUp() {
        RunConfig cfg = Workloads.step(dim, "annihilation", particles);
        spec = cfg.model();
        state = InitialStates.generate(spec, cfg.run().seed());
        if (backend.equals("cpu")) {
            cpu = new CpuPhases(spec, cfg.run().seed(), state, 0);
            return;
        }
        if (!backend.equals("reference")) {
            throw new IllegalArgumentException("PartsBenchmark runs backend cpu or reference, not " + backend);
        }
        rng = new CounterRng(cfg.run().seed());
        moves = new MoveParameters(spec);
        hash = new SpatialHash(dim);
        candidates = new CandidatePairs(dim);
        normals = new double[dim + 1];
        double range = new PairParameters(spec).of(1, 1).range();
        range2 = range * range;
        reach = PairParameters.searchReach(range, spec.domain().unit());
        cellBits = SpatialHash.cellBitsFor(spec.domain().side(), range);
        hash.build(state.positions(), state.count(), cellBits);
    }

    /**
     * @param c particle counter
     * @return a value JMH consumes
     */
    @Benchmark
    public double philoxGaussians(Counters c) {
        if (cpu != null) {
            cpu.philoxGaussians();
            c.particles += cpu.live();
            return cpu.live();
        }
        double sum = 0;
        for (int i = 0; i < state.count(); i++) {
            rng.normals(Purpose.MOVE, 0, state.ids()[i], dim, normals);
            sum += normals[0];
        }
        c.particles += state.count();
        return sum;
    }

    /**
     * @param c particle counter
     * @return a value JMH consumes
     */
    @Benchmark
    public long move(Counters c) {
        if (cpu != null) {
            cpu.move();
            c.particles += cpu.live();
            return cpu.live();
        }
        long[][] pos = state.positions();
        for (int i = 0; i < state.count(); i++) {
            rng.normals(Purpose.MOVE, 0, state.ids()[i], dim, normals);
            double sigma = moves.sigmaFixed(state.masses()[i]);
            for (int k = 0; k < dim; k++) {
                pos[k][i] += MoveParameters.increment(sigma, normals[k]);
            }
        }
        c.particles += state.count();
        return pos[0][0];
    }

    /**
     * @param c particle counter
     * @return a value JMH consumes
     */
    @Benchmark
    public int hashBuild(Counters c) {
        if (cpu != null) {
            cpu.hashBuild();
            c.particles += cpu.live();
            return cpu.live();
        }
        hash.build(state.positions(), state.count(), cellBits);
        c.particles += state.count();
        return hash.order()[0];
    }

    /**
     * @param c particle counter
     * @return a value JMH consumes
     */
    @Benchmark
    public long pairScan(Counters c) {
        if (cpu != null) {
            cpu.pairScan();
            c.particles += cpu.live();
            return cpu.live();
        }
        long[][] pos = state.positions();
        double unit = spec.domain().unit();
        candidates.scan(hash, pos, state.ids(), state.count(), reach, (i, j) -> {
            double r2 = 0;
            for (int k = 0; k < dim; k++) {
                double dx = (double) (pos[k][i] - pos[k][j]) * unit;
                r2 += dx * dx;
            }
            inRange += r2 < range2 ? 1 : 0;
        });
        c.particles += state.count();
        return inRange;
    }

    /** Stops the cpu backend's threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (cpu != null) {
            cpu.close();
        }
    }
}
