package org.coag.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelException;
import org.coag.core.observe.Observable;
import org.coag.core.observe.Observables;
import org.coag.core.observe.Timeseries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint format 3 (one section per observable) and the reading of formats 1 and 2. */
class CheckpointFormatsTest {
    @TempDir
    Path tmp;

    private static ParticleState state() {
        ParticleState s = new ParticleState(1, 3);
        for (int i = 0; i < 3; i++) {
            s.ids()[i] = i;
            s.masses()[i] = i + 1;
            s.positions()[0][i] = 10L * i;
        }
        s.setCount(3);
        return s;
    }

    /** A checkpoint in the layout of format 1 or 2, byte by byte as coag wrote it before format 3. */
    private static byte[] legacy(int version, long observerBytes, byte[] rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("COAGCKPT".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(version);
        out.writeUTF("abc");
        out.writeLong(5);
        out.writeDouble(1.5);
        out.writeLong(15);
        ParticleState s = state();
        out.writeInt(1);
        out.writeInt(s.count());
        for (int i = 0; i < s.count(); i++) {
            out.writeInt(s.ids()[i]);
            out.writeInt(s.masses()[i]);
            out.writeLong(s.positions()[0][i]);
        }
        out.writeLong(0);
        out.writeLong(0);
        out.writeLong(0);
        if (version == 2) {
            out.writeLong(observerBytes);
        }
        out.writeInt(0);
        out.write(rows);
        out.flush();
        byte[] body = bytes.toByteArray();
        out.write(Checkpoint.sha256(body, body.length));
        return bytes.toByteArray();
    }

    private static Observables timeseriesOnly() throws IOException {
        Observables o = Observables.of(List.of(new Timeseries(3)));
        o.start(new Observable.Sample(0, 0.0, state(), 0));
        return o;
    }

    @Test
    void formatTwoIsReadAsTheTimeseriesAndStudySections() throws IOException {
        byte[] rows = timeseriesOnly().sections().get(0).bytes();
        Path file = tmp.resolve("v2.bin");
        Files.write(file, legacy(2, 1234, rows));
        Checkpoint ck = Checkpoint.read(file, 3);
        assertEquals(5, ck.step());
        assertEquals(List.of("timeseries", "study_observations"), ck.sections().stream().map(Checkpoint.Section::name).toList());
        assertArrayEquals(rows, ck.sections().get(0).bytes());
        assertEquals(1234, java.nio.ByteBuffer.wrap(ck.sections().get(1).bytes()).getLong());
        Observables restored = Observables.of(List.of(new Timeseries(3)));
        restored.restore(ck.sections(), ck.step());
        assertEquals(6, restored.timeseries().last().totalMass());
    }

    @Test
    void formatOneHasNoObserverLength() throws IOException {
        Path file = tmp.resolve("v1.bin");
        Files.write(file, legacy(1, 0, timeseriesOnly().sections().get(0).bytes()));
        assertEquals(0, java.nio.ByteBuffer.wrap(Checkpoint.read(file, 3).sections().get(1).bytes()).getLong());
    }

    @Test
    void formatThreeRoundTripsItsSections() throws IOException {
        List<Checkpoint.Section> sections = List.of(new Checkpoint.Section("a", 1, new byte[] {1, 2}), new Checkpoint.Section("b", 7, new byte[0]));
        Path file = tmp.resolve("v3.bin");
        new Checkpoint("abc", 5, 1.5, 15, state(), 0, 0, 0, Map.of(), sections).write(file);
        Checkpoint ck = Checkpoint.read(file, 3);
        assertEquals(2, ck.sections().size());
        for (int i = 0; i < 2; i++) {
            assertEquals(sections.get(i).name(), ck.sections().get(i).name());
            assertEquals(sections.get(i).version(), ck.sections().get(i).version());
            assertArrayEquals(sections.get(i).bytes(), ck.sections().get(i).bytes());
        }
    }

    @Test
    void newerFormatsAndSectionsAreRefusedInOneLine() throws IOException {
        Path file = tmp.resolve("v9.bin");
        Files.write(file, legacy(9, 0, new byte[4]));
        ModelException format = assertThrows(ModelException.class, () -> Checkpoint.read(file, 3));
        assertTrue(format.getMessage().contains("version 9 is not supported"), format.getMessage());
        byte[] rows = timeseriesOnly().sections().get(0).bytes();
        Observables o = Observables.of(List.of(new Timeseries(3)));
        ModelException section = assertThrows(ModelException.class,
                () -> o.restore(List.of(new Checkpoint.Section("timeseries", 2, rows)), 0));
        assertTrue(section.getMessage().contains("version 2 of observable 'timeseries'") && !section.getMessage().contains("\n"),
                section.getMessage());
    }
}
