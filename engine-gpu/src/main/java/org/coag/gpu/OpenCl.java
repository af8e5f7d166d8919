package org.coag.gpu;

import static org.jocl.CL.CL_DEVICE_DOUBLE_FP_CONFIG;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_PLATFORM_VERSION;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import java.util.ArrayList;
import java.util.List;
import org.coag.core.model.ModelException;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * The OpenCL platforms and devices of this machine (JOCL). {@link #list} never fails for a missing
 * or empty OpenCL installation (it says why there are no devices); {@link #devices} and
 * {@link #select}, which the opencl backend uses, turn that into a {@link ModelException} whose
 * message says what to install.
 */
public final class OpenCl {
    /** The hint printed when no platform exists. */
    public static final String NO_PLATFORM = "no OpenCL platform found: install a driver (an ICD), e.g. "
            + "`apt-get install pocl-opencl-icd` for OpenCL on the CPU, or your GPU vendor's OpenCL runtime";

    /** A device handle with its description. */
    public record Device(cl_platform_id platform, cl_device_id id, DeviceInfo info) {
    }

    private OpenCl() {
    }

    /**
     * What this machine's OpenCL offers.
     *
     * @param devices every device of every platform, in a stable order (empty without OpenCL)
     * @param notes one line per platform skipped, or why there are no devices at all
     */
    public record Listing(List<Device> devices, List<String> notes) {
    }

    /** clGetDeviceIDs for a count: the status it fails with is in the {@link CLException}. */
    interface DeviceCount {
        int count();
    }

    /**
     * @return every device of every platform, in a stable order
     * @throws ModelException when OpenCL cannot be loaded or has no device, saying what to install
     */
    public static List<Device> devices() {
        Listing l = list();
        if (l.devices().isEmpty()) {
            throw new ModelException(NO_PLATFORM + (l.notes().isEmpty() ? "" : " (" + String.join("; ", l.notes()) + ")"));
        }
        return l.devices();
    }

    /** @return the devices and notes; never throws for a missing or empty OpenCL installation */
    public static Listing list() {
        List<Device> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        cl_platform_id[] platforms;
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            clGetPlatformIDs(0, null, count);
            platforms = new cl_platform_id[count[0]];
            if (platforms.length > 0) {
                clGetPlatformIDs(platforms.length, platforms, null);
            }
        } catch (UnsatisfiedLinkError | CLException e) {
            String what = e.getMessage().split("\n")[0];
            notes.add(what.contains("PLATFORM_NOT_FOUND") ? "no OpenCL platform: the ICD loader found no driver (" + what + ")"
                    : "no OpenCL platform: " + what);
            return new Listing(out, notes);
        }
        if (platforms.length == 0) {
            notes.add("no OpenCL platform: no ICD is installed");
        }
        for (cl_platform_id p : platforms) {
            try {
                addDevices(p, out, notes);
            } catch (CLException e) {
                notes.add("an OpenCL platform failed and was skipped: " + e.getMessage().split("\n")[0]);
            }
        }
        return new Listing(out, notes);
    }

    private static void addDevices(cl_platform_id p, List<Device> out, List<String> notes) {
        String platform = string(p, CL_PLATFORM_NAME) + " (" + string(p, CL_PLATFORM_VERSION) + ")";
        int n = deviceCount(platform, () -> {
            int[] c = new int[1];
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, c);
            return c[0];
        }, notes);
        cl_device_id[] ids = new cl_device_id[n];
        if (n > 0) {
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
        }
        for (cl_device_id d : ids) {
            out.add(new Device(p, d, new DeviceInfo(out.size(), platform, string(d, CL_DEVICE_NAME), type(d),
                    string(d, CL_DRIVER_VERSION), longValue(d, CL_DEVICE_DOUBLE_FP_CONFIG) != 0,
                    longValue(d, CL_DEVICE_GLOBAL_MEM_SIZE), longValue(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                    (int) intValue(d, CL_DEVICE_MAX_COMPUTE_UNITS))));
        }
    }

    /**
     * A platform's device count. A platform with no devices (mesa's ICD answers CL_DEVICE_NOT_FOUND,
     * rusticl without a driver CL_INVALID_DEVICE_TYPE) counts 0 and gets a note; other failures throw.
     *
     * @param platform the platform's name, for the note
     * @param query the clGetDeviceIDs count query
     * @param notes where the note goes
     * @return the number of devices
     */
    static int deviceCount(String platform, DeviceCount query, List<String> notes) {
        try {
            int n = query.count();
            if (n == 0) {
                notes.add("platform " + platform + ": no devices");
            }
            return n;
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_DEVICE_NOT_FOUND || e.getStatus() == CL.CL_INVALID_DEVICE_TYPE) {
                notes.add("platform " + platform + ": no devices (" + CL.stringFor_errorCode(e.getStatus()) + ")");
                return 0;
            }
            throw e;
        }
    }

    /**
     * @param selector a device index, a case-insensitive substring of the device or platform name, or
     *                 null for the first GPU with fp64 (else the first device with fp64)
     * @return the device
     * @throws ModelException when nothing matches or the device lacks fp64
     */
    public static Device select(String selector) {
        List<Device> all = devices();
        Device chosen = null;
        if (selector == null) {
            chosen = all.stream().filter(d -> d.info().fp64() && d.info().type().equals("GPU")).findFirst()
                    .orElse(all.stream().filter(d -> d.info().fp64()).findFirst().orElse(all.get(0)));
        } else if (selector.matches("\\d+")) {
            int i = Integer.parseInt(selector);
            if (i >= all.size()) {
                throw new ModelException("--device " + i + ": there are only " + all.size() + " OpenCL devices (see coag devices)");
            }
            chosen = all.get(i);
        } else {
            String s = selector.toLowerCase();
            chosen = all.stream().filter(d -> (d.info().name() + " " + d.info().platform()).toLowerCase().contains(s))
                    .findFirst().orElseThrow(() -> new ModelException("--device " + selector + ": no OpenCL device's name "
                            + "contains it (see coag devices)"));
        }
        if (!chosen.info().fp64()) {
            throw new ModelException("OpenCL device " + chosen.info().index() + " (" + chosen.info().name() + ") has no "
                    + "double precision (fp64), which bit-identical results need; choose another with --device");
        }
        return chosen;
    }

    private static String type(cl_device_id d) {
        long t = longValue(d, CL_DEVICE_TYPE);
        if ((t & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((t & CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        return (t & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? "accelerator" : "other";
    }

    /** A clGet*Info call for one parameter: (size, value, size returned). */
    private interface InfoQuery {
        void query(long size, Pointer value, long[] sizeReturned);
    }

    private static String string(InfoQuery q) {
        long[] size = new long[1];
        q.query(0, null, size);
        byte[] buf = new byte[(int) size[0]];
        q.query(buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1)).trim();
    }

    private static String string(cl_platform_id p, int param) {
        return string((size, value, ret) -> clGetPlatformInfo(p, param, size, value, ret));
    }

    private static String string(cl_device_id d, int param) {
        return string((size, value, ret) -> clGetDeviceInfo(d, param, size, value, ret));
    }

    private static long longValue(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    private static long intValue(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null);
        return v[0];
    }
}
