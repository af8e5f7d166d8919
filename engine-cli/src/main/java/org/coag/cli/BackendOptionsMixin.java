package org.coag.cli;

import org.coag.core.backend.BackendOptions;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --vector-bits}: how a backend runs; never what it computes. */
final class BackendOptionsMixin {
    @Option(names = "--threads", paramLabel = "N", description = "worker threads for the cpu backend (default: all processors)")
    private int threads;

    @Option(names = "--vector-bits", paramLabel = "BITS", description = "SIMD width of the cpu backend: 128, 256 or 512 "
            + "(default: the machine's preferred width); results are identical at every width")
    private int vectorBits;

    /** @return the options; fixes the cpu backend's vector width for this JVM when one is given */
    BackendOptions options() {
        BackendOptions o = new BackendOptions(threads, vectorBits);
        if (vectorBits != 0) {
            System.setProperty("coag.vectorBits", Integer.toString(vectorBits));
        }
        return o;
    }
}
