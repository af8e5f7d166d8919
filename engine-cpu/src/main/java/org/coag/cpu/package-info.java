/**
 * The SIMD multi-threaded CPU backend (jdk.incubator.vector), bit-identical to the reference
 * backend. Not implemented yet: see the CPU issue. The module exists so the build, the SPI and the
 * CLI already have their final shape.
 */
package org.coag.cpu;
