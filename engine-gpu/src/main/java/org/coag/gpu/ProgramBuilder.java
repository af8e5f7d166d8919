package org.coag.gpu;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.coag.core.model.ModelException;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * Compiles coag's OpenCL sources ({@code .cl} resources of this package, concatenated in the given
 * order after the constants generated from Java, {@link OpenClConstants#prelude()}; {@link #program}
 * builds all of them as one program) once per run, with one build option, {@code -DCOAG_DIM=d}:
 * never fast-math, and FP contraction is switched off by the pragma in
 * {@code rng.cl} (STACK.md section 3). A failed build reports the sources, the device and the
 * compiler log.
 */
public final class ProgramBuilder {
    private final OpenCl.Device device;
    private final cl_context context;
    private final cl_command_queue queue;
    private cl_program program;
    private int programDim;

    /** The sources of the program, in order (rng.cl defines what the others use). */
    static final List<String> SOURCES = List.of("rng.cl", "move.cl", "pairs.cl", "fire.cl", "resolve.cl");

    /**
     * @param device the device (see {@link OpenCl#select})
     */
    public ProgramBuilder(OpenCl.Device device) {
        this.device = device;
        this.context = clCreateContext(null, 1, new org.jocl.cl_device_id[] {device.id()}, null, null, null);
        this.queue = clCreateCommandQueueWithProperties(context, device.id(), new cl_queue_properties(), null);
    }

    /** @return the context */
    public cl_context context() {
        return context;
    }

    /** @return the in-order command queue */
    public cl_command_queue queue() {
        return queue;
    }

    /** @return the device */
    public OpenCl.Device device() {
        return device;
    }

    /**
     * The program of all of coag's kernels ({@link #SOURCES}) for dimension d, built on the first call
     * and shared by every part of a run.
     *
     * @param dim the model's dimension d
     * @return the built program
     * @throws ModelException with the compiler log when the build fails
     */
    public cl_program program(int dim) {
        if (program == null || programDim != dim) {
            program = build(SOURCES, dim);
            programDim = dim;
        }
        return program;
    }

    /**
     * @param sources resource names, e.g. {@code rng.cl}, {@code move.cl}
     * @param dim the model's dimension d, compiled in as {@code COAG_DIM} so that the per-coordinate
     *     loops unroll and the work-item loop can vectorise
     * @return the built program
     * @throws ModelException with the compiler log when the build fails
     */
    public cl_program build(List<String> sources, int dim) {
        StringBuilder text = new StringBuilder(OpenClConstants.prelude());
        for (String s : sources) {
            text.append(resource(s)).append('\n');
        }
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {text.toString()}, null, null);
        try {
            clBuildProgram(program, 0, null, "-DCOAG_DIM=" + dim, null, null);
        } catch (CLException e) {
            throw new ModelException("OpenCL: building " + String.join(" + ", sources) + " failed on "
                    + device.info().name() + " (" + e.getMessage() + "); compiler log:\n" + log(program));
        }
        return program;
    }

    /**
     * @param program a built program
     * @param name kernel function name
     * @return the kernel
     */
    public static cl_kernel kernel(cl_program program, String name) {
        try {
            return clCreateKernel(program, name, null);
        } catch (CLException e) {
            throw new ModelException("OpenCL: no kernel '" + name + "' in the program (" + e.getMessage() + ")");
        }
    }

    private String log(cl_program program) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, StandardCharsets.UTF_8).trim();
    }

    static String resource(String name) {
        try (InputStream in = ProgramBuilder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenCL source " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
