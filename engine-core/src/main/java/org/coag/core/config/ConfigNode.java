package org.coag.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.coag.core.model.ModelException;

/**
 * A typed, path-aware view of one TOML table. Every read names its dotted path in errors, writes
 * the default it used back into the tree (so the tree becomes the resolved config), and records
 * the key as known; {@link #rejectUnknown()} then names any key nobody read.
 */
final class ConfigNode {
    private static final ObjectMapper TREE = new ObjectMapper();
    private final ObjectNode node;
    private final String path;
    private final Set<String> known = new HashSet<>();
    private final Map<String, ConfigNode> children = new LinkedHashMap<>();
    private final ConfigKeyLog log;

    ConfigNode(ObjectNode node, String path) {
        this(node, path, null);
    }

    /**
     * @param log where every key read is recorded with its type and default (the configuration
     *        reference); null records nothing
     */
    ConfigNode(ObjectNode node, String path, ConfigKeyLog log) {
        this.node = node;
        this.path = path;
        this.log = log;
    }

    private void record(String key, String type, Object fallback, String... allowed) {
        if (log != null) {
            log.record(path(key), type, fallback, allowed);
        }
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ModelException error(String key, String message) {
        return new ModelException(path(key) + ": " + message);
    }

    boolean has(String key) {
        known.add(key);
        return node.hasNonNull(key);
    }

    ConfigNode table(String key) {
        known.add(key);
        record(key, ConfigKeyLog.TABLE, null);
        if (children.containsKey(key)) {
            return children.get(key);
        }
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            n = node.putObject(key);
        }
        if (!n.isObject()) {
            throw error(key, "must be a table");
        }
        ConfigNode child = new ConfigNode((ObjectNode) n, path(key), log);
        children.put(key, child);
        return child;
    }

    /** The value at key, or the fallback written into the tree; a null fallback makes the key required. */
    private JsonNode valueOrDefault(String key, Object fallback) {
        known.add(key);
        JsonNode n = node.get(key);
        if (n != null && !n.isNull()) {
            return n;
        }
        if (fallback == null) {
            throw error(key, "is required");
        }
        JsonNode value = TREE.valueToTree(fallback);
        node.set(key, value);
        return value;
    }

    double number(String key, Double fallback) {
        record(key, "number", fallback);
        return numberValue(key, fallback);
    }

    private double numberValue(String key, Double fallback) {
        JsonNode n = valueOrDefault(key, fallback);
        if (!n.isNumber()) {
            throw error(key, "must be a number (got " + n + ")");
        }
        return n.doubleValue();
    }

    double positive(String key, Double fallback) {
        record(key, "number > 0", fallback);
        double v = numberValue(key, fallback);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw error(key, "must be a positive number (got " + v + ")");
        }
        return v;
    }

    long integer(String key, Long fallback) {
        record(key, "integer", fallback);
        JsonNode n = valueOrDefault(key, fallback);
        if (!n.isNumber() || n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > 0x1p62) {
            throw error(key, "must be an integer (got " + n + ")");
        }
        return n.isIntegralNumber() ? n.longValue() : (long) n.doubleValue();
    }

    String string(String key, String fallback) {
        record(key, "string", fallback);
        return stringValue(key, fallback);
    }

    private String stringValue(String key, String fallback) {
        JsonNode n = valueOrDefault(key, fallback);
        if (!n.isTextual()) {
            throw error(key, "must be a string (got " + n + ")");
        }
        return n.textValue();
    }

    boolean bool(String key, boolean fallback) {
        record(key, "boolean", fallback);
        JsonNode n = valueOrDefault(key, fallback);
        if (!n.isBoolean()) {
            throw error(key, "must be true or false (got " + n + ")");
        }
        return n.booleanValue();
    }

    String choice(String key, String fallback, String... allowed) {
        record(key, ConfigKeyLog.CHOICE, fallback, allowed);
        String v = stringValue(key, fallback);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw error(key, "unknown value '" + v + "' (expected one of: " + String.join(", ", allowed) + ")");
    }

    double[] numbers(String key) {
        known.add(key);
        record(key, "array of numbers", null);
        JsonNode n = node.get(key);
        if (n == null || !n.isArray() || n.size() == 0) {
            throw error(key, "must be a non-empty array of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isNumber()) {
                throw error(key, "entry " + (i + 1) + " is not a number (got " + n.get(i) + ")");
            }
            v[i] = n.get(i).doubleValue();
        }
        return v;
    }

    double[][] matrix(String key) {
        known.add(key);
        record(key, "square array of arrays of numbers", null);
        JsonNode n = node.get(key);
        if (n == null || !n.isArray() || n.size() == 0) {
            throw error(key, "must be a non-empty array of arrays of numbers");
        }
        double[][] v = new double[n.size()][];
        for (int i = 0; i < v.length; i++) {
            JsonNode row = n.get(i);
            if (!row.isArray() || row.size() != v.length) {
                throw error(key, "must be square: row " + (i + 1) + " does not have " + v.length + " entries");
            }
            v[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                if (!row.get(j).isNumber()) {
                    throw error(key, "entry (" + (i + 1) + ", " + (j + 1) + ") is not a number");
                }
                v[i][j] = row.get(j).doubleValue();
            }
        }
        return v;
    }

    /**
     * Throws naming the first top-level entry that is not one of the given tables, before any is
     * read (a misspelled table would otherwise surface as a missing required key).
     *
     * @param tables the known table names
     */
    void rejectUnknownTables(java.util.List<String> tables) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!tables.contains(k)) {
                String near = Spelling.nearest(k, tables);
                throw new ModelException(node.get(k).isObject()
                        ? "unknown table [" + k + "]" + (near == null ? "" : "; did you mean [" + near + "]?")
                        : k + ": a key outside any table" + (near == null ? "" : "; did you mean the table [" + near + "]?")
                                + " (tables: " + String.join(", ", tables) + ")");
            }
        }
    }

    /** Throws naming the first key that no reader asked for, in this table or below. */
    void rejectUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!known.contains(k)) {
                String near = Spelling.nearest(k, known);
                throw new ModelException(path(k) + ": unknown key" + (near == null ? " (check the spelling; see the configuration reference)"
                        : "; did you mean " + path(near) + "?"));
            }
        }
        for (ConfigNode c : children.values()) {
            c.rejectUnknown();
        }
    }
}
