package org.coag.core.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.backend.Backend;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.RunFingerprint;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;

/**
 * One conformance config (a TOML resource under {@code /conformance/}) and the reference
 * backend's result for it, its {@link RunFingerprint}, as recorded in {@code /conformance/expected.csv}.
 *
 * @param name config name (file name without .toml)
 * @param events expected number of collision events
 * @param eventLog expected event-log SHA-256
 * @param finalState expected final-state SHA-256
 */
public record ConformanceCase(String name, long events, String eventLog, String finalState) {
    /** @return every case of expected.csv, in file order */
    public static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        try (InputStream in = ConformanceCase.class.getResourceAsStream("/conformance/expected.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                cases.add(new ConformanceCase(f[0].trim(), Long.parseLong(f[1].trim()), f[2].trim(), f[3].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /**
     * @param name config name
     * @return the parsed config resource
     */
    public static RunConfig config(String name) {
        return config(name, List.of());
    }

    /**
     * @param name config name
     * @param overrides {@code key=value} settings over the file's (as {@code --set})
     * @return the parsed config resource with the overrides
     */
    public static RunConfig config(String name, List<String> overrides) {
        try (InputStream in = ConformanceCase.class.getResourceAsStream("/conformance/" + name + ".toml")) {
            if (in == null) {
                throw new IllegalArgumentException("no conformance config " + name);
            }
            return ConfigReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a config for its configured number of steps from its generated initial state.
     *
     * @param name config name
     * @param backend the backend
     * @param options threads and vector width
     * @return its fingerprint (events and hashes)
     */
    public static RunFingerprint run(String name, Backend backend, BackendOptions options) {
        return run(config(name), backend, options);
    }

    /**
     * Runs a parsed config for its configured number of steps from its generated initial state.
     *
     * @param cfg the config
     * @param backend the backend
     * @param options threads and vector width
     * @return its fingerprint (events and hashes)
     */
    public static RunFingerprint run(RunConfig cfg, Backend backend, BackendOptions options) {
        return RunFingerprint.of(backend, cfg.model(), cfg.run().seed(), cfg.run().steps(), options, null);
    }
}
