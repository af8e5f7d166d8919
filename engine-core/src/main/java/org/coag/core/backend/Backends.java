package org.coag.core.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.coag.core.model.ModelException;

/** Lookup of the backends on the class path. */
public final class Backends {
    private Backends() {
    }

    /** @return every backend found by ServiceLoader, reference first */
    public static List<Backend> all() {
        List<Backend> list = new ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class)) {
            list.add(b);
        }
        list.sort((a, b) -> a.name().equals("reference") ? -1 : b.name().equals("reference") ? 1 : a.name().compareTo(b.name()));
        return list;
    }

    /**
     * @param name backend name
     * @return the backend
     * @throws ModelException naming the available backends when none matches
     */
    public static Backend find(String name) {
        List<String> names = new ArrayList<>();
        for (Backend b : all()) {
            if (b.name().equals(name)) {
                return b;
            }
            names.add(b.name());
        }
        throw new ModelException("unknown backend '" + name + "' (available: " + String.join(", ", names) + ")");
    }
}
