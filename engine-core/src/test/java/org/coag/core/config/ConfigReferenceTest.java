package org.coag.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference cannot drift: every key the readers accept is described, every
 * described key is read, and docs/configuration.md is exactly what {@code coag config reference} prints.
 */
class ConfigReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "configuration.md");

    @Test
    void everyKeyTheReadersAcceptIsDescribedAndEveryDescribedKeyIsRead() {
        String page = ConfigReference.markdown();
        assertTrue(page.contains("| `particles` | integer | none |"), page);
        assertTrue(page.contains("| `type` | one of `\"doi\"`, `\"bump\"`, `\"table\"` | `\"doi\"` |"), page);
    }

    @Test
    void aKeyWithoutDescriptionIsNamed() {
        ObjectNode catalogue = ConfigReference.catalogue();
        catalogue.remove("time.stop_at_survivor_fraction");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConfigReference.markdown(catalogue, ConfigReference.readAll()));
        assertTrue(e.getMessage().contains("time.stop_at_survivor_fraction: read by the config readers but has no description"), e.getMessage());
    }

    @Test
    void aDescribedKeyNoReaderAsksForIsNamed() {
        ObjectNode catalogue = ConfigReference.catalogue();
        catalogue.putObject("time.t_start").put("text", "a key nobody reads");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConfigReference.markdown(catalogue, ConfigReference.readAll()));
        assertTrue(e.getMessage().contains("time.t_start: described"), e.getMessage());
    }

    @Test
    void aDefaultThatDependsOnOtherKeysMustBeDescribed() {
        ObjectNode catalogue = ConfigReference.catalogue();
        ((ObjectNode) catalogue.get("time.tolerance_load")).remove("default");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConfigReference.markdown(catalogue, ConfigReference.readAll()));
        assertTrue(e.getMessage().contains("time.tolerance_load: the readers give it several defaults"), e.getMessage());
    }

    @Test
    void docsConfigurationPageIsTheGeneratedText() throws IOException {
        String expected = ConfigReference.markdown();
        String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "docs/configuration.md is out of date: run `./coag config reference > docs/configuration.md` "
                + "(or scripts/check-docs.sh --update)");
    }
}
