package org.coag.core.config;

/**
 * The density-mode record of a run ({@code [observe.density_modes]}): at every observation the
 * Fourier coefficients of the particles of one mass at the lowest torus wavevector of each axis, and
 * at the end their time autocorrelation.
 *
 * @param mass the particle mass whose modes are recorded (at least 1)
 * @param fromTime the autocorrelation uses the observations at t &gt;= this (time units; skip the
 *                 approach to equilibrium)
 */
public record DensityModeSettings(int mass, double fromTime) {
}
