package org.coag.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.run.RunControl;
import org.coag.core.run.RunDirectory;
import org.coag.core.run.RunDriver;
import org.coag.core.run.RunListener;
import org.coag.core.run.RunResult;
import org.coag.core.run.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MassMomentsTest {
    @TempDir
    Path tmp;

    private static ParticleState state(int... masses) {
        ParticleState s = new ParticleState(1, masses.length);
        for (int i = 0; i < masses.length; i++) {
            s.ids()[i] = i;
            s.masses()[i] = masses[i];
        }
        s.setCount(masses.length);
        return s;
    }

    private static String row(MassMoments m, int row) {
        StringBuilder sb = new StringBuilder();
        m.cells(row, sb);
        return sb.toString();
    }

    @Test
    void handComputedSmallState() {
        MassMoments m = new MassMoments();
        m.observe(new Observable.Sample(0, 0.0, state(1, 1, 2, 3, 5), 0));
        // M0 = 5; M1 = 1+1+2+3+5; M2 = 1+1+4+9+25; M3 = 1+1+8+27+125
        assertEquals("5,12,40,162", row(m, 0));
        assertEquals(List.of("m0", "m1", "m2", "m3"), m.columns());
        m.observe(new Observable.Sample(1, 0.5, state(), 0));
        assertEquals("0,0,0,0", row(m, 1));
    }

    @Test
    void largestMassesDoNotOverflow() {
        int big = Integer.MAX_VALUE;
        MassMoments m = new MassMoments();
        m.observe(new Observable.Sample(0, 0.0, state(big, big, big, 3), 0));
        BigInteger n = BigInteger.valueOf(big);
        BigInteger three = BigInteger.valueOf(3);
        String expected = "4," + n.multiply(three).add(three) + "," + n.pow(2).multiply(three).add(three.pow(2)) + ","
                + n.pow(3).multiply(three).add(three.pow(3));
        assertEquals(expected, row(m, 0));
        assertEquals(n.pow(3).multiply(three).add(three.pow(3)), m.moment(0, 3));
    }

    @Test
    void checkpointStateRoundTrips() throws IOException {
        MassMoments m = new MassMoments();
        m.observe(new Observable.Sample(0, 0.0, state(1, 2, Integer.MAX_VALUE), 0));
        m.observe(new Observable.Sample(7, 1.0, state(3, Integer.MAX_VALUE), 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeState(new DataOutputStream(bytes));
        MassMoments back = new MassMoments();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        back.readState(in, 1);
        assertEquals(0, in.available());
        assertEquals(2, back.observations());
        assertEquals(row(m, 0), row(back, 0));
        assertEquals(row(m, 1), row(back, 1));
    }

    /** A checkpoint of a coag without this observable: the earlier rows stay empty, later ones are filled, and that survives a checkpoint. */
    @Test
    void aCheckpointWithoutItsStateLeavesTheEarlierRowsEmpty() throws IOException {
        Observables old = Observables.of(List.of(new Timeseries(3)));
        old.start(new Observable.Sample(0, 0.0, state(1, 1, 1), 0));
        MassMoments moments = new MassMoments();
        Observables now = Observables.of(List.of(new Timeseries(3), moments));
        now.restore(old.sections(), 0);
        assertEquals(1, moments.observations());
        moments.observe(new Observable.Sample(5, 1.0, state(2, 1), 1));
        StringBuilder csv = new StringBuilder();
        moments.cells(0, csv);
        csv.append('|');
        moments.cells(1, csv);
        assertEquals(",,,|2,3,5,9", csv.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        moments.writeState(new DataOutputStream(bytes));
        MassMoments back = new MassMoments();
        back.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 1);
        StringBuilder again = new StringBuilder();
        back.cells(0, again);
        again.append('|');
        back.cells(1, again);
        assertEquals(csv.toString(), again.toString());
    }

    /** Fails when MassMoments is not registered: its columns must appear in an ordinary run's timeseries.csv. */
    @Test
    void registeredAndExactInACoagulationRun() throws IOException {
        RunResult r = new RunDriver(ConfigReader.read(TestConfigs.text("coag-3d-checkpoints.toml"), List.of()),
                RunDirectory.create(tmp.resolve("run"), false), new RunControl(), RunListener.SILENT).run(false);
        assertEquals("completed", r.status());
        assertTrue(((Number) r.summary().get("events")).longValue() > 100, "needs collisions to mean anything");
        List<String> lines = Files.readAllLines(tmp.resolve("run/timeseries.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertTrue(header.containsAll(List.of("m0", "m1", "m2", "m3")), "MassMoments is not registered: " + header);
        Map<Long, BigInteger[]> fromSpectrum = momentsFromSpectrum(tmp.resolve("run/mass_spectrum.csv"));
        BigInteger initialMass = null;
        BigInteger lastM2 = BigInteger.ZERO;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            long step = Long.parseLong(cells[header.indexOf("step")]);
            BigInteger[] m = new BigInteger[4];
            for (int k = 0; k < 4; k++) {
                m[k] = new BigInteger(cells[header.indexOf("m" + k)]);
            }
            assertEquals(new BigInteger(cells[header.indexOf("survivors")]), m[0], "M0 is the live count at step " + step);
            assertEquals(new BigInteger(cells[header.indexOf("total_mass")]), m[1], "M1 is the total mass at step " + step);
            initialMass = initialMass == null ? m[1] : initialMass;
            assertEquals(initialMass, m[1], "coagulation conserves M1");
            assertTrue(m[2].compareTo(lastM2) >= 0, "coagulation never lowers M2");
            lastM2 = m[2];
            for (int k = 0; k < 4; k++) {
                assertEquals(fromSpectrum.get(step)[k], m[k], "M" + k + " at step " + step + " against mass_spectrum.csv");
            }
        }
        assertTrue(lastM2.compareTo(new BigInteger(lines.get(1).split(",")[header.indexOf("m2")])) > 0, "collisions raise M2");
    }

    /** M_k = sum n^k N_n from mass_spectrum.csv (step,t,mass,count), independently of MassMoments. */
    private static Map<Long, BigInteger[]> momentsFromSpectrum(Path spectrum) throws IOException {
        Map<Long, BigInteger[]> out = new HashMap<>();
        for (String line : Files.readAllLines(spectrum).subList(1, Files.readAllLines(spectrum).size())) {
            String[] c = line.split(",");
            BigInteger[] m = out.computeIfAbsent(Long.parseLong(c[0]), s -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
            BigInteger n = new BigInteger(c[2]);
            BigInteger count = new BigInteger(c[3]);
            for (int k = 0; k < 4; k++) {
                m[k] = m[k].add(n.pow(k).multiply(count));
            }
        }
        return out;
    }
}
