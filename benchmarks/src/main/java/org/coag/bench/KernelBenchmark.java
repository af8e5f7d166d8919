package org.coag.bench;

import java.util.concurrent.TimeUnit;
import org.coag.cpu.CpuKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cpu backend's move kernels on one tile, single thread: nanoseconds per particle (d = 3) for
 * the Philox uniforms, the AS241 normals and the fixed-point update. The kernels are package-private
 * in org.coag.cpu; {@link CpuKernels} is their public seam for this benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(CpuKernels.TILE)
public class KernelBenchmark {
    private CpuKernels kernels;

    /** Fills the tile. */
    @Setup
    public void setUp() {
        kernels = new CpuKernels();
    }

    /** @return a value so the work is kept */
    @Benchmark
    public double philox() {
        return kernels.philox();
    }

    /** @return a value so the work is kept */
    @Benchmark
    public double gaussians() {
        return kernels.gaussians();
    }

    /** @return a value so the work is kept */
    @Benchmark
    public long tile() {
        return kernels.tile();
    }

    /** @return a value so the work is kept */
    @Benchmark
    public long apply() {
        return kernels.apply();
    }
}
