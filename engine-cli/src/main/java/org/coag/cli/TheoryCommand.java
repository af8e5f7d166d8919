package org.coag.cli;

import picocli.CommandLine.Command;

/** {@code coag theory}: the macroscopic side (beta recipe, Smoluchowski ODE and PDE). */
@Command(name = "theory", mixinStandardHelpOptions = true,
        description = "The macroscopic limit of a config: the beta recipe (1.7)-(1.8), the Smoluchowski ODE (2.1) and "
                + "PDE (1.2). Results as CSV (and .npy for fields); progress on stderr.",
        subcommands = {TheoryBetaCommand.class, TheoryOdeCommand.class, TheoryPdeCommand.class, TheoryTransientCommand.class})
final class TheoryCommand {
}
