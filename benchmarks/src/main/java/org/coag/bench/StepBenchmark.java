package org.coag.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.PhaseTimes;
import org.coag.core.backend.Simulation;
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
 * Whole steps of {@link Workloads#TORUS_3D} per backend and N. The primary score is steps per
 * second; the secondary {@code particleSteps} counter is particle-steps per second (the live count
 * summed over the steps taken). The state keeps evolving across iterations (about 0.01 % of the
 * particles annihilate per step at phi = 1e-3), so later iterations see a slightly smaller N.
 * After the run each fork prints the share of each step phase ({@link PhaseTimes}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms12g", "-Xmx12g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class StepBenchmark {
    @Param({"cpu", "reference"})
    public String backend;

    @Param({"100000", "1000000", "10000000"})
    public int particles;

    @Param({"0"})
    public int threads;

    private Simulation sim;
    private final CountingSink sink = new CountingSink();

    /** Particle-steps, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** live particles summed over the steps of the iteration */
        public long particleSteps;

        /** Resets per iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            particleSteps = 0;
        }
    }

    /** Counts events so the sink cannot be optimised away. */
    static final class CountingSink implements EventSink {
        long events;

        @Override
        public void collision(long step, int idLo, int idHi, int massLo, int massHi, int survivorId) {
            events++;
        }
    }

    /** Generates the initial state and creates the simulation. */
    @Setup(Level.Trial)
    public void setUp() {
        RunConfig cfg = Workloads.torus3d(particles);
        sim = Backends.find(backend).create(cfg.model(), cfg.run().seed(), InitialStates.generate(cfg.model(), cfg.run().seed()), 0,
                new BackendOptions(threads, 0));
    }

    /**
     * @param counters particle-step counter
     * @return the live count, so the step is consumed
     */
    @Benchmark
    public int step(Counters counters) {
        int live = sim.liveCount();
        sim.advance(1, sink);
        counters.particleSteps += live;
        return live;
    }

    /** Prints the phase profile and closes the simulation. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (sim instanceof PhaseTimes pt) {
            Map<String, Long> phases = pt.phaseNanos();
            double total = phases.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder sb = new StringBuilder("\nphase profile (" + backend + ", N = " + particles + ", " + sim.stepIndex() + " steps):");
            phases.forEach((name, ns) -> sb.append(String.format("  %s %.1f%%", name, 100 * ns / total)));
            sb.append(String.format("  [%.2f ms per step]", total / sim.stepIndex() * 1e-6));
            System.out.println(sb);
        }
        sim.close();
    }
}
