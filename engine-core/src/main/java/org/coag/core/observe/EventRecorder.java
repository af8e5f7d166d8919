package org.coag.core.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.coag.core.backend.EventSink;
import org.coag.core.step.EventKind;

/**
 * Consumes collision events: counts them by mass pair, tracks the mass that annihilation removed,
 * and feeds the canonical event log to SHA-256 (and optionally to a file).
 *
 * <p>Canonical event log: the events of each step sorted by (lower id, higher id), steps in
 * increasing order, each event 28 big-endian bytes:
 * {@code step:int64, idLo:int32, idHi:int32, massLo:int32, massHi:int32, survivor:int32 (-1 = none)}.
 * {@code event_log_sha256} is the SHA-256 of that byte stream; with an output stream attached the
 * stream holds exactly those bytes ({@code events.bin}). The record layout is format
 * {@link #FORMAT} ({@code event_log_format} in summary.json; a log without it is format 1). The
 * record carries no kind: in format 1 a survivor of -1 is an {@link EventKind#ANNIHILATION} and any
 * other a {@link EventKind#COAGULATION}. Format 2 (with {@link org.coag.core.io.Checkpoint#VERSION} 4,
 * so that an older coag refuses to resume or append to such a log) adds the
 * {@link EventKind#FRAGMENTATION} record: idLo = the parent, idHi = the new particle, massLo = the
 * mass the parent keeps, massHi = the new particle's mass, survivor = {@link #SPLIT} (-2). Records
 * of the other kinds are unchanged, so a run without fragmentation has the same log as in format 1.
 * Fragmentations count in {@link #events()} but not in {@link #countsByMassPair()} (collisions only).
 */
public final class EventRecorder implements EventSink {
    /** The version of the canonical log's record layout (summary.json {@code event_log_format}). */
    public static final int FORMAT = 2;

    /** The survivor field of a fragmentation record. */
    public static final int SPLIT = -2;

    /** Bytes per event in the canonical log. */
    public static final int EVENT_BYTES = 28;

    private final MessageDigest digest;
    private final OutputStream out;
    private final Map<Long, Long> byMassPair = new TreeMap<>();
    private long events;
    private long removedMass;
    private long bytes;
    private long pendingStep = -1;
    private long[][] pending = new long[16][];
    private int pendingCount;

    /**
     * @param out receives the canonical log, or null
     */
    public EventRecorder(OutputStream out) {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.out = out;
    }

    @Override
    public void collision(long step, EventKind kind, int idLo, int idHi, int massLo, int massHi, int survivorId) {
        if (step != pendingStep) {
            flush();
            pendingStep = step;
        }
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, 2 * pending.length);
        }
        boolean split = kind == EventKind.FRAGMENTATION;
        pending[pendingCount++] = new long[] {step, idLo, idHi, massLo, massHi, split ? SPLIT : survivorId};
        events++;
        if (split) {
            return;
        }
        int lo = Math.min(massLo, massHi);
        int hi = Math.max(massLo, massHi);
        byMassPair.merge(((long) lo << 32) | hi, 1L, Long::sum);
        if (kind == EventKind.ANNIHILATION) {
            removedMass += (long) massLo + massHi;
        }
    }

    /** Writes the buffered step (call before reading the digest or the byte count). */
    public void flush() {
        if (pendingCount == 0) {
            return;
        }
        Arrays.sort(pending, 0, pendingCount, (a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        ByteBuffer buf = ByteBuffer.allocate(EVENT_BYTES * pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            long[] e = pending[i];
            buf.putLong(e[0]).putInt((int) e[1]).putInt((int) e[2]).putInt((int) e[3]).putInt((int) e[4]).putInt((int) e[5]);
        }
        digest.update(buf.array());
        if (out != null) {
            try {
                out.write(buf.array());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        bytes += buf.capacity();
        pendingCount = 0;
    }

    /**
     * Feeds already-recorded canonical bytes (from {@code events.bin} on resume) to the digest.
     *
     * @param data canonical event bytes
     * @param length number of bytes to use
     */
    public void replay(byte[] data, int length) {
        digest.update(data, 0, length);
        bytes += length;
    }

    /**
     * Restores the counters saved in a checkpoint.
     *
     * @param events total events
     * @param removedMass mass removed by annihilation
     * @param counts counts by mass pair, key (lo &lt;&lt; 32 | hi)
     */
    public void restore(long events, long removedMass, Map<Long, Long> counts) {
        this.events = events;
        this.removedMass = removedMass;
        byMassPair.clear();
        byMassPair.putAll(counts);
    }

    /** @return hex SHA-256 of the canonical log so far (flushes first) */
    public String sha256() {
        flush();
        try {
            return Hex.of(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return total events */
    public long events() {
        return events;
    }

    /** @return mass removed by annihilation events */
    public long removedMass() {
        return removedMass;
    }

    /** @return canonical bytes written so far (flushes first) */
    public long bytes() {
        flush();
        return bytes;
    }

    /** @return collision counts by unordered mass pair, key (lo &lt;&lt; 32 | hi); a live view */
    public Map<Long, Long> countsByMassPair() {
        return byMassPair;
    }
}
