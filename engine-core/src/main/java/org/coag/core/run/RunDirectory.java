package org.coag.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.coag.core.io.AtomicFiles;
import org.coag.core.model.ModelException;

/**
 * The files of one run. {@code summary.json} exists only for a run that completed; {@code meta.json}
 * carries {@code status} = running, interrupted, failed or completed, so a partial directory is never
 * mistaken for a finished one.
 *
 * <pre>
 *   config.toml        the resolved config (every default filled in)
 *   meta.json          version, backend, JVM, machine, seed, status, diagnostics, timings
 *   timeseries.csv     step, t, survivors, h, total_mass, max_mass, events
 *   mass_spectrum.csv  step, t, mass, count
 *   collisions.csv     mass_lo, mass_hi, count
 *   events.bin         canonical event log (EventRecorder), if run.event_log
 *   checkpoint.bin     last checkpoint (Checkpoint)
 *   summary.json       final numbers and hashes
 * </pre>
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a fresh run directory.
     *
     * @param dir path
     * @param force replace an existing run directory
     * @return the directory
     * @throws IOException on file-system failure
     * @throws ModelException if it exists and force is not given, or is not a run directory
     */
    public static RunDirectory create(Path dir, boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ModelException("output path " + dir + " exists and is not a directory");
        }
        if (Files.exists(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                if (!force) {
                    throw new ModelException("output directory " + dir + " already exists; pick another --out, resume it with --resume, or pass --force to replace it");
                }
                if (!Files.exists(dir.resolve("config.toml")) && !Files.exists(dir.resolve("meta.json"))) {
                    throw new ModelException("refusing to replace " + dir + ": it is not a coag run directory");
                }
                deleteTree(dir);
            }
        }
        Files.createDirectories(dir);
        return new RunDirectory(dir);
    }

    /**
     * Opens an existing run directory for resuming.
     *
     * @param dir path
     * @return the directory
     * @throws ModelException if it holds no config.toml
     */
    public static RunDirectory open(Path dir) {
        if (!Files.isRegularFile(dir.resolve("config.toml"))) {
            throw new ModelException("resume: " + dir + " is not a coag run directory (no config.toml)");
        }
        return new RunDirectory(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** @return the directory */
    public Path path() {
        return dir;
    }

    /**
     * @param name file name inside the run directory
     * @return its path
     */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * @return the resolved config text
     * @throws IOException on read failure
     */
    public String readConfig() throws IOException {
        return Files.readString(file("config.toml"), StandardCharsets.UTF_8);
    }

    /**
     * @param name file name
     * @param text contents, written atomically
     * @throws IOException on failure
     */
    public void writeText(String name, String text) throws IOException {
        AtomicFiles.write(file(name), text);
    }

    /**
     * @param name file name
     * @param value map or record, written as pretty JSON, atomically
     * @throws IOException on failure
     */
    public void writeJson(String name, Map<String, Object> value) throws IOException {
        AtomicFiles.write(file(name), JSON.writeValueAsBytes(value));
    }

    /**
     * @param name JSON file name
     * @return its contents as a map
     * @throws IOException on failure
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readJson(String name) throws IOException {
        return JSON.readValue(file(name).toFile(), Map.class);
    }
}
