package org.coag.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coag.core.model.ModelException;
import org.coag.gpu.DeviceInfo;
import org.coag.gpu.OpenCl;

/**
 * The machine a benchmark ran on, as {@code coag bench} prints and records it.
 *
 * @param cpu CPU model (from /proc/cpuinfo where present)
 * @param cores processors the JVM sees
 * @param memoryGib physical memory
 * @param os operating system and kernel
 * @param jvm JVM name, vendor and version
 * @param maxHeapGib the JVM's heap limit
 * @param openclPlatform the platform of the device the opencl backend would use (null without OpenCL)
 * @param openclDevice that device
 * @param openclDriver its driver version
 */
record MachineInfo(String cpu, int cores, double memoryGib, String os, String jvm, double maxHeapGib, String openclPlatform,
                   String openclDevice, String openclDriver) {

    /** @return this machine; the OpenCL fields stay null when no usable device exists */
    static MachineInfo here() {
        double memory = Double.NaN;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (double) (1L << 30);
        }
        String platform = null;
        String device = null;
        String driver = null;
        try {
            DeviceInfo d = OpenCl.select(System.getProperty("coag.device")).info();
            platform = d.platform();
            device = d.name() + " (" + d.type() + ")";
            driver = d.driver();
        } catch (ModelException | LinkageError e) {
            platform = null;
        }
        return new MachineInfo(cpuModel(), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                Runtime.getRuntime().maxMemory() / (double) (1L << 30), platform, device, driver);
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | SecurityException e) {
            return System.getProperty("os.arch");
        }
        return System.getProperty("os.arch");
    }

    /** @return the lines {@code coag bench} prints above its table */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("machine: %s, %d cores, %.1f GiB; %s%n", cpu, cores, memoryGib, os));
        s.append(String.format("jvm:     %s, heap limit %.1f GiB%n", jvm, maxHeapGib));
        s.append(openclDevice == null ? "opencl:  no usable device\n"
                : String.format("opencl:  %s / %s / driver %s%n", openclPlatform, openclDevice, openclDriver));
        return s.toString();
    }
}
