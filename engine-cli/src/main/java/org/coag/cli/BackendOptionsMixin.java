package org.coag.cli;

import org.coag.core.backend.BackendOptions;
import picocli.CommandLine.Option;

/** {@code --threads}, {@code --vector-bits} and {@code --device}: how a backend runs; never what it computes. */
final class BackendOptionsMixin {
    @Option(names = "--threads", paramLabel = "N", description = "worker threads for the cpu backend (default: all processors)")
    private int threads;

    @Option(names = "--vector-bits", paramLabel = "BITS", description = "SIMD width of the cpu backend: 128, 256 or 512 "
            + "(default: the machine's preferred width); results are identical at every width")
    private int vectorBits;

    @Option(names = "--device", paramLabel = "N|NAME", description = "OpenCL device of the opencl backend: an index or a "
            + "substring of the device or platform name (see coag devices; default: the first GPU with fp64)")
    private String device;

    /** @return the options; fixes the cpu backend's vector width and the OpenCL device for this JVM when given */
    BackendOptions options() {
        BackendOptions o = new BackendOptions(threads, vectorBits);
        if (device != null) {
            System.setProperty("coag.device", device);
        }
        if (vectorBits != 0) {
            System.setProperty("coag.vectorBits", Integer.toString(vectorBits));
        }
        return o;
    }
}
