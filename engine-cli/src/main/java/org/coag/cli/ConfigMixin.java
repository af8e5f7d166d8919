package org.coag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import org.coag.core.config.ConfigReader;
import org.coag.core.config.RunConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code [CONFIG]} and {@code --set key=value}...: the config a command reads, the one definition
 * of both for every command that takes them. Each command words their help its own way:
 * {@link Descriptions} holds those words by command, the annotations here the common wording.
 */
final class ConfigMixin {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", descriptionKey = "config",
            description = "TOML config (default: the embedded default run)")
    private Path file;

    @Option(names = "--set", paramLabel = "key=value", descriptionKey = "set", description = "override a config value")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--unset", paramLabel = "key", description = "remove a key from CONFIG (its default applies), before "
            + "the --set values; a --set of time.steps already replaces time.t_end (and the like, see docs/command-line.md)")
    private List<String> removals = new ArrayList<>();

    /** @return the CONFIG file given, or null */
    Path file() {
        return file;
    }

    /** @return the {@code --unset} removals, then the {@code --set} overrides in command-line order ({@link ConfigReader#read}) */
    List<String> overrides() {
        List<String> all = new ArrayList<>();
        removals.forEach(k -> all.add(ConfigReader.unset(k)));
        all.addAll(overrides);
        return all;
    }

    /**
     * @param none the text to use without a CONFIG
     * @return the CONFIG file's text ({@link ConfigFiles#read}), or {@code none}
     * @throws IOException on read failures other than the user errors of {@link ConfigFiles#read}
     */
    String text(String none) throws IOException {
        return file == null ? none : ConfigFiles.read(file);
    }

    /**
     * @return the CONFIG file (default: the embedded default run) with the overrides
     * @throws IOException on read failures other than the user errors of {@link ConfigFiles#read}
     */
    RunConfig read() throws IOException {
        return ConfigReader.read(text(ConfigReader.defaultConfigText()), overrides);
    }

    /**
     * The help of CONFIG and {@code --set} where a command words it otherwise than the annotations:
     * keys are the command's qualified name, a dot and the description key ({@code coag run.config}
     * is {@code coag.run.config}). The {@code coag} command names this bundle; its subcommands inherit it.
     */
    public static final class Descriptions extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"coag.run.config", "TOML config (coag init writes a commented one; keys: docs/configuration.md)"},
                {"coag.run.set", "override a config value, e.g. --set model.particles=5000"},
                {"coag.study.config", "TOML config with model.Z and a [study] table"},
                {"coag.study.set", "override a config value, e.g. study.seeds=4"},
                {"coag.theory.ode.set", "override a config value, e.g. theory.masses=64"},
                {"coag.theory.pde.set", "override a config value, e.g. theory.grid=32"},
                {"coag.bench.config", "TOML config to step instead of the default workload"},
            };
        }
    }
}
