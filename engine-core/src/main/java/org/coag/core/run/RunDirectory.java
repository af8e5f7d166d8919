package org.coag.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.coag.core.io.AtomicFiles;
import org.coag.core.io.DirectoryLock;
import org.coag.core.io.Json;
import org.coag.core.io.OwnedDirectory;
import org.coag.core.model.ModelException;

/**
 * The files of one run. {@code summary.json} exists only for a run that completed; {@code meta.json}
 * carries {@code status} = running, interrupted, failed, dead or completed, so a partial directory is
 * never mistaken for a finished one. One process writes a run directory at a time ({@link #lock}).
 *
 * <pre>
 *   config.toml        the resolved config (every default filled in)
 *   meta.json          version, backend, JVM, machine, seed, status, diagnostics, timings
 *   timeseries.csv     the observables' columns (Observables): step, t, survivors, h, total_mass,
 *                      max_mass, events (Timeseries), m0, m1, m2, m3 (MassMoments)
 *   mass_spectrum.csv  step, t, mass, count
 *   collisions.csv     mass_lo, mass_hi, count
 *   events.bin         canonical event log (EventRecorder), if run.event_log
 *   checkpoint.bin     last checkpoint (Checkpoint)
 *   summary.json       final numbers and hashes
 *   snapshots/         particle snapshots (H5mdSnapshot), if [observe.snapshots] asks for them
 *   .coag              marker: made by coag (OwnedDirectory), so --force may replace it
 *   .coag.lock         the writer's lock (DirectoryLock): host, pid, start
 * </pre>
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = Json.MAPPER;
    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a fresh run directory, marked as coag's own ({@link OwnedDirectory}).
     *
     * @param dir path
     * @param force replace coag's earlier run there (only a directory coag marked, holding only its files)
     * @return the directory
     * @throws IOException on file-system failure
     * @throws ModelException if it exists and is not empty and force is not given or not safe (one line)
     */
    public static RunDirectory create(Path dir, boolean force) throws IOException {
        OwnedDirectory.create(dir, OwnedDirectory.Kind.RUN, force, "--out");
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
        if (dir.toString().isBlank()) {
            throw new ModelException("--resume: empty path; name a run directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new ModelException("resume: " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
        if (!Files.isRegularFile(dir.resolve("config.toml"))) {
            throw new ModelException("resume: " + dir + " is not a coag run directory (no config.toml)");
        }
        return new RunDirectory(dir);
    }

    /**
     * Takes the one-writer lock of this directory ({@link DirectoryLock}).
     *
     * @return the lock; close it when the writing ends
     * @throws IOException on file-system failure
     * @throws ModelException when another process writes this run now
     */
    public DirectoryLock lock() throws IOException {
        return DirectoryLock.acquire(dir);
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
