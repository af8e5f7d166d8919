package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coag.core.backend.ParticleState;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.InitialStates;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Purpose;
import org.coag.core.step.MoveParameters;
import org.junit.jupiter.api.Test;

/** The OpenCL move against the reference's move, bit for bit. */
class DeviceMoveTest {
    @Test
    void listsDevicesWithTheirCapabilities() {
        List<OpenCl.Device> devices = OpenClTests.devicesOrSkip();
        for (OpenCl.Device d : devices) {
            System.out.println("OpenCL device " + d.info());
        }
        assertTrue(devices.stream().anyMatch(d -> d.info().fp64() && d.info().maxAllocation() > 0));
        assertThrows(ModelException.class, () -> OpenCl.select("no such device name"));
    }

    /**
     * d = 2, 3, 4 with odd N, mass-dependent d(n) (three masses), several steps including one past
     * 2^32 (the high counter word): about 1.2 million normals, every position equal to the host's
     * FixedStepper (MoveParameters.moveAll) arithmetic (CounterRng.normals, MoveParameters.increment).
     */
    @Test
    void moveIsBitIdenticalToTheReference() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        for (int dim = 2; dim <= 4; dim++) {
            ModelSpec spec = ConfigReader.read("[model]\ndim = " + dim + "\nmode = \"coagulation\"\nparticles = 100001\n"
                    + "volume_fraction = 1e-3\n[model.diffusion]\ntype = \"power\"\ncoefficient = 1.0\nexponent = -0.5\n"
                    + "[initial.mass]\ntype = \"table\"\nweights = [1.0, 1.0, 1.0]\n[time]\nsteps = 1\n", List.of()).model();
            long seed = 0x9E3779B97F4A7C15L;
            ParticleState host = InitialStates.generate(spec, seed);
            ParticleState device = host.copy();
            long[] steps = {0, 1, 7, (1L << 32) + 5};
            try (DeviceState onDevice = new DeviceState(cl, device); DeviceMove move = new DeviceMove(onDevice, spec, seed, 3)) {
                for (long step : steps) {
                    move.move(step);
                    hostMove(spec, seed, step, host);
                }
                onDevice.readPositions(device);
            }
            for (int k = 0; k < dim; k++) {
                assertArrayEquals(host.positions()[k], device.positions()[k], "d = " + dim + ", coordinate " + k);
            }
            System.out.printf("d = %d: %d particles x %d steps moved on %s, bit-identical to the reference%n", dim,
                    host.count(), steps.length, cl.device().info().name());
        }
    }

    @Test
    void aBrokenKernelReportsItsNameAndTheCompilerLog() {
        OpenClTests.devicesOrSkip();
        ProgramBuilder cl = new ProgramBuilder(OpenCl.select(null));
        ModelException e = assertThrows(ModelException.class, () -> cl.build(List.of("rng.cl", "broken.cl"), 3));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().contains("rng.cl + broken.cl") && e.getMessage().contains("undefined_symbol"), e.getMessage());
    }

    /** FixedStepper (MoveParameters.moveAll), for one step. */
    private static void hostMove(ModelSpec spec, long seed, long step, ParticleState s) {
        CounterRng rng = new CounterRng(seed);
        MoveParameters moves = new MoveParameters(spec);
        double[] z = new double[spec.dim()];
        for (int i = 0; i < s.count(); i++) {
            rng.normals(Purpose.MOVE, step, s.ids()[i], spec.dim(), z);
            double sigma = moves.sigmaFixed(s.masses()[i]);
            for (int k = 0; k < spec.dim(); k++) {
                s.positions()[k][i] += MoveParameters.increment(sigma, z[k]);
            }
        }
    }
}
