package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.cli.CliTest.Outcome;
import org.coag.core.backend.AutoBackend;
import org.junit.jupiter.api.Test;

/** What a newcomer meets first: usage errors, --version, completion, the auto backend and --set of a duration. */
class FrontDoorTest {
    @Test
    void aBadOptionIsOneLineWithAPointerToHelp() {
        Outcome o = coag("run", "--foo");
        assertEquals(2, o.code());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("coag run: unknown option: '--foo'"), o.err());
        assertTrue(o.err().trim().endsWith("see 'coag run --help'"), o.err());
        Outcome sub = coag("theory", "ode", "--bogus");
        assertTrue(sub.err().startsWith("coag theory ode: ") && sub.err().contains("'coag theory ode --help'"), sub.err());
    }

    @Test
    void usageErrorJoinsPicocliLinesIntoOne() {
        assertEquals("coag run: unmatched argument at index 1: 'x' Did you mean: run?; see 'coag run --help'",
                CoagMain.usageError("coag run", "Unmatched argument at index 1: 'x'\nDid you mean: run?\n"));
    }

    @Test
    void versionNamesTheCommitTheBuildAndTheJvm() {
        Outcome o = coag("--version");
        assertEquals(0, o.code());
        String[] lines = o.out().split("\\R");
        assertTrue(lines[0].startsWith("coag 0."), o.out());
        assertTrue(lines[1].startsWith("commit ") && lines[1].contains(", built "), o.out());
        assertTrue(!lines[1].contains("unknown commit") || VersionInfo.buildInfo().getProperty("commit", "unknown commit").equals("unknown commit"),
                "the commit comes from the build: " + o.out());
        assertTrue(lines[2].contains(System.getProperty("java.runtime.version")), o.out());
    }

    @Test
    void completionIsABashScriptCoveringTheSubcommands() {
        Outcome o = coag("completion");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("complete -F") && o.out().contains("coag"), "a bash completion script");
        for (String sub : new String[] {"run", "init", "study", "theory", "devices"}) {
            assertTrue(o.out().contains(sub), sub);
        }
        assertTrue(o.out().contains("--template") && o.out().contains("--backend"), "options are completed");
    }

    @Test
    void theDefaultRunChoosesItsBackendAutomaticallyAndSaysWhy() {
        Outcome o = coag("run", "--dry-run", "--set", "time.steps=3000");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("backend auto -> "), o.out());
        assertTrue(o.out().contains("3000 steps"), "time.steps replaced the default's t_end: " + o.out());
        Outcome small = coag("run", "--dry-run", "--set", "model.particles=" + (AutoBackend.CPU_MIN_PARTICLES - 1));
        assertTrue(small.out().contains("backend auto -> reference: N = "), small.out());
        Outcome named = coag("run", "--dry-run", "--backend", "reference");
        assertTrue(!named.out().contains("backend auto"), "a named backend is not announced as auto: " + named.out());
    }

    @Test
    void unsetRemovesAKey() {
        Outcome o = coag("run", "--dry-run", "--unset", "time.t_end");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("give exactly one of time.t_end or time.steps"), o.err());
    }
}
