package org.coag.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.config.Workloads;
import org.coag.core.theory.BetaTable;
import org.coag.core.theory.PdeGeometry;
import org.coag.core.theory.SmoluchowskiPde;
import org.coag.core.theory.TheoryProblem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The macroscopic solvers, each a single shot of a whole job: the 3D torus PDE
 * ({@link Workloads#THEORY_PDE_3D}: 64^3 cells, 32 masses, to t = 1) and the beta table of
 * {@link Workloads#THEORY_BETA_TABLE} (256 x 256 mass pairs, a fresh recipe every time so nothing is
 * cached between shots). Scores are seconds per job. Both use the common fork-join pool (all cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TheoryBenchmark {
    private TheoryProblem pdeProblem;
    private PdeGeometry geometry;
    private double[][] initial;
    private RunConfig betaConfig;

    /** Builds the PDE problem (beta table, grid, initial fields) outside the timed region. */
    @Setup
    public void setup() {
        pdeProblem = TheoryProblem.of(ConfigReader.read(Workloads.THEORY_PDE_3D, List.of()));
        geometry = pdeProblem.geometry();
        initial = pdeProblem.pdeInitial(geometry);
        betaConfig = ConfigReader.read(Workloads.THEORY_BETA_TABLE, List.of());
    }

    /** @return the integrals at t = 1 (consumed by JMH) */
    @Benchmark
    public double[] pdeTorus3d() {
        TheoryProblem p = pdeProblem;
        return new SmoluchowskiPde(geometry, p.diffusion(), p.kernel(), p.maxMass(), p.spec().mode())
                .run(initial, new double[] {p.tEnd()}, p.settings().dt(), null, null);
    }

    /** @return the table (consumed by JMH) */
    @Benchmark
    public BetaTable betaTable256() {
        return BetaTable.build(betaConfig.model(), 256);
    }
}
