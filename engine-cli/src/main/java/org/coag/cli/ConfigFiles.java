package org.coag.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coag.core.model.ModelException;

/**
 * Reads a config file named on the command line. What is not a readable UTF-8 text file (missing,
 * a directory, binary, another encoding) is a one-line user error; a UTF-8 byte order mark is
 * accepted (the config reader drops it).
 */
final class ConfigFiles {
    /** Configs are small; anything larger is not one. */
    private static final long MAX_BYTES = 16L << 20;

    private ConfigFiles() {
    }

    /**
     * @param path the file
     * @return its text (UTF-8)
     * @throws IOException on other read failures
     * @throws ModelException when it is not a readable text file
     */
    static String read(Path path) throws IOException {
        if (path.toString().isBlank()) {
            throw new ModelException("config file: empty path");
        }
        if (!Files.exists(path)) {
            throw new ModelException("config file " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new ModelException("config file " + path + " is a directory; give a .toml file (coag run DIR/config.toml, or --resume DIR)");
        }
        if (!Files.isReadable(path)) {
            throw new ModelException("config file " + path + " is not readable (permission denied)");
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new ModelException("config file " + path + " is " + Files.size(path) + " bytes: not a config (TOML text of a few kB)");
        }
        byte[] bytes = Files.readAllBytes(path);
        for (byte b : bytes) {
            if (b == 0) {
                throw new ModelException("config file " + path + " is a binary file, not TOML text");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelException("config file " + path + " is not UTF-8 text (save it as UTF-8)");
        }
    }
}
