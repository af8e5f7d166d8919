package org.coag.cli;

import picocli.CommandLine.Command;

/** {@code coag theory}: the macroscopic side (beta recipe, Smoluchowski ODE and PDE, lattice walkers). */
@Command(name = "theory", mixinStandardHelpOptions = true,
        description = "The macroscopic limit of a config: the corrected beta recipe, the Smoluchowski ODE and PDE "
                + "(docs/theory.md), and the lattice walkers' theory. Results as CSV (and .npy for fields); progress on stderr.",
        subcommands = {TheoryBetaCommand.class, TheoryOdeCommand.class, TheoryPdeCommand.class, TheoryTransientCommand.class,
                TheoryLatticeCommand.class})
final class TheoryCommand {
}
