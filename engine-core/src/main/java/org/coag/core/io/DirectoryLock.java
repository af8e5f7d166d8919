package org.coag.core.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.coag.core.model.ModelException;

/**
 * One writer per directory (a run, a study task): an exclusive OS lock ({@code fcntl} on Linux,
 * through {@link FileChannel#tryLock()}) on the file {@value #FILE} in the directory, whose text
 * names the holder ({@code host pid start-time}). The OS drops the lock when its process dies, by
 * SIGKILL too, so a lock file left by a dead process is not a held lock: the next writer takes it
 * over and says whose it was. The file itself is never deleted (deleting a locked file would let
 * a second writer lock a new file of the same name).
 *
 * <p>On a network file system the lock is only as good as the file system's locking (NFSv4 and
 * Lustre with {@code flock} support it; a mount without locking makes every {@code tryLock} fail,
 * which is reported). Within one JVM a second lock of the same directory is refused as well.
 */
public final class DirectoryLock implements AutoCloseable {
    /** Name of the lock file inside the locked directory. */
    public static final String FILE = ".coag.lock";
    /**
     * How long a refused lock is retried: another process may hold it only for a moment (coag
     * status marking a dead run, --force checking a directory), as a requeued task starts.
     */
    private static final long RETRY_NANOS = 3_000_000_000L;

    private final FileChannel channel;
    private final FileLock lock;
    private final Holder previous;

    /**
     * The process that holds (or last held) a lock.
     *
     * @param host host name
     * @param pid process id
     * @param since when it took the lock (ISO-8601)
     */
    public record Holder(String host, long pid, String since) {
        static Holder parse(String text) {
            String[] f = text.trim().split("\\s+");
            if (f.length < 3) {
                return null;
            }
            try {
                return new Holder(f[0], Long.parseLong(f[1]), f[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** @return the holder of a lock this process takes now */
        public static Holder self() {
            return new Holder(hostName(), ProcessHandle.current().pid(), Instant.now().toString());
        }

        @Override
        public String toString() {
            return "pid " + pid + " on " + host + " (since " + since + ")";
        }
    }

    private DirectoryLock(FileChannel channel, FileLock lock, Holder previous) {
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Takes the lock or refuses.
     *
     * @param dir an existing directory
     * @return the lock, held until {@link #close}
     * @throws ModelException when another process (or this one) holds it: one line naming the holder
     * @throws IOException when the lock file cannot be created or written
     */
    public static DirectoryLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        long deadline = System.nanoTime() + RETRY_NANOS;
        while (true) {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                } catch (IOException e) {
                    throw new ModelException("cannot lock " + file + " (" + e.getMessage() + "); does this file system support locks?");
                }
                if (lock != null) {
                    DirectoryLock taken = take(ch, lock);
                    ch = null;
                    return taken;
                }
                Holder h = Holder.parse(read(ch));
                if (System.nanoTime() > deadline) {
                    throw new ModelException(dir + " is in use by another coag process" + (h == null ? "" : ", " + h)
                            + "; wait for it to end or stop it, then retry");
                }
            } finally {
                if (ch != null) {
                    ch.close();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException(dir + " is in use by another coag process (interrupted while waiting)");
            }
        }
    }

    /** Writes this process into a freshly taken lock; releases it again if that fails. */
    private static DirectoryLock take(FileChannel ch, FileLock lock) throws IOException {
        try {
            Holder before = Holder.parse(read(ch));
            Holder me = Holder.self();
            byte[] text = (me.host() + " " + me.pid() + " " + me.since() + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text), 0);
            ch.force(true);
            return new DirectoryLock(ch, lock, before);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /**
     * Who holds the lock now, probing with a shared lock on a read-only channel (so it works on a
     * read-only directory and never keeps a writer out).
     *
     * @param dir a directory
     * @return the holder, or empty when nobody holds it (or there is no lock file)
     * @throws IOException when the lock file cannot be read
     */
    public static Optional<Holder> holder(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe;
            try {
                probe = ch.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            Holder h = Holder.parse(read(ch));
            return Optional.of(h != null ? h : new Holder("?", -1, "?"));
        }
    }

    /** @return the holder named in the lock file when this lock was taken: a process that died holding it, if any */
    public Optional<Holder> previous() {
        return Optional.ofNullable(previous);
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * Releases the lock. The file stays, emptied: a holder named in it is then one that died
     * without releasing ({@link #previous}).
     */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
            }
        } catch (IOException e) {
            // the holder stays named in the file; the lock is released all the same
        } finally {
            channel.close();
        }
    }
}
