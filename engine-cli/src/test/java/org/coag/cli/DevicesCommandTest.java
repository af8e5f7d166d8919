package org.coag.cli;

import static org.coag.cli.CliTest.coag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.cli.CliTest.Outcome;
import org.coag.core.model.ModelException;
import org.coag.gpu.OpenCl;
import org.junit.jupiter.api.Test;

/** {@code coag devices}: a table with an OpenCL platform, one line saying what to install without. */
class DevicesCommandTest {
    @Test
    void listsDevicesOrSaysWhatToInstall() {
        boolean present;
        try {
            present = !OpenCl.devices().isEmpty();
        } catch (ModelException e) {
            present = false;
        }
        Outcome o = coag("devices");
        if (present) {
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().lines().count() >= 2 && o.out().contains("fp64"), o.out());
        } else {
            assertEquals(1, o.code());
            assertTrue(o.err().startsWith("coag: error: no OpenCL platform found"), o.err());
            assertEquals(1, o.err().lines().count());
        }
    }
}
