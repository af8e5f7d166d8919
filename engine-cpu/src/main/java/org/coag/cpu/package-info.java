/**
 * The SIMD multi-threaded cpu backend ({@link org.coag.cpu.CpuBackend}, jdk.incubator.vector),
 * bit-identical to the reference backend at any thread count and vector width: the fixed-step
 * scheme with a Verlet pair list over rows ({@link org.coag.cpu.CpuSimulation},
 * {@link org.coag.cpu.RowGrid}, {@link org.coag.cpu.RowSort}, {@link org.coag.cpu.RowScanner}),
 * the adaptive scheme with its midpoint grids ({@link org.coag.cpu.CpuAdaptiveSimulation},
 * {@link org.coag.cpu.MidpointScan}), the Vector API kernels ({@link org.coag.cpu.VectorNormals},
 * {@link org.coag.cpu.VectorMoves}) and the worker pool ({@link org.coag.cpu.WorkerPool}).
 * {@link org.coag.cpu.CpuPhases} and {@link org.coag.cpu.CpuKernels} open phases and kernels to the
 * JMH suite in {@code org.coag.bench}.
 */
package org.coag.cpu;
