package org.coag.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.RunFingerprint;
import org.coag.core.model.ModelException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite of DESIGN.md contract 1, written once and run by every backend: each
 * config under {@code /conformance/} must give the reference backend's event count, event-log
 * hash and final-state hash, bit for bit, for every thread count the backend lists. A backend's
 * test module subclasses this (engine-core publishes it in its test-jar).
 *
 * <p>The configs cover d = 2, 3, 4; torus and free space; coagulation and annihilation; Doi, bump
 * and table kernels; mass-dependent d(n), alpha and radii; P_{N,b}; the d = 2 |log eps| rule;
 * uniform, ball, box and Gaussian starts; fewer than 3 cells per side; mostly odd N (vector
 * tails); about 150 to 1300 collisions each; and the adaptive scheme (files {@code adaptive-*}: torus
 * and free space, d = 2, 3, 4, annihilation and coagulation with redraws, radii, P_{N,b}; one at a loose tolerance where the screen decides events, {@link AdaptiveScreenDecidesTest}),
 * the lattice model (files {@code lattice-*}: d = 2, 3, 4, torus and reflecting box, rate and
 * instantaneous coalescence, annihilation and coagulation with masses, every start), and
 * fragmentation (files {@code frag-*}: dual and given-rate rules, d = 2, 3, 4, torus and free
 * space, radii, P_{N,b}); the lattice and fragmentation cases run on the reference and cpu
 * backends. A
 * backend that does not implement a config ({@link Backend#unsupported}, e.g. opencl and the
 * adaptive scheme) must refuse it with its reason before the run; that is tested instead. The expected values come from the reference backend via
 * {@link RecordConformance}; a deliberate change of the step or the RNG layout changes them, and
 * the commit that does so must say it.
 */
public abstract class BackendConformance {
    /** @return the backend under test */
    protected abstract Backend backend();

    /** @return the option sets to test (threads, vector width); each case runs with each */
    protected List<BackendOptions> variants() {
        return List.of(new BackendOptions(1, 0));
    }

    /** @return the cases to run; by default all of expected.csv */
    protected List<ConformanceCase> cases() {
        return ConformanceCase.all();
    }

    @TestFactory
    Stream<DynamicTest> matchesTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BackendOptions options : variants()) {
            for (ConformanceCase c : cases()) {
                String label = c.name() + " threads=" + options.threads();
                String refusal = backend().unsupported(ConformanceCase.config(c.name()).model());
                if (refusal != null) {
                    tests.add(DynamicTest.dynamicTest(label + " (refused)", () -> {
                        ModelException e = assertThrows(ModelException.class, () -> ConformanceCase.run(c.name(), backend(), options),
                                label + ": a backend that does not implement a config must refuse it before the run");
                        assertTrue(e.getMessage().contains(refusal), e.getMessage());
                    }));
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(label, () -> {
                    RunFingerprint got = ConformanceCase.run(c.name(), backend(), options);
                    assertEquals(c.events(), got.events(), label + ": events");
                    assertEquals(c.eventLog(), got.eventLog(), label + ": event_log_sha256");
                    assertEquals(c.finalState(), got.finalState(), label + ": final_state_sha256");
                }));
            }
        }
        return tests.stream();
    }
}
