package org.coag.core.run;

import java.util.Locale;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * The memory a run needs, checked before anything is written: the backend's own estimate
 * ({@link Backend#heapBytes}, {@link Backend#deviceBytes}) plus what the run driver keeps (the
 * initial state and an observation copy, {@link #driverBytes}), against the JVM's largest heap and
 * the device's memory. A run that cannot fit is refused with one line saying what it needs and how
 * to give it, instead of an OutOfMemoryError after the start.
 */
public final class MemoryBudget {
    /** Share of the JVM's largest heap a run may plan to use (the rest: the JIT, GC headroom, I/O buffers). */
    public static final double HEAP_SHARE = 0.85;

    private MemoryBudget() {
    }

    /**
     * @param spec the model
     * @return bytes the run driver keeps besides the backend: two particle states (the initial one
     *         and the observation scratch), each 8 + 8 d bytes per particle
     */
    public static long driverBytes(ModelSpec spec) {
        return 2L * spec.particles() * (8 + 8L * spec.dim());
    }

    /**
     * @param spec the model
     * @param backend the backend that will run it
     * @param options its options
     * @return the heap the run needs (bytes)
     */
    public static long heapBytes(ModelSpec spec, Backend backend, BackendOptions options) {
        return driverBytes(spec) + backend.heapBytes(spec, options);
    }

    /**
     * @param spec the model
     * @param backend the backend that will run it
     * @param options its options
     * @throws ModelException when the heap or the device cannot hold the run
     */
    public static void check(ModelSpec spec, Backend backend, BackendOptions options) {
        long need = heapBytes(spec, backend, options);
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && need > HEAP_SHARE * max) {
            long give = (long) Math.ceil(need / HEAP_SHARE / (1L << 30)) + 1;
            throw new ModelException(String.format(Locale.ROOT, "model.particles = %d needs about %s of heap on the %s backend "
                    + "(%.0f bytes per particle); this JVM may use %s: give it more (JAVA_OPTS=-Xmx%dg ./coag ...) or lower model.particles",
                    spec.particles(), gib(need), backend.name(), need / (double) spec.particles(), gib(max), give));
        }
        long device = backend.deviceBytes(spec);
        long deviceMax = backend.deviceMemory();
        if (device > deviceMax) {
            throw new ModelException(String.format(Locale.ROOT, "model.particles = %d needs about %s of device memory on the %s "
                    + "backend; the device has %s: lower model.particles or use another backend", spec.particles(), gib(device),
                    backend.name(), gib(deviceMax)));
        }
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
