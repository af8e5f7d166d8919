package org.coag.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;
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
 * The first step of the lattice model (docs/lattice.md) per backend and walker count: rate-1 walkers
 * on the torus T_L^3 that annihilate on arrival, from a Bernoulli start of occupation 1/2 on
 * L = round((2 walkers)^(1/3)) sites per side, a step of dt = 0.25.
 *
 * <p>Every invocation is step 0 of a fresh simulation of the same initial state (made outside the
 * measurement), so every invocation does the same work on both backends (they are bit-identical).
 * The primary score is steps per second. The secondary counter {@code walkerJumps} is the expected
 * number of jumps per second: each step adds the live walkers at its start times d(1) dt (every
 * walker has mass 1 and jump rate 1, and no jump is suppressed on the torus), slightly above the
 * jumps made, since walkers that die within the step stop jumping. Besides its jumps, a step draws
 * every live walker's first clock, so it costs about 1 + dt draws per walker. To convert the primary
 * score: walker-jumps per second = steps per second x walkers x 0.25. Pick a slice with {@code -p},
 * e.g. {@code -p backend=cpu -p walkers=10000000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms12g", "-Xmx12g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class LatticeBenchmark {
    /** The observation step: about 0.25 jumps per walker and step. */
    static final double DT = 0.25;

    @Param({"cpu", "reference"})
    public String backend;

    @Param({"1000000", "10000000"})
    public int walkers;

    @Param({"0"})
    public int threads;

    private RunConfig config;
    private ParticleState initial;
    private Simulation sim;
    private final StepBenchmark.CountingSink sink = new StepBenchmark.CountingSink();

    /** Expected jumps, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** live walkers at each step start times d(1) dt, summed over the iteration's steps */
        public long walkerJumps;

        /** coalescences in the iteration */
        public long events;

        /** Resets per iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            walkerJumps = 0;
            events = 0;
        }
    }

    /**
     * @param walkers the mean number of walkers at time 0
     * @return the benchmark's config
     */
    static RunConfig config(int walkers) {
        int side = (int) Math.round(Math.cbrt(2.0 * walkers));
        return ConfigReader.read("""
                [model]
                space = "lattice"
                dim = 3
                mode = "annihilation"
                [model.lattice]
                boundary = "torus"
                coalescence = "instantaneous"
                start = "bernoulli"
                occupation = 0.5
                [time]
                steps = 1000
                """, List.of("model.lattice.side=" + side, "time.dt=" + DT));
    }

    /** Draws the initial state once. */
    @Setup(Level.Trial)
    public void setUp() {
        config = config(walkers);
        initial = InitialStates.generate(config.model(), config.run().seed());
    }

    /** A fresh simulation from the initial state for every invocation (a step of 0.1 s or more). */
    @Setup(Level.Invocation)
    public void start() {
        sim = Backends.find(backend).create(config.model(), config.run().seed(), initial, 0, new BackendOptions(threads, 0));
    }

    /**
     * @param counters the jump counter
     * @return the live count, so the step is consumed
     */
    @Benchmark
    public int step(Counters counters) {
        int live = sim.liveCount();
        long before = sink.events;
        sim.advance(1, sink);
        counters.walkerJumps += Math.round(live * DT);
        counters.events += sink.events - before;
        return live;
    }

    /** Closes the invocation's simulation. */
    @TearDown(Level.Invocation)
    public void stop() {
        sim.close();
    }
}
