package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.cli.CliTest.Outcome;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import org.coag.core.study.StudyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coag init}: every template is a valid config for the command it names, and files are not overwritten by accident. */
class InitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void everyTemplateIsReadByTheRealConfigReaders() {
        for (String name : InitCommand.TEMPLATES) {
            String text = InitCommand.text(name);
            assertTrue(text.startsWith("# coag template \"" + name + "\": "), name + " starts with its one-line summary");
            assertTrue(text.lines().filter(l -> l.trim().startsWith("#") || l.contains(" # ")).count() >= 3, name + " is commented");
            RunConfig cfg = ConfigReader.read(text, List.of());
            if (name.equals("study")) {
                assertTrue(StudyPlan.of(text, List.of()).tasks().size() >= 3, "the study template is a study");
            } else {
                assertTrue(cfg.run().steps() >= 1, name);
            }
        }
    }

    @Test
    void listNamesEveryTemplateWithItsSummary() {
        Outcome o = coag("init", "--list");
        assertEquals(0, o.code(), o.err());
        for (String name : InitCommand.TEMPLATES) {
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.length() > name.length() + 20), o.out());
        }
    }

    @Test
    void writesTheTemplateAndRefusesToOverwriteWithoutForce() throws IOException {
        Path file = tmp.resolve("my.toml");
        Outcome first = coag("init", "--template", "masses", file.toString());
        assertEquals(0, first.code(), first.err());
        assertEquals(InitCommand.text("masses"), Files.readString(file));
        Files.writeString(file, "edited");
        Outcome again = coag("init", "--template", "adaptive", file.toString());
        assertEquals(1, again.code());
        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(again.err().contains("already exists") && again.err().contains("--force"), again.err());
        assertEquals("edited", Files.readString(file), "the edited file is kept");
        assertEquals(0, coag("init", "--template", "adaptive", "--force", file.toString()).code());
        assertEquals(InitCommand.text("adaptive"), Files.readString(file));
    }

    @Test
    void anUnknownTemplateNamesTheAvailableOnes() {
        Outcome o = coag("init", "--template", "nope", tmp.resolve("x.toml").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("available: default, adaptive"), o.err());
        assertTrue(!Files.exists(tmp.resolve("x.toml")));
    }
}
