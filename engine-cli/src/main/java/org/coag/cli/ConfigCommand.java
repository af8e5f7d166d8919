package org.coag.cli;

import org.coag.core.config.ConfigReference;
import picocli.CommandLine.Command;

/** {@code coag config}: the configuration reference. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "The configuration reference.",
        subcommands = {ConfigCommand.Reference.class})
final class ConfigCommand {
    /** {@code coag config reference}: every key, its type, default and meaning, in Markdown. */
    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Print the configuration reference (Markdown; the page docs/configuration.md), generated from the code that reads the config.")
    static final class Reference implements Runnable {
        @Override
        public void run() {
            System.out.print(ConfigReference.markdown());
        }
    }
}
