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
        if (root != null && root.isArray()) {
            return new BenchSamples(file, "jmh", jmh(file, root));
        }
        if (root != null && BenchReport.FORMAT.equals(root.path("format").asText())) {
            return new BenchSamples(file, BenchReport.FORMAT, coag(root));
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
            out.put(key.toString(), jmhSeries(run.get("primaryMetric")));
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("secondaryMetrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().has("rawData") && !e.getKey().startsWith("\u00b7")) {
                    out.put(key + " :" + e.getKey(), jmhSeries(e.getValue()));
                }
            }
        }
        return out;
    }

    private static Series jmhSeries(JsonNode metric) {
        String unit = metric.path("scoreUnit").asText();
        List<Double> v = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode x : fork) {
                v.add(x.asDouble());
            }
        }
        return new Series(unit, !unit.contains("/op"), v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Map<String, Series> coag(JsonNode root) {
        Map<String, Series> out = new LinkedHashMap<>();
        for (JsonNode c : root.path("results")) {
            List<Double> v = new ArrayList<>();
            c.path("samples").forEach(x -> v.add(x.asDouble()));
            out.put(c.path("name").asText(), new Series("particle-steps/s", true, v.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }
}
