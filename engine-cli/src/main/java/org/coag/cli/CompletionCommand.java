package org.coag.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coag completion}: a bash (and zsh) completion script generated from the commands themselves. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash completion script for coag (zsh reads it too after bashcompinit). Install it with "
                + "./coag completion > ~/.local/share/bash-completion/completions/coag, or for this shell: source <(./coag completion)")
final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        System.out.print(AutoComplete.bash("coag", spec.root().commandLine()));
        return 0;
    }
}
