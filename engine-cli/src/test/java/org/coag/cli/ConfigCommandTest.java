package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code coag config reference} prints the page docs/configuration.md, byte for byte. */
class ConfigCommandTest {
    @Test
    void configReferencePrintsTheConfigurationPage() throws IOException {
        CliTest.Outcome o = CliTest.coag("config", "reference");
        assertEquals(0, o.code(), o.err());
        assertEquals(Files.readString(Path.of("..", "docs", "configuration.md")), o.out(),
                "docs/configuration.md is out of date: run scripts/check-docs.sh --update");
    }
}
