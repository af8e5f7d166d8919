package org.coag.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.Backends;
import org.coag.core.backend.PhaseTimes;
import org.coag.core.backend.Simulation;
import org.coag.core.config.RunConfig;
import org.coag.core.config.Workloads;
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
 * Macro steps of the adaptive scheme on {@link Workloads#ADAPTIVE_Z1} (the Z = 1 regime) per backend
 * and N. The primary score is macro steps per second; {@code particleSteps} is particle macro steps
 * per second. Simulated time per wall second is the score times dt (printed at teardown, with the
 * phase profile and the fixed-step equivalent: the particle-steps per second a fixed scheme with
 * dt = 0.01 eps^2 would need to keep pace).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms8g", "-Xmx8g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class AdaptiveBenchmark {
    @Param({"cpu", "reference"})
    public String backend;

    @Param({"10000", "100000", "1000000"})
    public int particles;

    private Simulation sim;
    private double dt;
    private double equivalent;
    private final StepBenchmark.CountingSink sink = new StepBenchmark.CountingSink();

    /** Particle macro steps, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** live particles summed over the macro steps of the iteration */
        public long particleSteps;

        /** Resets per iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            particleSteps = 0;
        }
    }

    /** Generates the initial state and creates the simulation. */
    @Setup(Level.Trial)
    public void setUp() {
        RunConfig cfg = Workloads.adaptiveZ1(particles);
        dt = cfg.model().dt();
        equivalent = dt / (0.01 * cfg.model().eps() * cfg.model().eps());
        sim = Backends.find(backend).create(cfg.model(), cfg.run().seed(), InitialStates.generate(cfg.model(), cfg.run().seed()), 0,
                BackendOptions.DEFAULTS);
    }

    /**
     * @param counters particle-step counter
     * @return the live count, so the step is consumed
     */
    @Benchmark
    public int macroStep(Counters counters) {
        int live = sim.liveCount();
        sim.advance(1, sink);
        counters.particleSteps += live;
        return live;
    }

    /** Prints dt, the fixed-step equivalent and the phase profile; closes the simulation. */
    @TearDown(Level.Trial)
    public void tearDown() {
        StringBuilder sb = new StringBuilder(String.format("%nadaptive (%s, N = %d): dt = %.4g, one macro step = %.4g fixed steps "
                + "of 0.01 eps^2, %d macro steps", backend, particles, dt, equivalent, sim.stepIndex()));
        if (sim instanceof PhaseTimes pt) {
            Map<String, Long> phases = pt.phaseNanos();
            double total = phases.values().stream().mapToLong(Long::longValue).sum();
            phases.forEach((name, ns) -> sb.append(String.format("  %s %.1f%%", name, 100 * ns / total)));
        }
        System.out.println(sb);
        sim.close();
    }
}
