package org.coag.gpu;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coag.core.model.ModelException;
import org.junit.jupiter.api.Test;

/** Runs that do not fit a device are refused before they start, with the numbers in the message. */
class MemoryCheckTest {
    private static final DeviceInfo POCL_LIKE = new DeviceInfo(0, "PoCL", "cpu device", "CPU", "3.1", true, 4L << 30, 1L << 30, 2);

    @Test
    void refusesBuffersAboveTheLargestAllocationOrTheMemory() {
        assertDoesNotThrow(() -> OpenClBackend.checkMemory(POCL_LIKE, 3, 10_000_000, 10_000_000, 100_000));
        ModelException big = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(POCL_LIKE, 4, 40_000_000, 40_000_000, 1));
        assertTrue(big.getMessage().contains("largest allocation") && big.getMessage().contains("1.19 GiB"), big.getMessage());
        DeviceInfo small = new DeviceInfo(0, "p", "small gpu", "GPU", "1", true, 1L << 30, 1L << 30, 8);
        ModelException total = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(small, 3, 8_000_000, 8_000_000, 1));
        assertTrue(total.getMessage().contains("device memory"), total.getMessage());
    }

    @Test
    void refusesAMassHistogramAboveTheLargestAllocation() {
        ModelException e = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(POCL_LIKE, 3, 1000, 1L << 28, 1));
        assertTrue(e.getMessage().contains("live-mass histogram"), e.getMessage());
    }

    /** The hash table has 2^b >= 2 N slots, capped at 2^30 so that slot indices stay ints. */
    @Test
    void hashSlotsStayInts() {
        assertEquals(11, DevicePairs.tableBits(1000));
        assertEquals(30, DevicePairs.tableBits(1L << 29));
        assertEquals(DevicePairs.MAX_TABLE_BITS, DevicePairs.tableBits(Integer.MAX_VALUE - 8));
    }
}
