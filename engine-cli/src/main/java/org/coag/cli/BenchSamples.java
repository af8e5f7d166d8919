package org.coag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coag.core.model.ModelException;

/**
 * The raw samples of a benchmark results file, by benchmark key, for {@code coag bench compare}.
 * Reads JMH's {@code -rf json} output (an array of runs; key = benchmark, its {@code @Param} values
 * in name order and the mode; samples = every measured iteration of every fork, from
 * {@code rawData}; secondary metrics such as {@code :particleSteps} are benchmarks of their own) and
 * {@code coag bench --json} output (key = the case name; samples = the window rates).
 *
 * @param source the file
 * @param kind "jmh" or "coag-bench"
 * @param series by key, in file order
 */
record BenchSamples(Path source, String kind, Map<String, Series> series) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param unit the unit of the samples
     * @param higherIsBetter throughput (true) or time per operation (false)
     * @param values the raw samples
     */
    record Series(String unit, boolean higherIsBetter, double[] values) {
    }

    static BenchSamples read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new ModelException("bench compare: " + file + " does not exist");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ModelException("bench compare: " + file + " is not JSON (" + e.getOriginalMessage() + ")");
        }
        BenchSamples b = null;
        if (root != null && root.isArray()) {
            b = new BenchSamples(file, "jmh", jmh(file, root));
        } else if (root != null && BenchReport.FORMAT.equals(root.path("format").asText())) {
            b = new BenchSamples(file, BenchReport.FORMAT, coag(file, root));
        }
        if (b != null) {
            if (b.series().isEmpty()) {
                throw new ModelException("bench compare: " + file + " holds no benchmark results");
            }
            return b;
        }
        throw new ModelException("bench compare: " + file + " is neither JMH JSON (java -jar benchmarks.jar ... -rf json) nor "
                + "'coag bench --json' output");
    }

    private static Map<String, Series> jmh(Path file, JsonNode runs) {
        Map<String, Series> out = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            if (!run.has("benchmark") || !run.has("primaryMetric")) {
                throw new ModelException("bench compare: " + file + ": an entry without benchmark/primaryMetric is not JMH output");
            }
            StringBuilder key = new StringBuilder(run.get("benchmark").asText());
            Map<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            params.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            String mode = run.path("mode").asText();
            key.append(" [").append(mode).append(']');
            out.put(key.toString(), jmhSeries(file, key.toString(), run.get("primaryMetric")));
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().has("rawData") && !e.getKey().startsWith("\u00b7")) {
                    out.put(key + " :" + e.getKey(), jmhSeries(file, key + " :" + e.getKey(), e.getValue()));
                }
            }
        }
        return out;
    }

    private static Series jmhSeries(Path file, String key, JsonNode metric) {
        String unit = metric.path("scoreUnit").asText();
        if (unit.isEmpty() || !metric.path("rawData").isArray()) {
            throw new ModelException("bench compare: " + file + ": " + key + " has no scoreUnit or rawData (not JMH -rf json output)");
        }
        List<Double> v = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode x : fork) {
                v.add(number(file, key, x));
            }
        }
        return new Series(unit, !unit.contains("/op"), v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The fields of a coag bench --json file and of its cases (BenchReport); anything else is an error. */
    private static final List<String> COAG_FIELDS = List.of("format", "version", "created", "machine", "workload", "warmup_seconds",
            "measure_seconds", "results");
    private static final List<String> CASE_FIELDS = List.of("name", "backend", "particles", "threads", "steps",
            "particle_steps_per_second", "samples", "events_per_second", "step_millis", "retained_bytes_per_particle",
            "peak_live_bytes_per_particle", "setup_seconds");

    private static Map<String, Series> coag(Path file, JsonNode root) {
        unknownFields(file, root, COAG_FIELDS, "the file");
        if (!root.path("results").isArray()) {
            throw new ModelException("bench compare: " + file + ": 'results' is missing or not an array");
        }
        Map<String, Series> out = new LinkedHashMap<>();
        for (JsonNode c : root.path("results")) {
            String name = c.path("name").asText();
            unknownFields(file, c, CASE_FIELDS, "case '" + name + "'");
            if (name.isEmpty() || !c.path("samples").isArray()) {
                throw new ModelException("bench compare: " + file + ": a case without a name or samples");
            }
            List<Double> v = new ArrayList<>();
            c.path("samples").forEach(x -> v.add(number(file, name, x)));
            out.put(name, new Series("particle-steps/s", true, v.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static void unknownFields(Path file, JsonNode node, List<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new ModelException("bench compare: " + file + ": unknown field '" + f + "' in " + where
                        + " (written by another coag version? expected " + String.join(", ", known) + ")");
            }
        }
    }

    private static double number(Path file, String key, JsonNode x) {
        if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
            throw new ModelException("bench compare: " + file + ": " + key + " has a sample that is not a finite number: " + x);
        }
        return x.asDouble();
    }
}
