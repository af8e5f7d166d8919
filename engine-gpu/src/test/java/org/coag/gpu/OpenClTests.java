package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Assumptions;

/**
 * The skip-or-fail rule of the OpenCL tests: without an OpenCL platform they are skipped with the
 * reason printed, unless {@code -Dcoag.requireOpenCL=true} (set by {@code .ci/run}), which turns
 * the missing platform into a failure.
 */
final class OpenClTests {
    private OpenClTests() {
    }

    /** @return the devices, or skips/fails the calling test */
    static List<OpenCl.Device> devicesOrSkip() {
        try {
            return OpenCl.devices();
        } catch (ModelException e) {
            if (Boolean.getBoolean("coag.requireOpenCL")) {
                fail("coag.requireOpenCL=true but " + e.getMessage());
            }
            System.out.println("SKIPPED (no OpenCL): " + e.getMessage());
            Assumptions.abort(e.getMessage());
            return null;
        }
    }
}
