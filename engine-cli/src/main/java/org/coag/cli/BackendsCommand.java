package org.coag.cli;

import java.util.concurrent.Callable;
import org.coag.core.backend.Backend;
import org.coag.core.backend.Backends;
import picocli.CommandLine.Command;

/** {@code coag backends}: lists the backends on the class path. */
@Command(name = "backends", mixinStandardHelpOptions = true, description = "List the available backends.")
final class BackendsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Backend b : Backends.all()) {
            String why = b.unavailableReason();
            System.out.printf("%-12s %s%s%n", b.name(), b.description(), why == null ? "" : " [unavailable: " + why + "]");
        }
        return 0;
    }
}
