package org.coag.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coag.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study JSON is written snake_case; a task written by an older coag with camelCase keys still reads. */
class StudyJsonTest {
    @TempDir
    Path tmp;

    @Test
    void writesSnakeCaseAndReadsCamelCase() throws IOException {
        StudyRunData run = StudyAnalysisTest.run(100, 1, 80, 0.01);
        ObjectNode written = (ObjectNode) Json.MAPPER.valueToTree(run);
        List<String> keys = new ArrayList<>();
        written.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            assertEquals(k.toLowerCase(), k, "snake_case key");
        }
        ObjectNode old = Json.MAPPER.createObjectNode();
        for (String k : keys) {
            old.set(camelCase(k), written.get(k));
        }
        assertEquals(1.0, old.get("wallSeconds").asDouble(), "the fixture is camelCase");
        Path file = tmp.resolve("result.json");
        Files.write(file, Json.MAPPER.writeValueAsBytes(old));
        StudyRunData back = StudyJson.read(file, StudyRunData.class);
        assertEquals(run.wallSeconds(), back.wallSeconds());
        assertEquals(run.eventLogSha256(), back.eventLogSha256());
        assertArrayEquals(run.survivors(), back.survivors());
        assertArrayEquals(run.pairExpected()[1], back.pairExpected()[1]);
        assertEquals(Json.MAPPER.valueToTree(run), Json.MAPPER.valueToTree(back));
    }

    @Test
    void snakeCaseOfCamelCaseNames() {
        assertEquals("wall_seconds", StudyJson.snakeCase("wallSeconds"));
        assertEquals("event_log_sha256", StudyJson.snakeCase("eventLogSha256"));
        assertEquals("pair_y", StudyJson.snakeCase("pairY"));
        assertEquals("beta11", StudyJson.snakeCase("beta11"));
        assertEquals("by_mass", StudyJson.snakeCase("by_mass"));
    }

    private static String camelCase(String snake) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return s.toString();
    }
}
