package org.coag.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test configs under {@code /configs/} on the test class path (engine-core's test-jar). */
public final class TestConfigs {
    private TestConfigs() {
    }

    /**
     * @param name file name under /configs/
     * @return its text
     */
    public static String text(String name) {
        try (InputStream in = TestConfigs.class.getResourceAsStream("/configs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test config " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
