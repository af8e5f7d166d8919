package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.junit.jupiter.api.Test;

/** A platform without devices is skipped with a note, whatever error code its ICD uses; real failures still throw. */
class DeviceCountTest {
    private static OpenCl.DeviceCount failing(int status) {
        return () -> {
            throw new CLException(CL.stringFor_errorCode(status), status);
        };
    }

    @Test
    void mesaAndRusticlPlatformsWithoutDevicesCountZero() {
        List<String> notes = new ArrayList<>();
        assertEquals(0, OpenCl.deviceCount("Clover", failing(CL.CL_DEVICE_NOT_FOUND), notes));
        assertEquals(0, OpenCl.deviceCount("rusticl", failing(CL.CL_INVALID_DEVICE_TYPE), notes));
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).contains("Clover") && notes.get(0).contains("CL_DEVICE_NOT_FOUND"), notes.get(0));
        assertTrue(notes.get(1).contains("rusticl") && notes.get(1).contains("CL_INVALID_DEVICE_TYPE"), notes.get(1));
    }

    @Test
    void devicesAreCountedAndAnEmptyPlatformIsNoted() {
        List<String> notes = new ArrayList<>();
        assertEquals(3, OpenCl.deviceCount("PoCL", () -> 3, notes));
        assertTrue(notes.isEmpty());
        assertEquals(0, OpenCl.deviceCount("empty", () -> 0, notes));
        assertEquals(1, notes.size());
    }

    @Test
    void otherFailuresStillThrow() {
        CLException e = assertThrows(CLException.class,
                () -> OpenCl.deviceCount("broken", failing(CL.CL_OUT_OF_HOST_MEMORY), new ArrayList<>()));
        assertEquals(CL.CL_OUT_OF_HOST_MEMORY, e.getStatus());
    }
}
