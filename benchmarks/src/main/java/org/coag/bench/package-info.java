/**
 * The JMH suite (BENCHMARKS.md): whole steps per backend ({@link org.coag.bench.StepBenchmark}),
 * adaptive macro steps ({@link org.coag.bench.AdaptiveBenchmark}), lattice steps
 * ({@link org.coag.bench.LatticeBenchmark}), the parts of a step
 * ({@link org.coag.bench.PartsBenchmark}), the cpu backend's move kernels on one tile
 * ({@link org.coag.bench.KernelBenchmark}), the macroscopic solvers
 * ({@link org.coag.bench.TheoryBenchmark}), and heap bytes per particle
 * ({@link org.coag.bench.MemoryProbe}, a plain main). Performance claims come only from here or
 * from {@code coag bench}.
 */
package org.coag.bench;
