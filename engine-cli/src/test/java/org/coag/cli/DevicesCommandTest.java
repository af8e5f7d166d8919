package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.cli.CliTest.Outcome;
import org.coag.core.model.ModelException;
import org.coag.gpu.OpenCl;
import org.junit.jupiter.api.Test;

/** {@code coag devices}: a table with an OpenCL platform, none with the reason without, exit 0 either way. */
class DevicesCommandTest {
    @Test
    void listsDevicesOrNoneWithTheReasonAndExitsZero() {
        OpenCl.Listing listing = OpenCl.list();
        Outcome o = coag("devices");
        assertEquals(0, o.code(), o.err());
        if (!listing.devices().isEmpty()) {
            assertTrue(o.out().lines().count() >= 2 && o.out().contains("fp64"), o.out());
        } else {
            assertTrue(o.out().contains("0 OpenCL devices") && o.out().contains("pocl-opencl-icd"), o.out());
            assertTrue(o.out().contains("note: "), "the reason is printed: " + o.out());
            assertThrows(ModelException.class, OpenCl::devices, "the backend still refuses without a device");
        }
    }
}
