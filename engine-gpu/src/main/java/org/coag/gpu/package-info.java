/**
 * The OpenCL backend (JOCL), bit-identical to the reference backend: the whole fixed-step step on
 * the device ({@link org.coag.gpu.OpenClSimulation}), one program of all kernels per run
 * ({@link org.coag.gpu.ProgramBuilder}), device listing and selection ({@link org.coag.gpu.OpenCl}).
 */
package org.coag.gpu;
