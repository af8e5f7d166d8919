package org.coag.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.EventSink;
import org.coag.core.backend.ParticleState;
import org.coag.core.backend.Simulation;
import org.coag.core.config.RunConfig;
import org.coag.core.model.InitialStates;

/**
 * Measures one {@code coag bench} case: creates the simulation, steps it through the warm-up (JIT,
 * device program caches), then times every step of the measurement. Samples are particle-steps per
 * second over windows of whole steps, each at least a twentieth of the measured time, so a
 * comparison has about twenty raw samples per case (fewer when a step is long).
 */
final class BenchRunner {
    private BenchRunner() {
    }

    /** Progress of a case: what it is doing, and the fraction of its time spent. */
    interface Progress {
        void at(String phase, double fraction);
    }

    static BenchReport.Case run(Backend backend, RunConfig cfg, BackendOptions options, double warmupSeconds,
                                double measureSeconds, Progress progress) {
        long n = cfg.model().particles();
        ParticleState initial = InitialStates.generate(cfg.model(), cfg.run().seed());
        long[] events = new long[1];
        EventSink count = (s, kind, lo, hi, ml, mh, sv) -> events[0]++;
        try (HeapWatch heap = new HeapWatch()) {
            long t0 = System.nanoTime();
            try (Simulation sim = backend.create(cfg.model(), cfg.run().seed(), initial, 0, options)) {
                double setup = (System.nanoTime() - t0) * 1e-9;
                warmUp(sim, count, warmupSeconds, progress);
                events[0] = 0;
                Histogram steps = new Histogram(3);
                List<Double> samples = new ArrayList<>();
                long window = (long) (measureSeconds * 1e9 / 20);
                long start = System.nanoTime();
                long end = start + (long) (measureSeconds * 1e9);
                long windowStart = start;
                long windowParticles = 0;
                long particleSteps = 0;
                long now = start;
                while ((now < end || steps.getTotalCount() == 0) && sim.liveCount() > 0) {
                    int live = sim.liveCount();
                    long s0 = System.nanoTime();
                    sim.advance(1, count);
                    now = System.nanoTime();
                    steps.recordValue(Math.max(1, now - s0));
                    windowParticles += live;
                    particleSteps += live;
                    if (now - windowStart >= window) {
                        samples.add(windowParticles / ((now - windowStart) * 1e-9));
                        windowStart = now;
                        windowParticles = 0;
                    }
                    progress.at("measuring", (now - start) / (measureSeconds * 1e9));
                }
                double seconds = (now - start) * 1e-9;
                if (samples.isEmpty()) {
                    samples.add(particleSteps / seconds);
                }
                double retained = heap.retained();
                double[] raw = samples.stream().mapToDouble(Double::doubleValue).toArray();
                return new BenchReport.Case(name(backend.name(), cfg), backend.name(), n,
                        backend.name().equals("cpu") ? options.resolvedThreads() : 1, steps.getTotalCount(), median(raw), raw,
                        events[0] / seconds, millis(steps), retained / n, heap.peak() / (double) n, setup);
            }
        }
    }

    /**
     * Steps for at least {@code seconds}, then on until two successive windows of a fifth of it agree
     * within 5 % (the JIT has compiled the vector kernels; on JDK 17 that takes seconds), at most
     * three times as long.
     */
    private static void warmUp(Simulation sim, EventSink sink, double seconds, Progress progress) {
        long start = System.nanoTime();
        long window = Math.max(1, (long) (seconds * 1e9 / 5));
        long windowStart = start;
        long particles = 0;
        double last = Double.NaN;
        while (sim.liveCount() > 0) {
            particles += sim.liveCount();
            sim.advance(1, sink);
            long now = System.nanoTime();
            progress.at("warm-up", (now - start) / (seconds * 1e9));
            if (now - windowStart >= window) {
                double rate = particles / (double) (now - windowStart);
                boolean steady = Math.abs(rate / last - 1) < 0.05;
                if (now - start >= seconds * 1e9 && steady || now - start >= 3 * seconds * 1e9) {
                    return;
                }
                last = rate;
                windowStart = now;
                particles = 0;
            }
        }
    }

    static String name(String backend, RunConfig cfg) {
        return backend + "/N=" + cfg.model().particles() + "/d=" + cfg.model().dim() + "/" + cfg.model().mode().name().toLowerCase();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    private static BenchReport.StepMillis millis(Histogram h) {
        return new BenchReport.StepMillis(h.getValueAtPercentile(50) * 1e-6, h.getValueAtPercentile(90) * 1e-6,
                h.getValueAtPercentile(99) * 1e-6, h.getMaxValue() * 1e-6, h.getMean() * 1e-6);
    }
}
