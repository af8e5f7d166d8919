package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.step.CollisionRule;
import org.coag.core.step.PairParameters;
import org.junit.jupiter.api.Test;

/** The device's firing test against CollisionRule.fire, fired pair for fired pair, bit for bit. */
class DeviceFireTest {
    private static final String MASSES = "[initial.mass]\ntype = \"table\"\nweights = [1.0, 1.0, 1.0]\n";

    /**
     * Doi (d = 3), bump (d = 2, |log eps| rates, exp over its whole range including underflow near
     * the edge) and a table kernel (d = 4) with radii, a mass-dependent alpha formula and d(n); three
     * masses; dense enough for thousands of pairs in range, dt large enough that most but not all fire.
     */
    @Test
    void firesExactlyThePairsTheReferenceFires() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        String[] models = {
            "dim = 3\nparticles = 30001\nvolume_fraction = 0.05\n[model.alpha]\nvalue = 2.0\n[time]\ndt_over_eps2 = 0.5\nsteps = 1\n",
            "dim = 2\nparticles = 30001\nvolume_fraction = 0.05\n[model.kernel]\ntype = \"bump\"\n[model.alpha]\nvalue = 5.0\n"
                    + "[time]\ndt_over_eps2 = 5.0\nsteps = 1\n",
            "dim = 4\nparticles = 20001\nvolume_fraction = 0.05\n[model.kernel]\ntype = \"table\"\nr = [0.0, 0.5, 1.2]\n"
                    + "v = [2.0, 1.0, 0.0]\n[model.alpha]\ntype = \"formula\"\nexpression = \"1 + n * m\"\n[model.radii]\n"
                    + "type = \"power\"\ncoefficient = 0.5\nexponent = 0.3333333333333333\n[time]\ndt_over_eps2 = 0.2\nsteps = 1\n"};
        for (String model : models) {
            ModelSpec spec = ConfigReader.read("[model]\nmode = \"coagulation\"\n" + model.replace("[time]", MASSES + "[time]"),
                    List.of()).model();
            ParticleState state = InitialStates.generate(spec, 5);
            long seed = 5;
            long step = 123_456_789_012L;
            PairParameters pp = new PairParameters(spec);
            double range = 0;
            for (int n = 1; n <= 3; n++) {
                range = Math.max(range, pp.of(n, n).range());
            }
            double unit = spec.domain().unit();
            double reach = PairParameters.searchReach(range, unit) * unit;
            TreeSet<String> expected = hostFired(spec, state, seed, step, pp, reach);
            TreeSet<String> got = new TreeSet<>();
            int found;
            try (DeviceState s = new DeviceState(cl, state); DevicePairs pairs = new DevicePairs(s);
                 DeviceFire fire = new DeviceFire(s, spec, seed, 3, 1 << 20)) {
                pairs.sortAndFind(spec.domain().side(), unit, reach);
                found = pairs.pairCount();
                assertTrue(found <= pairs.pairCapacity(), "the pair buffer holds the pairs");
                fire.fire(pairs, step);
                for (DeviceFire.Fired f : fire.read()) {
                    got.add(describe(f.tau(), f.idLo(), f.idHi(), f.u1()));
                }
            }
            System.out.printf("d = %d, %s kernel: %d pairs in reach, %d fired, equal to the reference's%n", spec.dim(),
                    spec.kernel().name(), found, got.size());
            assertTrue(expected.size() > 100 && expected.size() < found, "the test exercises firing and not firing");
            assertEquals(expected, got, spec.kernel().name());
        }
    }

    private static String describe(double tau, int lo, int hi, double u1) {
        return String.format("%08d %08d %016x %016x", lo, hi, Double.doubleToRawLongBits(tau), Double.doubleToRawLongBits(u1));
    }

    /** CollisionRule.fire over the reference's candidate pairs. */
    private static TreeSet<String> hostFired(ModelSpec spec, ParticleState s, long seed, long step, PairParameters pp, double reach) {
        TreeSet<String> fired = new TreeSet<>();
        CounterRng rng = new CounterRng(seed);
        HostPairs.scan(spec, s, reach, (i, j, r2) -> {
            double tau = CollisionRule.fire(pp.of(s.masses()[i], s.masses()[j]), spec.kernel(), r2, rng, Purpose.COLLIDE, step,
                    s.ids()[i], s.ids()[j], spec.dt());
            if (tau != CollisionRule.NO_FIRE) {
                fired.add(describe(tau, s.ids()[i], s.ids()[j], rng.uniform1()));
            }
        });
        return fired;
    }
}
