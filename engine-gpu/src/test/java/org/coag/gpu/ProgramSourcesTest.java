package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** coag.opencl.sources replaces the sources it holds, and only those (the planted race of scripts/ci-oclgrind.sh). */
class ProgramSourcesTest {
    @Test
    void aSourceDirectoryReplacesOnlyTheFilesItHolds(@TempDir Path dir) throws IOException {
        String jarPairs = ProgramBuilder.resource("pairs.cl");
        Files.writeString(dir.resolve("pairs.cl"), "/* edited */");
        System.setProperty(ProgramBuilder.SOURCES_PROPERTY, dir.toString());
        try {
            assertEquals("/* edited */", ProgramBuilder.resource("pairs.cl"));
            assertTrue(ProgramBuilder.resource("move.cl").contains("__kernel void move"));
        } finally {
            System.clearProperty(ProgramBuilder.SOURCES_PROPERTY);
        }
        assertEquals(jarPairs, ProgramBuilder.resource("pairs.cl"));
    }
}
