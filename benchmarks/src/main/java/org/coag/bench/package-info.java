/**
 * The JMH suite (whole steps per backend, RNG, hash build, pair scan). Not written yet: see the
 * CPU and benchmarking issues; performance claims come only from here or from {@code coag bench}.
 */
package org.coag.bench;
