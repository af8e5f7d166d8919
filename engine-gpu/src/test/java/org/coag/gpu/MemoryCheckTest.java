package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;

/** Runs that do not fit a device are refused before they start, with the numbers in the message. */
class MemoryCheckTest {
    private static final DeviceInfo POCL_LIKE = new DeviceInfo(0, "PoCL", "cpu device", "CPU", "3.1", true, 4L << 30, 1L << 30, 2);

    @Test
    void refusesBuffersAboveTheLargestAllocationOrTheMemory() {
        assertDoesNotThrow(() -> OpenClBackend.checkMemory(POCL_LIKE, 3, 10_000_000, 10_000_000));
        ModelException big = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(POCL_LIKE, 4, 40_000_000, 40_000_000));
        assertTrue(big.getMessage().contains("largest allocation") && big.getMessage().contains("1.19 GiB"), big.getMessage());
        DeviceInfo small = new DeviceInfo(0, "p", "small gpu", "GPU", "1", true, 1L << 30, 1L << 30, 8);
        ModelException total = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(small, 3, 8_000_000, 8_000_000));
        assertTrue(total.getMessage().contains("device memory"), total.getMessage());
    }
}
