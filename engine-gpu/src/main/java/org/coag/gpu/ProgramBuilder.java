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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * builds all of them as one program) once per run, with the build option {@code -DCOAG_DIM=d} and
 * the extra options of {@link #OPTIONS_PROPERTY} (e.g. {@code -cl-opt-disable} for Oclgrind):
 * never fast-math (such options are refused), and FP contraction is switched off by the pragma in
 * {@code rng.cl}, which {@link ContractionCanary} checks on the device before the program is used.
 * A failed build reports the sources, the device and the compiler log.
 */
public final class ProgramBuilder {
    private final OpenCl.Device device;
    private final cl_context context;
    private final cl_command_queue queue;
    private cl_program program;
    private int programDim;
    private final Map<cl_kernel, Long> localSizes = new IdentityHashMap<>();
    private final Map<cl_kernel, Object[]> lastArgs = new IdentityHashMap<>();

    /** The sources of the program, in order (rng.cl defines what the others use). */
    static final List<String> SOURCES = List.of("rng.cl", "move.cl", "scan.cl", "pairs.cl", "fire.cl", "resolve.cl", "rounds.cl", "status.cl", "canary.cl");

    /** System property (or environment variable {@code COAG_OPENCL_OPTIONS}): extra OpenCL build options. */
    public static final String OPTIONS_PROPERTY = "coag.opencl.options";

    /**
     * System property (or environment variable {@code COAG_OPENCL_SOURCES}): a directory whose
     * {@code .cl} files replace the jar's sources of the same name.
     */
    public static final String SOURCES_PROPERTY = "coag.opencl.sources";

    /** Build options that would change results (they allow contraction or value-changing rewrites). */
    private static final List<String> UNSAFE_OPTIONS = List.of("-cl-mad-enable", "-cl-unsafe-math-optimizations",
            "-cl-fast-relaxed-math", "-cl-finite-math-only", "-cl-no-signed-zeros", "-cl-denorms-are-zero");

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
            cl_program built = build(SOURCES, dim);
            ContractionCanary.check(this, built);
            program = built;
            programDim = dim;
        }
        return program;
    }

    /**
     * @param kernel a kernel of this device's program
     * @return its work-group size on this device ({@link Kernels#queryLocalSize}, queried once)
     */
    /**
     * @param kernel a kernel of this device
     * @param n arguments it takes (at least)
     * @return the values last set on its arguments by {@link Kernels#args}, by index (null: never set), at least n long
     */
    Object[] lastArgs(cl_kernel kernel, int n) {
        Object[] last = lastArgs.get(kernel);
        if (last == null || last.length < n) {
            last = last == null ? new Object[n] : Arrays.copyOf(last, n);
            lastArgs.put(kernel, last);
        }
        return last;
    }

    long localSize(cl_kernel kernel) {
        return localSizes.computeIfAbsent(kernel, k -> Kernels.queryLocalSize(this, k));
    }

    /**
     * @param dim the model's dimension d
     * @return the build options: {@code -DCOAG_DIM=d} and the extra options of {@link #OPTIONS_PROPERTY}
     * @throws ModelException when an extra option would let the compiler change results
     */
    static String options(int dim) {
        String extra = System.getProperty(OPTIONS_PROPERTY, System.getenv("COAG_OPENCL_OPTIONS"));
        if (extra == null || extra.isBlank()) {
            return "-DCOAG_DIM=" + dim;
        }
        for (String option : extra.trim().split("\\s+")) {
            if (UNSAFE_OPTIONS.contains(option.toLowerCase(Locale.ROOT))) {
                throw new ModelException(OPTIONS_PROPERTY + " / COAG_OPENCL_OPTIONS: " + option + " lets the compiler change "
                        + "floating-point results, which bit-identical runs forbid");
            }
        }
        return "-DCOAG_DIM=" + dim + " " + extra.trim();
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
            clBuildProgram(program, 0, null, options(dim), null, null);
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

    /**
     * @param name a source of this package, e.g. {@code pairs.cl}
     * @return its text: from the directory of {@link #SOURCES_PROPERTY} when it holds a file of that
     *     name (kernel development, and the planted race of {@code scripts/ci-oclgrind.sh}), else the
     *     jar's resource
     */
    static String resource(String name) {
        String dir = System.getProperty(SOURCES_PROPERTY, System.getenv("COAG_OPENCL_SOURCES"));
        if (dir != null && !dir.isBlank() && Files.isRegularFile(Path.of(dir, name))) {
            try {
                return Files.readString(Path.of(dir, name));
            } catch (IOException e) {
                throw new ModelException(SOURCES_PROPERTY + ": cannot read " + Path.of(dir, name) + " (" + e.getMessage() + ")");
            }
        }
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
