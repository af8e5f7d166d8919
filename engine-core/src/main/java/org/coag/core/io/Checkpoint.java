package org.coag.core.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;

/**
 * A resumable snapshot ({@code checkpoint.bin}), written atomically by {@link AtomicFiles}.
 * No Java serialisation: a versioned big-endian layout followed by the SHA-256 of everything
 * before it.
 *
 * <pre>
 *   "COAGCKPT"  int version  UTF configSha256  long step  double wallSeconds  long particleSteps
 *   int dim  int count  then per particle (id order): int id, int mass, long pos[dim]
 *   version 4: int nextId (the id of the next particle fragmentation creates)
 *   long events  long removedMass  long eventLogBytes  [version 2 only: long observerBytes]
 *   int pairs  (long lo &lt;&lt; 32 | hi, long count) x pairs
 *   versions 3, 4: int sections, then per observable: UTF name, int version, long length, bytes[length]
 *              (see {@link org.coag.core.observe.Observable#writeState})
 *   versions 1 and 2: the time series rows (Timeseries layout 1) up to the digest
 *   32 bytes SHA-256 of all preceding bytes
 * </pre>
 *
 * <p>Version 4 came with fragmentation (it also marks run directories whose event log is
 * {@link org.coag.core.observe.EventRecorder#FORMAT} 2); versions 1 to 3 are read with nextId =
 * max(N, largest id + 1). Versions 1 and 2 are read as sections: {@code timeseries} (layout 1: the rows) and
 * {@code study_observations} (layout 1: the long observerBytes, 0 in version 1).
 *
 * @param configSha256 SHA-256 of the resolved config text, checked on resume
 * @param step the index of the next step
 * @param wallSeconds wall time spent stepping before the checkpoint
 * @param particleSteps particle-steps taken before the checkpoint
 * @param state the particles
 * @param events events so far
 * @param removedMass mass removed by annihilation so far
 * @param eventLogBytes length of {@code events.bin} at the checkpoint
 * @param countsByMassPair collision counts, key (lo &lt;&lt; 32 | hi)
 * @param sections the observables' states, in the run's order
 */
