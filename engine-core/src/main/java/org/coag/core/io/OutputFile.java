package org.coag.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coag.core.model.ModelException;

/**
 * A single output file named on the command line ({@code -o}, {@code --json}, {@code --profile}),
 * checked before any work starts: an existing file is replaced only when asked ({@code --force}),
 * and its directory must exist and take a new file, so a long benchmark or solve is not lost to a
 * path that could never be written.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /**
     * @param file the output file
     * @param force replace it if it exists
     * @param option the option that named it, for messages
     * @throws ModelException when it cannot or may not be written (one line)
     * @throws IOException on another file-system failure
     */
    public static void check(Path file, boolean force, String option) throws IOException {
        if (file.toString().isBlank()) {
            throw new ModelException(option + ": empty path");
        }
        if (Files.isDirectory(file)) {
            throw new ModelException(option + " " + file + " is a directory; name a file");
        }
        if (Files.exists(file) && !force) {
            throw new ModelException(option + " " + file + " already exists; pick another name or pass --force to replace it");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new ModelException(option + " " + file + ": the directory " + dir + " does not exist");
        }
        Path probe;
        try {
            probe = Files.createTempFile(dir, ".coag-probe", ".tmp");
        } catch (IOException e) {
            throw new ModelException(option + " " + file + ": cannot write in " + dir + " (" + FileErrors.describe(e) + ")");
        }
        Files.delete(probe);
    }
}
