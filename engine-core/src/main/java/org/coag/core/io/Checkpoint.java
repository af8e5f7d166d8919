package org.coag.core.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;
import org.coag.core.observe.Timeseries;

/**
 * A resumable snapshot ({@code checkpoint.bin}), written atomically by {@link AtomicFiles}.
 * No Java serialisation: a versioned big-endian layout followed by the SHA-256 of everything
 * before it.
 *
 * <pre>
 *   "COAGCKPT"  int version  UTF configSha256  long step  double wallSeconds  long particleSteps
 *   int dim  int count  then per particle (id order): int id, int mass, long pos[dim]
 *   long events  long removedMass  long eventLogBytes  int pairs  (int lo, int hi, long count) x pairs
 *   Timeseries rows (see Timeseries.write)
 *   32 bytes SHA-256 of all preceding bytes
 * </pre>
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
 * @param series observations so far
 */
public record Checkpoint(String configSha256, long step, double wallSeconds, long particleSteps, ParticleState state,
                         long events, long removedMass, long eventLogBytes, Map<Long, Long> countsByMassPair,
                         Timeseries series) {
    /** Current format version. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "COAGCKPT".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param file destination, replaced atomically
     * @throws IOException on failure
     */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(configSha256);
        out.writeLong(step);
        out.writeDouble(wallSeconds);
        out.writeLong(particleSteps);
        ParticleState s = state.copy();
        s.sortById();
        out.writeInt(s.dim());
        out.writeInt(s.count());
        for (int i = 0; i < s.count(); i++) {
            out.writeInt(s.ids()[i]);
            out.writeInt(s.masses()[i]);
            for (int k = 0; k < s.dim(); k++) {
                out.writeLong(s.positions()[k][i]);
            }
        }
        out.writeLong(events);
        out.writeLong(removedMass);
        out.writeLong(eventLogBytes);
        out.writeInt(countsByMassPair.size());
        for (Map.Entry<Long, Long> e : countsByMassPair.entrySet()) {
            out.writeLong(e.getKey());
            out.writeLong(e.getValue());
        }
        series.write(out);
        out.flush();
        byte[] payload = bytes.toByteArray();
        byte[] all = Arrays.copyOf(payload, payload.length + 32);
        System.arraycopy(sha256(payload, payload.length), 0, all, payload.length, 32);
        AtomicFiles.write(file, all);
    }

    /**
     * @param file a checkpoint file
     * @param capacity particle capacity of the restored state (N)
     * @param initialParticles N, for the restored time series
     * @return the checkpoint
     * @throws ModelException if the file is missing, truncated, corrupt or of another version
     * @throws IOException on read failure
     */
    public static Checkpoint read(Path file, int capacity, long initialParticles) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("resume: no checkpoint at " + file + " (the run never reached its first checkpoint)");
        }
        if (all.length < MAGIC.length + 36 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new ModelException("resume: " + file + " is not a coag checkpoint");
        }
        int n = all.length - 32;
        if (!Arrays.equals(sha256(all, n), Arrays.copyOfRange(all, n, all.length))) {
            throw new ModelException("resume: checksum mismatch in " + file + " (the file is corrupt)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, n - MAGIC.length));
        int version = in.readInt();
        if (version != VERSION) {
            throw new ModelException("resume: checkpoint format version " + version + " is not supported (this coag reads " + VERSION + ")");
        }
        String configSha = in.readUTF();
        long step = in.readLong();
        double wall = in.readDouble();
        long particleSteps = in.readLong();
        int dim = in.readInt();
        int count = in.readInt();
        ParticleState s = new ParticleState(dim, capacity);
        for (int i = 0; i < count; i++) {
            s.ids()[i] = in.readInt();
            s.masses()[i] = in.readInt();
            for (int k = 0; k < dim; k++) {
                s.positions()[k][i] = in.readLong();
            }
        }
        s.setCount(count);
        long events = in.readLong();
        long removed = in.readLong();
        long logBytes = in.readLong();
        int pairs = in.readInt();
        Map<Long, Long> counts = new TreeMap<>();
        for (int i = 0; i < pairs; i++) {
            counts.put(in.readLong(), in.readLong());
        }
        Timeseries series = new Timeseries(initialParticles);
        series.read(in);
        return new Checkpoint(configSha, step, wall, particleSteps, s, events, removed, logBytes, counts, series);
    }

    /**
     * @param data bytes
     * @param length how many to hash
     * @return SHA-256 digest
     */
    public static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
