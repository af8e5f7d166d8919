package org.coag.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bad-input corpus, {@code src/test/resources/bad-inputs.toml} (issue 24): every case is
 * one command a user might type, with the exit code and the fragment of the one-line message it
 * must give (the file's header says what is checked). At the end it prints the count of cases by
 * outcome.
 */
class BadInputCorpusTest {
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    @TempDir
    static Path root;

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        JsonNode corpus;
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-inputs.toml")) {
            corpus = new TomlMapper().readTree(in);
        }
        String base = corpus.get("base").asText();
        List<DynamicTest> tests = new ArrayList<>();
        int k = 0;
        for (JsonNode c : corpus.get("case")) {
            int index = k++;
            tests.add(DynamicTest.dynamicTest(index + ": " + c.get("name").asText(), () -> run(c, base, root.resolve("case" + index))));
        }
        assertTrue(tests.size() >= 100, "the corpus keeps at least 100 cases (issue 24); has " + tests.size());
        return tests.stream();
    }

    @AfterAll
    static void printOutcomes() {
        System.out.println("bad-input corpus outcomes: " + OUTCOMES);
    }

    private static void run(JsonNode c, String base, Path tmp) throws IOException {
        Files.createDirectories(tmp);
        Map<Path, byte[]> setUp = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String text = f.getValue().asText();
            byte[] bytes = text.startsWith("base64:") ? Base64.getDecoder().decode(text.substring(7)) : text.getBytes(StandardCharsets.UTF_8);
            Path p = tmp.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            setUp.put(p, bytes);
        }
        for (JsonNode d : c.path("dirs")) {
            Files.createDirectories(tmp.resolve(d.asText()));
        }
        Path config = tmp.resolve("config-under-test.toml");
        Files.writeString(config, c.has("config") ? c.get("config").asText() : base);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>();
        for (JsonNode a : c.get("args")) {
            args.add(a.asText().replace("{config}", config.toString()).replace("{out}", out.toString()).replace("{tmp}", tmp.toString()));
        }
        CliTest.Outcome o = CliTest.coag(args.toArray(String[]::new));
        int exit = c.get("exit").asInt();
        String message = c.get("message").asText();
        String err = o.err();
        String what = c.get("name").asText() + ": " + String.join(" ", args) + "\nstderr: " + err;
        assertFalse(err.contains("internal error") || err.contains("Exception") || err.contains("\tat "), "no stack trace: " + what);
        assertEquals(exit, o.code(), what);
        if (exit != 0) {
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one line: " + what);
            assertTrue(lines.get(0).contains(message), "message should contain '" + message + "': " + what);
        } else {
            assertTrue((o.out() + err).contains(message), "the output should contain '" + message + "': " + what + "\nstdout: " + o.out());
        }
        assertFalse(Files.exists(out), "a refused command writes nothing: " + what);
        for (Map.Entry<Path, byte[]> f : setUp.entrySet()) {
            assertTrue(Files.exists(f.getKey()), "the user's file " + f.getKey() + " is still there: " + what);
            assertArrayEquals(f.getValue(), Files.readAllBytes(f.getKey()), "the user's file is unchanged: " + what);
        }
        String outcome = exit == 0 ? "accepted with a warning or as valid" : exit == 2 ? "usage error (exit 2)" : "refused in one line (exit 1)";
        synchronized (OUTCOMES) {
            OUTCOMES.merge(outcome, 1, Integer::sum);
        }
    }
}
