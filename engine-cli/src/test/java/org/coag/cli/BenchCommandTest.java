package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coag.cli.CliTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coag bench} and {@code coag bench compare} on recorded samples: two JMH runs of the same
 * build, one after the other (StepBenchmark, cpu, N = 1e5, d = 3, JDK 25, 15 iterations of 2 s each,
 * on this project's shared 2-vCPU machine: the iterations spread about 10 % and the second run's
 * median came out 5 % below the first's) must pass at the default 5 % threshold; the second with
 * every sample slowed by 20 % must fail (one-sided p 2e-5 to 2e-3). No timing is asserted: only the
 * decisions on recorded numbers.
 */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path resource(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = BenchCommandTest.class.getResourceAsStream("/bench/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void twoRunsOfTheSameBuildAreNotARegression() throws IOException {
        Outcome o = coag("bench", "compare", resource("jmh-same-build-1.json").toString(), resource("jmh-same-build-2.json").toString());
        System.out.print(o.out());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("3 compared, 0 regressions"), o.out());
    }

    @Test
    void aPlantedTwentyPercentSlowdownIsFlagged() throws IOException {
        Path base = resource("jmh-same-build-1.json");
        ArrayNode runs = (ArrayNode) JSON.readTree(resource("jmh-same-build-2.json").toFile());
        for (JsonNode run : runs) {
            scale((ArrayNode) run.get("primaryMetric").get("rawData"), 0.8);
            run.get("secondaryMetrics").forEach(m -> scale((ArrayNode) m.get("rawData"), 0.8));
        }
        Path slow = tmp.resolve("slow.json");
        JSON.writeValue(slow.toFile(), runs);
        Outcome o = coag("bench", "compare", base.toString(), slow.toString());
        System.out.print(o.out());
        assertEquals(1, o.code(), o.out() + o.err());
        assertEquals(3, o.out().lines().filter(l -> l.endsWith("REGRESSION")).count(), o.out());
        Outcome lenient = coag("bench", "compare", base.toString(), slow.toString(), "--threshold", "30");
        assertEquals(0, lenient.code(), "a 20 % slowdown is within a 30 % threshold: " + lenient.out());
    }

    private static void scale(ArrayNode forks, double f) {
        for (JsonNode fork : forks) {
            ArrayNode it = (ArrayNode) fork;
            for (int i = 0; i < it.size(); i++) {
                it.set(i, it.get(i).asDouble() * f);
            }
        }
    }

    @Test
    void benchWritesJsonThatCompareReadsAndRefusesMixedFormats() throws IOException {
        Path json = tmp.resolve("bench.json");
        Outcome o = coag("bench", "--backends", "cpu,reference", "--particles", "2000", "--seconds", "0.5", "--warmup", "0.2",
                "--json", json.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("machine: ") && o.out().contains("jvm: "), o.out());
        JsonNode r = JSON.readTree(json.toFile());
        assertEquals("coag-bench", r.get("format").asText());
        assertEquals(2, r.get("results").size());
        for (JsonNode c : r.get("results")) {
            assertTrue(c.get("samples").size() >= 1 && c.get("steps").asLong() >= 1, c.toString());
            assertTrue(c.get("step_millis").get("p50").asDouble() <= c.get("step_millis").get("max").asDouble(), c.toString());
        }
        assertEquals("cpu/N=2000/d=3/annihilation", r.get("results").get(0).get("name").asText());
        Outcome self = coag("bench", "compare", json.toString(), json.toString());
        assertEquals(0, self.code(), self.out() + self.err());
        Outcome mixed = coag("bench", "compare", json.toString(), resource("jmh-same-build-1.json").toString());
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().startsWith("coag: error: bench compare:") && mixed.err().contains("like with like"), mixed.err());
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{\"not\": \"a benchmark\"}");
        Outcome bad = coag("bench", "compare", junk.toString(), json.toString());
        assertEquals(1, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }
}
