package org.coag.core.io;

import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file replacement (docs/ARCHITECTURE.md contract 2): write a temporary file in the same directory,
 * fsync it, rename it over the target, fsync the directory. A reader sees the old file or the new
 * one, never a torn one, even after SIGKILL or power loss.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * @param target file to replace
     * @param data new contents
     * @throws IOException on failure (the target is then unchanged)
     */
    public static void write(Path target, byte[] data) throws IOException {
        write(target, out -> out.write(data));
    }

    /** Writes a file's contents to a stream. */
    @FunctionalInterface
    public interface Contents {
        /**
         * @param out the stream (buffered; closed by the caller)
         * @throws IOException on failure
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Streams the new contents (no copy of them in memory: a checkpoint of 1e8 particles is GBs).
     *
     * @param target file to replace
     * @param contents writes the new contents
     * @throws IOException on failure (the target is then unchanged)
     */
    public static void write(Path target, Contents contents) throws IOException {
        Path tmp = temporary(target);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 20);
            contents.writeTo(out);
            out.flush();
            ch.force(true);
        }
        replace(tmp, target);
    }

    /** Writes a whole file at a path it is given (a library that writes files, not streams). */
    @FunctionalInterface
    public interface FileContents {
        /**
         * @param file the file to create and write completely
         * @throws IOException on failure
         */
        void writeTo(Path file) throws IOException;
    }

    /**
     * Like {@link #write(Path, Contents)} for a writer that needs a path: it writes a temporary file
     * in the target's directory, which is then synced and renamed over the target.
     *
     * @param target file to replace
     * @param contents writes the new contents to the path it is given
     * @throws IOException on failure (the target is then unchanged)
     */
    public static void writeFile(Path target, FileContents contents) throws IOException {
        Path tmp = temporary(target);
        Files.deleteIfExists(tmp);
        contents.writeTo(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        replace(tmp, target);
    }

    /**
     * @param target file to replace
     * @param text new contents, UTF-8
     * @throws IOException on failure
     */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Flushes a directory entry to disk (a no-op where the platform cannot open directories).
     *
     * @param dir directory
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open a directory; the rename is still atomic there.
        }
    }

    /** The temporary file a new version of {@code target} is written to: hidden, in the same directory. */
    private static Path temporary(Path target) {
        return target.toAbsolutePath().getParent().resolve("." + target.getFileName() + ".tmp");
    }

    /** Renames the synced temporary file over the target and syncs the directory, so the rename survives a crash. */
    private static void replace(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(tmp.getParent());
    }
}
