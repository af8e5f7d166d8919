package org.coag.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coag.core.io.Json;

/**
 * Reads a study's JSON files (theory.json, result.json, observations.jsonl lines). Every coag JSON
 * is written with snake_case keys; a study directory written by an older coag may hold camelCase
 * keys ({@code wallSeconds}), which are read as their snake_case twins so that such a study still
 * resumes and reports.
 */
final class StudyJson {
    private StudyJson() {
    }

    /**
     * @param file a JSON object
     * @param type the record it holds (snake_case keys)
     * @param <T> its type
     * @return the record
     * @throws IOException on read failure
     */
    static <T> T read(Path file, Class<T> type) throws IOException {
        return Json.MAPPER.treeToValue(snakeCase(Json.MAPPER.readTree(file.toFile())), type);
    }

    /**
     * @param text one JSON object
     * @param type the record it holds (snake_case keys)
     * @param <T> its type
     * @return the record
     * @throws IOException on a parse failure
     */
    static <T> T read(String text, Class<T> type) throws IOException {
        return Json.MAPPER.treeToValue(snakeCase(Json.MAPPER.readTree(text)), type);
    }

    /** The object with each camelCase key of its top level renamed to snake_case (unless that key is there too). */
    static JsonNode snakeCase(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String snake = snakeCase(name);
            if (!snake.equals(name) && !object.has(snake)) {
                object.set(snake, object.remove(name));
            }
        }
        return object;
    }

    /** @return "wallSeconds" as "wall_seconds", "eventLogSha256" as "event_log_sha256"; snake_case unchanged */
    static String snakeCase(String name) {
        StringBuilder s = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    s.append('_');
                }
                s.append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
