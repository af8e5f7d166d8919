package org.coag.cli;

import java.util.concurrent.Callable;
import org.coag.gpu.DeviceInfo;
import org.coag.gpu.OpenCl;
import picocli.CommandLine.Command;

/** {@code coag devices}: the OpenCL platforms and devices. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the OpenCL platforms and devices: index (for --device), type, fp64 support, memory, driver. "
                + "The opencl backend needs a device with fp64. Without OpenCL it lists none, says why, and exits 0.")
final class DevicesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        OpenCl.Listing listing = OpenCl.list();
        listing.notes().forEach(n -> System.out.println("note: " + n));
        if (listing.devices().isEmpty()) {
            System.out.println("0 OpenCL devices: the opencl backend cannot run here (the reference and cpu backends can). "
                    + OpenCl.NO_PLATFORM.replaceFirst("^no OpenCL platform found: ", "To use it, "));
            return 0;
        }
        System.out.printf("%-3s %-11s %-5s %10s %10s %5s  %s%n", "#", "type", "fp64", "memory", "max alloc", "units", "device / platform / driver");
        for (OpenCl.Device d : listing.devices()) {
            DeviceInfo i = d.info();
            System.out.printf("%-3d %-11s %-5s %10s %10s %5d  %s / %s / %s%n", i.index(), i.type(), i.fp64() ? "yes" : "NO",
                    gib(i.globalMemory()), gib(i.maxAllocation()), i.computeUnits(), i.name(), i.platform(), i.driver());
        }
        return 0;
    }

    private static String gib(long bytes) {
        return String.format("%.2f GiB", bytes / (double) (1L << 30));
    }
}