public record Checkpoint(String configSha256, long step, double wallSeconds, long particleSteps, ParticleState state,
                         long events, long removedMass, long eventLogBytes, Map<Long, Long> countsByMassPair,
                         List<Section> sections) {
    /** Current format version. */
    public static final int VERSION = 4;
    private static final String LEGACY_SERIES = "timeseries";
    private static final String LEGACY_OBSERVER = "study_observations";

    /**
     * One observable's part of the checkpoint.
     *
     * @param name the observable's name
     * @param version the layout its bytes are in
     * @param bytes what it wrote
     */
    public record Section(String name, int version, byte[] bytes) {
    }

    private static final byte[] MAGIC = "COAGCKPT".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param file destination, replaced atomically
     * @throws IOException on failure
     */
    public void write(Path file) throws IOException {
        ParticleState s = state.copy();
        s.sortById();
        AtomicFiles.write(file, raw -> {
            MessageDigest md = sha256();
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(raw, md));
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(configSha256);
            out.writeLong(step);
            out.writeDouble(wallSeconds);
            out.writeLong(particleSteps);
            out.writeInt(s.dim());
            out.writeInt(s.count());
            for (int i = 0; i < s.count(); i++) {
                out.writeInt(s.ids()[i]);
                out.writeInt(s.masses()[i]);
                for (int k = 0; k < s.dim(); k++) {
                    out.writeLong(s.positions()[k][i]);
                }
            }
            out.writeInt(s.nextId());
            out.writeLong(events);
            out.writeLong(removedMass);
            out.writeLong(eventLogBytes);
            out.writeInt(countsByMassPair.size());
            for (Map.Entry<Long, Long> e : countsByMassPair.entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(sections.size());
            for (Section sec : sections) {
                out.writeUTF(sec.name());
                out.writeInt(sec.version());
                out.writeLong(sec.bytes().length);
                out.write(sec.bytes());
            }
            out.flush();
            raw.write(md.digest());
        });
    }

    /**
     * @param file a checkpoint file
     * @param capacity particle capacity of the restored state (N)
     * @return the checkpoint
     * @throws ModelException if the file is missing, truncated, corrupt or of another version
     * @throws IOException on read failure
     */
    public static Checkpoint read(Path file, int capacity) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("resume: no checkpoint at " + file + " (the run never reached its first checkpoint)");
        }
        verify(file, size);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            in.skipNBytes(MAGIC.length);
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new ModelException("resume: checkpoint format version " + version + " is not supported (this coag reads 1 to " + VERSION + ")");
            }
            String configSha = in.readUTF();
            long step = in.readLong();
            double wall = in.readDouble();
            long particleSteps = in.readLong();
            int dim = in.readInt();
            int count = in.readInt();
            ParticleState s = new ParticleState(dim, capacity);
            s.ensureCapacity(count);
            int largestId = -1;
            for (int i = 0; i < count; i++) {
                s.ids()[i] = in.readInt();
                s.masses()[i] = in.readInt();
                for (int k = 0; k < dim; k++) {
                    s.positions()[k][i] = in.readLong();
                }
            }
            s.setCount(count);
            for (int i = 0; i < count; i++) {
                largestId = Math.max(largestId, s.ids()[i]);
            }
            s.setNextId(version >= 4 ? in.readInt() : Math.max(capacity, largestId + 1));
            long events = in.readLong();
            long removed = in.readLong();
            long logBytes = in.readLong();
            long observerBytes = version == 2 ? in.readLong() : 0;
            int pairs = in.readInt();
            Map<Long, Long> counts = new TreeMap<>();
            for (int i = 0; i < pairs; i++) {
                counts.put(in.readLong(), in.readLong());
            }
            List<Section> sections = version >= 3 ? readSections(in) : legacySections(in, observerBytes);
            return new Checkpoint(configSha, step, wall, particleSteps, s, events, removed, logBytes, counts, sections);
        }
    }

    private static List<Section> readSections(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Section> sections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int version = in.readInt();
            long length = in.readLong();
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new ModelException("resume: checkpoint section '" + name + "' has an impossible length " + length);
            }
            sections.add(new Section(name, version, in.readNBytes((int) length)));
        }
        return sections;
    }

    /** Versions 1 and 2: the time series rows run up to the digest; the observer's length was a field. */
    private static List<Section> legacySections(DataInputStream in, long observerBytes) throws IOException {
        byte[] rest = in.readAllBytes();
        byte[] rows = Arrays.copyOf(rest, rest.length - 32);
        byte[] observer = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            observer[i] = (byte) (observerBytes >>> (56 - 8 * i));
        }
        return List.of(new Section(LEGACY_SERIES, 1, rows), new Section(LEGACY_OBSERVER, 1, observer));
    }

    /** Checks the magic and the trailing SHA-256 of the whole file, streaming it once. */
    private static void verify(Path file, long size) throws IOException {
        if (size < MAGIC.length + 36) {
            throw new ModelException("resume: " + file + " is not a coag checkpoint");
        }
        MessageDigest md = sha256();
        byte[] stored;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            byte[] head = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(head, MAGIC)) {
                throw new ModelException("resume: " + file + " is not a coag checkpoint");
            }
            md.update(head);
            byte[] buf = new byte[1 << 16];
            for (long left = size - 32 - MAGIC.length; left > 0; ) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new ModelException("resume: " + file + " ended early (the file is truncated)");
                }
                md.update(buf, 0, n);
                left -= n;
            }
            stored = in.readNBytes(32);
        }
        if (!Arrays.equals(md.digest(), stored)) {
            throw new ModelException("resume: checksum mismatch in " + file + " (the file is corrupt)");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param data bytes
     * @param length how many to hash
     * @return SHA-256 digest
     */
    public static byte[] sha256(byte[] data, int length) {
        MessageDigest md = sha256();
        md.update(data, 0, length);
        return md.digest();
    }
}
