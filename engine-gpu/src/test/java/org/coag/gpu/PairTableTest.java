package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.step.PairParameters;
import org.junit.jupiter.api.Test;

/**
 * The sparse mass-pair table: a firing test on an empty table fires nothing and lists its misses;
 * after the host adds them (growing the table and the miss list on the way) it fires exactly what a
 * table holding every pair from the start fires.
 */
class PairTableTest {
    @Test
    void missesAreListedThenAddedAndThenFireAsAFullTable() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        ModelSpec spec = ConfigReader.read("[model]\nmode = \"coagulation\"\ndim = 3\nparticles = 20001\nvolume_fraction = 0.05\n"
                + "[model.alpha]\ntype = \"formula\"\nexpression = \"1 + n * m\"\n[initial.mass]\ntype = \"table\"\n"
                + "weights = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]\n[time]\ndt_over_eps2 = 0.5\nsteps = 1\n",
                List.of()).model();
        ParticleState state = InitialStates.generate(spec, 7);
        PairParameters pp = new PairParameters(spec);
        double range = 0;
        for (int n = 1; n <= 12; n++) {
            range = Math.max(range, pp.of(n, n).range());
        }
        double unit = spec.domain().unit();
        double reach = PairParameters.searchReach(range, unit) * unit;
        long step = 42;
        TreeSet<String> full = fired(cl, spec, state, reach, step, 12);
        TreeSet<String> sparse = new TreeSet<>();
        int rounds = 0;
        try (DeviceState s = new DeviceState(cl, state); DevicePairs pairs = new DevicePairs(s);
             DeviceFire fire = new DeviceFire(s, spec, 7, 12, 1 << 20, 0, 1)) {
            pairs.sortAndFind(spec.domain().side(), unit, reach);
            while (true) {
                fire.fire(pairs, step);
                DeviceFire.Fired[] got = fire.read();
                int missed = Kernels.readInt(cl, fire.pairTable().missCount(), 0);
                if (missed == 0) {
                    for (DeviceFire.Fired f : got) {
                        sparse.add(f.idLo() + " " + f.idHi() + " " + Double.doubleToRawLongBits(f.tau()));
                    }
                    break;
                }
                fire.pairTable().addMisses(missed);
                rounds++;
            }
            assertEquals(12 * 13 / 2, fire.pairTable().entries(), "every pair of the 12 masses met");
        }
        System.out.printf("%d fired; the empty table needed %d rounds of misses%n", sparse.size(), rounds);
        assertTrue(rounds > 1 && full.size() > 100, "the test exercises misses and firing");
        assertEquals(full, sparse);
    }

    private static TreeSet<String> fired(ProgramBuilder cl, ModelSpec spec, ParticleState state, double reach, long step, int prefill) {
        TreeSet<String> out = new TreeSet<>();
        try (DeviceState s = new DeviceState(cl, state); DevicePairs pairs = new DevicePairs(s);
             DeviceFire fire = new DeviceFire(s, spec, 7, prefill, 1 << 20, prefill, 1024)) {
            pairs.sortAndFind(spec.domain().side(), spec.domain().unit(), reach);
            fire.fire(pairs, step);
            assertEquals(0, Kernels.readInt(cl, fire.pairTable().missCount(), 0), "a prefilled table misses nothing");
            for (DeviceFire.Fired f : fire.read()) {
                out.add(f.idLo() + " " + f.idHi() + " " + Double.doubleToRawLongBits(f.tau()));
            }
        }
        return out;
    }
}
