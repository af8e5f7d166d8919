package org.coag.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.PhaseTimes;
import org.coag.core.backend.Simulation;
import org.coag.core.config.RunConfig;
import org.coag.core.config.Workloads;
import org.coag.core.model.InitialStates;
import org.coag.core.step.EventKind;
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
 * Whole steps of {@link Workloads#step} (the CPU issue's workload, {@link Workloads#TORUS_3D}, in
 * d = 2 or 3 and either mode) per backend and N. The primary score is steps per second; the
 * secondary counters are particle-steps per second ({@code particleSteps}, the live count summed
 * over the steps taken) and collisions per second ({@code events}). The state keeps evolving across
 * iterations (about 0.01 % of the particles collide per step at phi = 1e-3), so later iterations see
 * a slightly smaller N. After the run each fork prints the share of each step phase
 * ({@link PhaseTimes}). The default parameters span the whole matrix (2 backends x 4 N x 2 d x 2
 * modes); pick a slice with {@code -p}, e.g. {@code -p backend=cpu -p particles=1000000 -p dim=3
 * -p mode=annihilation} (add {@code opencl} to the backends where an OpenCL device exists).
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

    @Param({"10000", "100000", "1000000", "10000000"})
    public int particles;

    @Param({"3", "2"})
    public int dim;

    @Param({"annihilation", "coagulation"})
    public String mode;

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

        /** collisions in the iteration */
        public long events;

        /** Resets per iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            particleSteps = 0;
            events = 0;
        }
    }

    /** Counts events so the sink cannot be optimised away. */
    static final class CountingSink implements EventSink {
        long events;

        @Override
        public void collision(long step, EventKind kind, int idLo, int idHi, int massLo, int massHi, int survivorId) {
            events++;
        }
    }

    /** Generates the initial state and creates the simulation. */
    @Setup(Level.Trial)
    public void setUp() {
        RunConfig cfg = Workloads.step(dim, mode, particles);
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
        long before = sink.events;
        sim.advance(1, sink);
        counters.particleSteps += live;
        counters.events += sink.events - before;
        return live;
    }

    /** Prints the phase profile and closes the simulation. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (sim instanceof PhaseTimes pt) {
            Map<String, Long> phases = pt.phaseNanos();
            double total = phases.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder sb = new StringBuilder("\nphase profile (" + backend + ", N = " + particles + ", d = " + dim + ", " + mode + ", " + sim.stepIndex() + " steps):");
            phases.forEach((name, ns) -> sb.append(String.format("  %s %.1f%%", name, 100 * ns / total)));
            sb.append(String.format("  [%.2f ms per step]", total / sim.stepIndex() * 1e-6));
            System.out.println(sb);
        }
        sim.close();
    }
}
