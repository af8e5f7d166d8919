package org.coag.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the config readers asked for, over one or more config reads: each dotted key with the type
 * it was read as, the defaults the readers supplied and, for a choice, the allowed values. The
 * configuration reference ({@link ConfigReference}) is printed from it, so it shows the keys as the
 * code reads them. Within one read only a key's first read counts (a reader that re-reads a key
 * with a narrower choice, as the radii table does, does not add a second default).
 */
final class ConfigKeyLog {
    /** The type recorded for a table. */
    static final String TABLE = "table";
    /** The type recorded for a string with a fixed set of values. */
    static final String CHOICE = "choice";
    /** The default recorded for a key the reader requires (no fallback). */
    static final String NONE = "";

    /** One key as read: its types, the defaults seen (NONE for "required where read") and allowed values. */
    record Key(Set<String> types, Set<String> defaults, List<String> allowed) {
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Set<String> seenThisRead = new HashSet<>();

    /** Starts a new config read: the next read of every key counts again. */
    void startRead() {
        seenThisRead.clear();
    }

    void record(String path, String type, Object fallback, String... allowed) {
        if (!seenThisRead.add(path)) {
            return;
        }
        Key k = keys.computeIfAbsent(path, p -> new Key(new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>()));
        k.types().add(type);
        if (!type.equals(TABLE)) {
            k.defaults().add(literal(fallback));
        }
        for (String a : allowed) {
            if (!k.allowed().contains(a)) {
                k.allowed().add(a);
            }
        }
    }

    /** @return every key read so far, in the order first read */
    Map<String, Key> keys() {
        return Collections.unmodifiableMap(keys);
    }

    /**
     * @param value a default as a reader gave it
     * @return it in TOML syntax ({@link #NONE} for null)
     */
    static String literal(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Double d) {
            String s = Double.toString(d);
            int e = s.indexOf('E');
            if (e < 0) {
                return s;
            }
            String mantissa = s.substring(0, e);
            if (mantissa.endsWith(".0")) {
                mantissa = mantissa.substring(0, mantissa.length() - 2);
            }
            return mantissa + "e" + s.substring(e + 1);
        }
        return value.toString();
    }
}
