package org.coag.core.config;

import java.util.TreeSet;
import org.coag.core.backend.AutoBackend;
import org.coag.core.model.Domain;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/** Reads [run], the duration in [time], [observe], [checkpoint] and [analysis]. */
final class RunReader {
    private static final long MAX_STEPS = 1L << 56;

    private RunReader() {
    }

    /**
     * The rule that turns a time into a step count: the first step at or after it, with a relative
     * slack of 1e-12 so that a time that is a whole number of steps up to rounding is not pushed one
     * step further. Used for time.t_end, the snapshot times and the adaptive macro step's fit to t_end.
     *
     * @param time the time (time units)
     * @param dt the step (time units)
     * @return ceil(time / dt), as a double (the caller bounds it)
     */
    static double stepsToReach(double time, double dt) {
        return Math.ceil(time / dt * (1 - 1e-12));
    }

    static RunSettings read(ConfigNode root, ModelSpec model) {
        ConfigNode run = root.table("run");
        long seed = run.integer("seed", 1L);
        String backend = run.string("backend", AutoBackend.AUTO);
        boolean eventLog = run.bool("event_log", true);

        ConfigNode time = root.table("time");
        long steps;
        if (time.has("steps") == time.has("t_end")) {
            throw time.error("t_end", "give exactly one of time.t_end or time.steps");
        }
        if (time.has("steps")) {
            steps = time.integer("steps", null);
        } else {
            double tEnd = time.positive("t_end", null);
            double ratio = tEnd / model.dt();
            steps = ratio >= MAX_STEPS ? MAX_STEPS : (long) stepsToReach(tEnd, model.dt());
        }
        if (steps < 1 || steps >= MAX_STEPS) {
            throw time.error(time.has("steps") ? "steps" : "t_end", "gives " + steps + " steps; need 1 to 2^56 - 1");
        }
        double stop = time.number("stop_at_survivor_fraction", 0.0);
        if (!(stop >= 0 && stop < 1)) {
            throw time.error("stop_at_survivor_fraction", "must lie in [0, 1) (got " + stop + ")");
        }

        ConfigNode obs = root.table("observe");
        long every;
        if (obs.has("every_steps")) {
            every = obs.integer("every_steps", null);
            if (every < 1) {
                throw obs.error("every_steps", "must be at least 1 (got " + every + ")");
            }
        } else {
            long points = obs.integer("points", 200L);
            if (points < 1) {
                throw obs.error("points", "must be at least 1 (got " + points + ")");
            }
            every = Math.max(1, steps / points);
        }

        SnapshotSettings snapshots = obs.has("snapshots") ? snapshots(obs.table("snapshots"), steps, model.dt()) : SnapshotSettings.NONE;
        EquilibriumSettings equilibrium = obs.has("equilibrium")
                ? EquilibriumReader.read(obs.table("equilibrium"), model, steps, every) : EquilibriumSettings.NONE;

        ConfigNode ck = root.table("checkpoint");
        long ckSteps = ck.integer("every_steps", 0L);
        double ckSeconds = ck.number("every_seconds", 300.0);
        if (ckSteps < 0 || ckSeconds < 0) {
            throw ck.error(ckSteps < 0 ? "every_steps" : "every_seconds", "must not be negative");
        }
        double fitFrom = root.table("analysis").number("fit_from", 0.25);
        if (!(fitFrom >= 0 && fitFrom < 1)) {
            throw root.table("analysis").error("fit_from", "must lie in [0, 1) (got " + fitFrom + ")");
        }
        DensityModeSettings modes = obs.has("density_modes") ? densityModes(obs.table("density_modes"), model) : null;
        return new RunSettings(seed, backend, steps, every, ckSteps, ckSeconds, stop, fitFrom, eventLog, snapshots,
                equilibrium, modes);
    }

    /** Reads [observe.density_modes]: mass (default 1), from_time (default 0). */
    private static DensityModeSettings densityModes(ConfigNode table, ModelSpec model) {
        if (model.lattice() != null || model.domain().type() != Domain.Type.TORUS) {
            throw new ModelException("observe.density_modes: needs the continuum model on a torus (the modes are Fourier modes of the periodic box)");
        }
        long mass = table.integer("mass", 1L);
        if (mass < 1 || mass > Integer.MAX_VALUE) {
            throw table.error("mass", "must be a mass of at least 1 (got " + mass + ")");
        }
        double from = table.number("from_time", 0.0);
        if (!(from >= 0) || Double.isInfinite(from)) {
            throw table.error("from_time", "must be a time >= 0 (got " + from + ")");
        }
        return new DensityModeSettings((int) mass, from);
    }

    /** Reads [observe.snapshots]: every_steps, times (each the first step at or after it), final. */
    private static SnapshotSettings snapshots(ConfigNode table, long steps, double dt) {
        long every = 0;
        if (table.has("every_steps")) {
            every = table.integer("every_steps", null);
            if (every < 1) {
                throw table.error("every_steps", "must be at least 1 (got " + every + ")");
            }
        }
        TreeSet<Long> at = new TreeSet<>();
        if (table.has("times")) {
            for (double t : table.numbers("times")) {
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw table.error("times", "must be times >= 0 (got " + t + ")");
                }
                long step = (long) stepsToReach(t, dt);
                if (step > steps) {
                    throw table.error("times", t + " is after the run's end at t = " + steps * dt + " (step " + steps + ")");
                }
                at.add(step);
            }
        }
        boolean atEnd = table.bool("final", false);
        return new SnapshotSettings(every, at.stream().mapToLong(Long::longValue).toArray(), atEnd);
    }
}
