package org.coag.gpu;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;

import java.util.Arrays;
import org.coag.core.model.ModelException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * The start-up check that the device keeps {@code a * b + c} as two roundings, as Java does: bit
 * identity with the reference rests on {@code #pragma OPENCL FP_CONTRACT OFF}, which a compiler
 * might ignore. Kernel {@code contraction_canary} ({@code canary.cl}, built into the program with
 * the same options as the real kernels) evaluates a * b + c for operands whose fused and unfused
 * results differ in double: a = 1 + 2^-30, b = 1 - 2^-30, c = -1, where a b = 1 - 2^-60 rounds to 1
 * (unfused result 0) but an fma keeps -2^-60. A device that fuses is refused with one line.
 */
final class ContractionCanary {
    /** Operands: a, b, c, d (= -c, for a * b - d), and the loop count of the accumulation. */
    static final double[] INPUT = {1 + 0x1p-30, 1 - 0x1p-30, -1.0, 1.0, 1.0};

    private ContractionCanary() {
    }

    /** @return the results without contraction (Java's), in the kernel's output order */
    static double[] unfused() {
        return results((x, y, z) -> x * y + z);
    }

    /** @return the results of a compiler that fuses every a * b + c ({@link Math#fma}) */
    static double[] fused() {
        return results(Math::fma);
    }

    /** a * b + c, rounded once or twice. */
    @FunctionalInterface
    private interface MultiplyAdd {
        double apply(double a, double b, double c);
    }

    /**
     * The kernel's four forms by one multiply-add rule: a * b + c, c + a * b (the same sum in IEEE
     * arithmetic), a * b - d (= a * b + (-d) exactly) and c accumulated with a * b in a loop.
     */
    private static double[] results(MultiplyAdd f) {
        double a = INPUT[0];
        double b = INPUT[1];
        double c = INPUT[2];
        double d = INPUT[3];
        double sum = c;
        for (int k = 0; k < (int) INPUT[4]; k++) {
            sum = f.apply(a, b, sum);
        }
        return new double[] {f.apply(a, b, c), f.apply(a, b, c), f.apply(a, b, -d), sum};
    }

    /**
     * Runs the canary of a built program on its device.
     *
     * @param cl the device
     * @param program a built program that holds {@code contraction_canary}
     * @throws ModelException when the device's results are not Java's
     */
    static void check(ProgramBuilder cl, cl_program program) {
        cl_kernel kernel = ProgramBuilder.kernel(program, "contraction_canary");
        double[] input = INPUT.clone();
        cl_mem in = DeviceBuffers.create(cl, "the contraction canary's input", CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                (long) Sizeof.cl_double * input.length, Pointer.to(input));
        double[] got = new double[unfused().length];
        cl_mem out = DeviceBuffers.create(cl, "the contraction canary's output", CL_MEM_WRITE_ONLY, (long) Sizeof.cl_double * got.length,
                null);
        try {
            Kernels.args(cl, kernel, in, out);
            Kernels.run(cl, kernel, 1);
            clEnqueueReadBuffer(cl.queue(), out, CL_TRUE, 0, (long) Sizeof.cl_double * got.length, Pointer.to(got), 0, null, null);
        } finally {
            clReleaseMemObject(in);
            clReleaseMemObject(out);
            clReleaseKernel(kernel);
        }
        String refusal = verdict(cl.device().info().name(), got);
        if (refusal != null) {
            throw new ModelException(refusal);
        }
    }

    /**
     * @param device the device's name
     * @param got the canary's results on it
     * @return null when they are Java's (no contraction), else the refusal
     */
    static String verdict(String device, double[] got) {
        double[] want = unfused();
        double[] fma = fused();
        for (int k = 0; k < want.length; k++) {
            if (Double.doubleToRawLongBits(got[k]) == Double.doubleToRawLongBits(want[k])) {
                continue;
            }
            if (Double.doubleToRawLongBits(got[k]) == Double.doubleToRawLongBits(fma[k])) {
                return "opencl: " + device + " contracts a*b+c into a fused multiply-add despite #pragma OPENCL FP_CONTRACT OFF "
                        + "(canary " + k + ": got " + got[k] + ", unfused " + want[k] + "), so its results would not be bit-identical "
                        + "to the reference; choose another device with --device";
            }
            return "opencl: " + device + " fails the contraction canary (got " + Arrays.toString(got) + ", expected "
                    + Arrays.toString(want) + "), so its results would not be bit-identical to the reference; choose another device "
                    + "with --device";
        }
        return null;
    }
}
