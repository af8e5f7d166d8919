package org.coag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coag.core.config.ConfigReader;
import org.coag.core.model.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coag init}: writes a commented starter config from a template. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented starter config to edit and run: "
        + "coag init --template masses my.toml, then coag run my.toml. --list shows the templates.")
final class InitCommand implements Callable<Integer> {
    /** The templates, in the order --list shows them; "default" is the embedded default run itself. */
    static final List<String> TEMPLATES = List.of("default", "adaptive", "free-space", "masses", "study");

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "where to write it (default: TEMPLATE.toml here; - for stdout)")
    private Path file;

    @Option(names = {"-t", "--template"}, paramLabel = "NAME", defaultValue = "default",
            description = "template: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})", completionCandidates = Names.class)
    private String template;

    @Option(names = "--list", description = "list the templates and stop")
    private boolean list;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    private boolean force;

    /** The template names, for the help text and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TEMPLATES.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            for (String name : TEMPLATES) {
                System.out.printf("%-11s %s%n", name, summary(text(name)));
            }
            return 0;
        }
        String text = text(template);
        if (file != null && file.toString().equals("-")) {
            System.out.print(text);
            return 0;
        }
        Path target = file != null ? file : Path.of(template + ".toml");
        if (Files.exists(target) && !force) {
            throw new ModelException(target + " already exists; choose another FILE or add --force to overwrite it");
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + target + " (template " + template + "); run it with: " + runCommand(template) + " " + target);
        return 0;
    }

    private static String runCommand(String name) {
        return name.equals("study") ? "./coag study" : "./coag run";
    }

    /**
     * @param name a template name
     * @return its commented TOML
     * @throws ModelException naming the templates when there is no such template
     */
    static String text(String name) {
        if (!TEMPLATES.contains(name)) {
            throw new ModelException("--template " + name + ": no such template (available: " + String.join(", ", TEMPLATES) + ")");
        }
        if (name.equals("default")) {
            return "# coag template \"default\": the default run (what ./coag run runs without a CONFIG).\n"
                    + "# Run it with:  ./coag run THIS_FILE\n#\n" + ConfigReader.defaultConfigText();
        }
        try (InputStream in = InitCommand.class.getResourceAsStream("templates/" + name + ".toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text after "coag template "NAME": " on the template's first line */
    private static String summary(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.replaceFirst("^# coag template \"[^\"]*\":\\s*", "");
    }
}
