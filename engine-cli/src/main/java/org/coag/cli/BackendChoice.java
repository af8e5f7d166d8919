package org.coag.cli;

import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.Backends;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/** The backends a command runs: the named ones, or every one that can run here and implements the model. */
final class BackendChoice {
    private BackendChoice() {
    }

    /**
     * @param names backend names; empty for all
     * @param spec the model they must implement
     * @param command the command, for the skip lines on stderr
     * @return the backends
     * @throws ModelException when a named backend cannot run here or does not implement the model
     */
    static List<Backend> of(List<String> names, ModelSpec spec, String command) {
        List<Backend> list = new ArrayList<>();
        if (names.isEmpty()) {
            for (Backend b : Backends.all()) {
                String why = reason(b, spec);
                if (why == null) {
                    list.add(b);
                } else {
                    System.err.println(command + ": skipping backend " + b.name() + ": " + why);
                }
            }
            return list;
        }
        for (String name : names) {
            Backend b = Backends.find(name.trim());
            String why = reason(b, spec);
            if (why != null) {
                throw new ModelException("backend " + b.name() + " cannot run this: " + why);
            }
            list.add(b);
        }
        return list;
    }

    /**
     * @param b a backend
     * @param spec a model
     * @return why b cannot run spec here (it refuses the model, or cannot run on this machine), or null when it can
     */
    static String reason(Backend b, ModelSpec spec) {
        String why = b.unsupported(spec);
        return why != null ? why : b.unavailableReason();
    }
}
