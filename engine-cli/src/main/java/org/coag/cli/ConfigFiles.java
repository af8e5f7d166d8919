package org.coag.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.coag.core.model.ModelException;

/** Reads a config file named on the command line; a missing file is a one-line user error. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /**
     * @param path the file
     * @return its text (UTF-8)
     * @throws IOException on other read failures
     * @throws ModelException when it does not exist
     */
    static String read(Path path) throws IOException {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelException("config file " + path + " does not exist");
        }
    }
}
