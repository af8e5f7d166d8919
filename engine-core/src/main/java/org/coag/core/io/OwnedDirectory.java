package org.coag.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.coag.core.model.ModelException;

/**
 * An output directory that coag made and marked as its own, so that {@code --force} can replace
 * what coag wrote there and nothing else (docs/ARCHITECTURE.md contract 2, "nothing lost"). The marker file
 * {@value #MARKER} holds one line: {@code coag KIND ID CREATED}. A directory is replaced only when it
 * carries a marker of the same kind, is not locked by a live writer ({@link DirectoryLock}), and
 * holds nothing but the files that kind writes ({@link Kind#patterns}); then those files are
 * deleted and the directory itself is kept, so {@code --out .} works too. Anything else (a foreign
 * file, an unmarked directory, a symbolic link) is refused with one line naming it.
 */
public final class OwnedDirectory {
    /** Name of the marker file. */
    public static final String MARKER = ".coag";

    /** What a directory holds, and the files (globs relative to it) coag writes there. */
    public enum Kind {
        /** A run directory ({@code coag run}, or a study task: observations.jsonl and result.json). */
        RUN(List.of("snapshots"), "config.toml", "meta.json", "summary.json", "timeseries.csv", "mass_spectrum.csv", "collisions.csv",
                "events.bin", "checkpoint.bin", "observations.jsonl", "result.json", "snapshots/step-*.h5", "snapshots/.*.tmp",
                "density_modes.csv", "density_mode_autocorrelation.csv"),
        /** A study directory ({@code coag study}; its tasks are run directories, checked as such). */
        STUDY(List.of("tasks", "slurm", "plots"), "study.toml", "theory.json", "report.md", "summary.csv", "slurm/*",
                "plots/*.png", "plots/*.svg"),
        /** The output of {@code coag theory pde}. */
        PDE(List.of(), "totals.csv", "theory.json", "fields_*.npy");

        private final List<String> directories;
        private final List<String> patterns;

        Kind(List<String> directories, String... patterns) {
            this.directories = directories;
            List<String> all = new ArrayList<>(List.of(patterns));
            all.addAll(List.of(MARKER, DirectoryLock.FILE, ".*.tmp"));
            this.patterns = List.copyOf(all);
        }

        /** @return the globs of the files this kind writes, relative to the directory ('/' separated) */
        public List<String> patterns() {
            return patterns;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private OwnedDirectory() {
    }

    /**
     * Makes {@code dir} ready for fresh output of a kind: creates it (with parents) or, when it
     * exists and holds anything, refuses unless {@code force} and the directory is coag's own of
     * that kind (class comment), in which case coag's files there are deleted. Writes the marker,
     * which also proves the directory writable before any work starts.
     *
     * @param dir the directory
     * @param kind what will be written
     * @param force replace coag's earlier output of the same kind
     * @param option the command-line option that named it, for messages (e.g. "--out")
     * @throws ModelException when refused (one line)
     * @throws IOException on a file-system failure
     */
    public static void create(Path dir, Kind kind, boolean force, String option) throws IOException {
        checkPath(dir, option);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !isEmpty(dir)) {
            if (!force) {
                throw new ModelException(option + " " + dir + " already exists and is not empty; pick another " + option
                        + (kind == Kind.RUN ? ", resume it with --resume," : "") + " or pass --force to replace coag's earlier output there");
            }
            clear(dir, kind);
        }
        Files.createDirectories(dir);
        mark(dir, kind);
    }

    /**
     * Opens a directory that a command fills over several sessions (a study): creates and marks it
     * when it is missing or empty; accepts it when it carries this kind's marker (or, written by
     * an older coag without markers, holds {@code legacyIdentity}); refuses anything else.
     *
     * @param dir the directory
     * @param kind its kind
     * @param legacyIdentity a file that identifies an unmarked directory of this kind, or null
     * @param option the option that named it, for messages
     * @throws ModelException when refused
     * @throws IOException on a file-system failure
     */
    public static void open(Path dir, Kind kind, String legacyIdentity, String option) throws IOException {
        checkPath(dir, option);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || isEmpty(dir)) {
            Files.createDirectories(dir);
            mark(dir, kind);
            return;
        }
        Optional<Kind> found = kindOf(dir);
        if (found.isPresent() && found.get() == kind) {
            return;
        }
        if (found.isEmpty() && legacyIdentity != null && Files.isRegularFile(dir.resolve(legacyIdentity))) {
            mark(dir, kind);
            return;
        }
        throw new ModelException(option + " " + dir + " is not empty and is not a coag " + kind.label() + " directory"
                + found.map(k -> " (it is a " + k.label() + " directory)").orElse("") + "; pick another " + option);
    }

    /**
     * @param dir a directory
     * @return the kind its marker names, if it has a readable marker
     */
    public static Optional<Kind> kindOf(Path dir) {
        Path m = dir.resolve(MARKER);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            String[] f = Files.readString(m, StandardCharsets.UTF_8).trim().split("\\s+");
            return f.length >= 2 && f[0].equals("coag") ? Optional.of(Kind.valueOf(f[1].toUpperCase(java.util.Locale.ROOT)))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void checkPath(Path dir, String option) {
        if (dir.toString().isBlank()) {
            throw new ModelException(option + ": empty path; name a directory (use . for the current one)");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ModelException(option + " " + dir + " exists and is not a directory");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ModelException(dir + " is a symbolic link; give the directory it points to");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void mark(Path dir, Kind kind) throws IOException {
        AtomicFiles.write(dir.resolve(MARKER), "coag " + kind.label() + " " + UUID.randomUUID() + " " + Instant.now() + "\n");
    }

    /** Deletes coag's files of this kind in dir, after checking that nothing else is there. */
    private static void clear(Path dir, Kind kind) throws IOException {
        Optional<Kind> found = kindOf(dir);
        if (found.isEmpty() || found.get() != kind) {
            throw new ModelException("refusing to replace " + dir + ": it is not marked as a coag " + kind.label() + " directory"
                    + found.map(k -> " (it is a " + k.label() + " directory)").orElse(" (no " + MARKER + " file)")
                    + "; coag replaces only its own output, so pick another directory or remove it yourself");
        }
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            deleteOwnFiles(dir, kind);
        }
    }

    private static void deleteOwnFiles(Path dir, Kind kind) throws IOException {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String p : kind.patterns()) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
        }
        List<Path> own = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                Path rel = dir.relativize(p);
                boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                boolean ok = isDir ? kind.directories.contains(rel.toString())
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && matchers.stream().anyMatch(m -> m.matches(rel));
                if (ok) {
                    own.add(p);
                } else {
                    foreign.add(rel + (isDir ? "/" : ""));
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new ModelException("refusing to replace " + dir + ": it holds " + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "") + ", which coag did not write; "
                    + "move them away or pick another directory");
        }
        own.sort(Comparator.comparing(Path::getNameCount).reversed());
        for (Path p : own) {
            if (!p.getFileName().toString().equals(DirectoryLock.FILE)) {
                Files.delete(p);
            }
        }
    }
}
