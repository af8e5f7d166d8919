package org.coag.core.backend;

import java.util.List;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * {@code run.backend = "auto"}: the backend a run uses when the config names none. Every backend
 * gives the same bits, so the choice is only about speed:
 * <ul>
 *   <li>fewer than {@link #CPU_MIN_PARTICLES} particles: {@code reference} (the cpu backend hands
 *       every step to its worker threads, which costs more than it saves on so few particles);</li>
 *   <li>otherwise {@code cpu} (all cores, SIMD) when it is on the class path and implements the model,
 *       else {@code reference};</li>
 *   <li>never {@code opencl}: on a CPU OpenCL device (PoCL) it is many times slower than the cpu backend,
 *       and no GPU measurement yet shows it faster; name it with {@code --backend opencl}.</li>
 * </ul>
 */
public final class AutoBackend {
    /** The name that asks for the automatic choice. */
    public static final String AUTO = "auto";
    /**
     * Particles from which the cpu backend beats the reference backend: measured on 2 cores (fixed
     * steps: reference faster at N = 6000, cpu twice as fast at N = 10 000; the adaptive scheme alike).
     */
    public static final int CPU_MIN_PARTICLES = 8000;

    /**
     * A resolved backend and why it was chosen.
     *
     * @param backend the backend that runs
     * @param reason one line: "named in the config", or the rule that chose it
     */
    public record Choice(Backend backend, String reason) {
    }

    private AutoBackend() {
    }

    /**
     * @param name a backend name from the config or the command line, or {@link #AUTO}
     * @param spec the model to run
     * @return the backend that runs it
     * @throws ModelException when a named backend does not exist
     */
    public static Choice resolve(String name, ModelSpec spec) {
        if (!name.equals(AUTO)) {
            return new Choice(Backends.find(name), "named");
        }
        return choose(spec, Backends.all());
    }

    /**
     * @param spec the model to run
     * @param available the backends on the class path
     * @return the automatic choice among them (the reference backend is always one)
     */
    static Choice choose(ModelSpec spec, List<Backend> available) {
        Backend reference = available.stream().filter(b -> b.name().equals("reference")).findFirst()
                .orElseThrow(() -> new ModelException("no reference backend on the class path"));
        if (spec.particles() < CPU_MIN_PARTICLES) {
            return new Choice(reference, String.format("N = %d < %d, where the cpu backend's per-step thread hand-off costs "
                    + "more than it saves", spec.particles(), CPU_MIN_PARTICLES));
        }
        Backend cpu = available.stream().filter(b -> b.name().equals("cpu")).findFirst().orElse(null);
        if (cpu == null) {
            return new Choice(reference, "the cpu backend is not on the class path");
        }
        String why = cpu.unsupported(spec);
        why = why != null ? why : cpu.unavailableReason();
        if (why != null) {
            return new Choice(reference, "the cpu backend cannot run this: " + why);
        }
        return new Choice(cpu, String.format("N = %d >= %d: all %d cores with SIMD; opencl is never chosen automatically",
                spec.particles(), CPU_MIN_PARTICLES, Runtime.getRuntime().availableProcessors()));
    }
}
