package org.coag.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.coag.core.model.ModelException;
import org.coag.core.model.ModelSpec;

/**
 * Reads a TOML config (docs/configuration.md, printed by {@link ConfigReference}), applies {@code --set key=value} overrides,
 * validates it and resolves eps, dt and the step count. Every error is a {@link ModelException}
 * whose one-line message names the field.
 */
public final class ConfigReader {
    private static final TomlMapper TOML = new TomlMapper();
    /** The top-level tables a config may have: checked first, so a misspelled one is named as such. */
    static final List<String> TABLES = List.of("model", "domain", "initial", "time", "observe", "checkpoint", "run", "analysis",
            "theory", "study");

    /**
     * Keys that say the same thing in different ways, of which a config gives at most one: a
     * {@code --set} of one removes the others (so {@code --set time.steps=3000} replaces the file's
     * {@code time.t_end}). {@code observe.every_steps} would otherwise silently win over {@code observe.points}.
     */
    public static final List<List<String>> ALTERNATIVES = List.of(
            List.of("time.t_end", "time.steps"),
            List.of("model.eps", "model.Z", "model.volume_fraction"),
            List.of("time.dt", "time.dt_over_eps2"),
            List.of("time.macro_dt", "time.macro_over_spacing2"),
            List.of("time.tolerance", "time.tolerance_load"),
            List.of("observe.every_steps", "observe.points"));
    /** Marks an override that removes a key ({@link #unset}). */
    private static final String UNSET = "\u0000unset:";

    private ConfigReader() {
    }

    /** @return the embedded default config text (torus annihilation, survey section 3) */
    public static String defaultConfigText() {
        try (InputStream in = ConfigReader.class.getResourceAsStream("/org/coag/core/default.toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param toml config text
     * @param overrides dotted {@code key=value} overrides, values in TOML syntax (bare words are strings), and
     *                  {@link #unset} removals, applied in order; a {@code key=value} removes the key's {@link #ALTERNATIVES}
     * @return the validated config
     */
    public static RunConfig read(String toml, List<String> overrides) {
        return read(toml, overrides, null);
    }

    /**
     * @param log where every key read is recorded (the configuration reference); null records nothing
     */
    static RunConfig read(String toml, List<String> overrides, ConfigKeyLog log) {
        ObjectNode tree = parse(toml);
        for (String o : overrides) {
            applyOverride(tree, o);
        }
        ConfigNode root = new ConfigNode(tree, "", log);
        root.rejectUnknownTables(TABLES);
        ModelSpec model = ModelReader.read(root);
        RunSettings run = RunReader.read(root, model);
        TheorySettings theory = TheoryReader.read(root);
        StudySettings study = StudyReader.read(root, model);
        root.rejectUnknown();
        String resolved;
        try {
            resolved = TOML.writeValueAsString(tree);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        return new RunConfig(model, run, resolved, theory, study);
    }

    /**
     * @param toml config text; a leading UTF-8 byte order mark is ignored
     * @return its tree
     * @throws ModelException on a syntax error, naming the line and column
     */
    static ObjectNode parse(String toml) {
        String text = toml.startsWith("\uFEFF") ? toml.substring(1) : toml;
        try {
            JsonNode n = TOML.readTree(text);
            return n == null || n.isNull() ? TOML.createObjectNode() : (ObjectNode) n;
        } catch (JacksonException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ModelException("config is not valid TOML" + where + ": " + e.getOriginalMessage().split("\n")[0]);
        }
    }

    /**
     * @param key a dotted key
     * @return the override that removes it ({@code --unset key}), for {@link #read}'s override list
     */
    public static String unset(String key) {
        return UNSET + key;
    }

    private static void applyOverride(ObjectNode tree, String override) {
        if (override.startsWith(UNSET)) {
            String key = override.substring(UNSET.length()).trim();
            if (key.isEmpty()) {
                throw new ModelException("--unset: expected a key, e.g. --unset time.t_end");
            }
            remove(tree, key);
            return;
        }
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ModelException("--set " + override + ": expected key=value, e.g. --set model.particles=5000");
        }
        String key = override.substring(0, eq).trim();
        String text = override.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = TOML.readTree("v = " + text).get("v");
        } catch (JacksonException e) {
            value = TOML.getNodeFactory().textNode(text);
        }
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
        for (List<String> group : ALTERNATIVES) {
            if (group.contains(key)) {
                group.stream().filter(k -> !k.equals(key)).forEach(k -> remove(tree, k));
            }
        }
    }

    private static void remove(ObjectNode tree, String key) {
        String[] parts = key.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.get(parts[i]);
        }
        if (node instanceof ObjectNode parent) {
            parent.remove(parts[parts.length - 1]);
        }
    }
}
