package org.coag.cpu;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * the Philox uniforms, the AS241 normals and the fixed-point update. In package org.coag.cpu to
 * reach the package-private kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(Worker.TILE)
public class KernelBenchmark {
    private final int[] ids = new int[Worker.TILE];
    private final int[] mass = new int[Worker.TILE];
    private final long[][] pos = new long[3][Worker.TILE];
    private final double[][] u = new double[4][Worker.TILE];
    private final double[][] z = new double[4][Worker.TILE];
    private final double[] sigma = {0, 1e12, 1e12};
    private final VectorNormals.Scratch scratch = new VectorNormals.Scratch(Worker.TILE);
    private VectorNormals normals;
    private long step;

    /** Fills the tile. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < Worker.TILE; i++) {
            ids[i] = i * 3 + 1;
            mass[i] = 1;
        }
        normals = new VectorNormals(1);
        normals.uniforms(ids, 0, Worker.TILE, 0, 2, u);
        for (int c = 0; c < 3; c++) {
            VectorNormals.normals(u[c], z[c], scratch, Worker.TILE);
        }
        r.nextLong();
    }

    /** @return a value so the work is kept */
    @Benchmark
    public double philox() {
        normals.uniforms(ids, 0, Worker.TILE, step++, 2, u);
        return u[0][0];
    }

    /** @return a value so the work is kept */
    @Benchmark
    public double gaussians() {
        for (int c = 0; c < 3; c++) {
            VectorNormals.normals(u[c], z[c], scratch, Worker.TILE);
        }
        return z[0][0];
    }

    /** @return a value so the work is kept */
    @Benchmark
    public long tile() {
        normals.uniforms(ids, 0, Worker.TILE, step++, 2, u);
        for (int c = 0; c < 3; c++) {
            VectorNormals.normals(u[c], z[c], scratch, Worker.TILE);
        }
        VectorMoves.apply(pos, mass, 0, Worker.TILE, z, sigma, false);
        return pos[0][0];
    }

    /** @return a value so the work is kept */
    @Benchmark
    public long apply() {
        VectorMoves.apply(pos, mass, 0, Worker.TILE, z, sigma, false);
        return pos[0][0];
    }
}
