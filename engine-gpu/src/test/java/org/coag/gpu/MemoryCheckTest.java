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
        assertDoesNotThrow(() -> OpenClBackend.checkMemory(POCL_LIKE, 3, 10_000_000, 10_000_000, 1));
        ModelException big = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(POCL_LIKE, 4, 40_000_000, 40_000_000, 1));
        assertTrue(big.getMessage().contains("largest allocation") && big.getMessage().contains("1.19 GiB"), big.getMessage());
        DeviceInfo small = new DeviceInfo(0, "p", "small gpu", "GPU", "1", true, 1L << 30, 1L << 30, 8);
        ModelException total = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(small, 3, 8_000_000, 8_000_000, 1));
        assertTrue(total.getMessage().contains("device memory"), total.getMessage());
    }

    /** 3 doubles per mass pair: with 1 GiB allocations masses up to floor(sqrt(2^30 / 24)) = 6689 fit. */
    @Test
    void refusesAPairTableAboveTheLargestAllocation() {
        int limit = (int) Math.floor(Math.sqrt((1L << 30) / 24.0));
        assertEquals(limit, DeviceFire.largestTable(POCL_LIKE));
        assertDoesNotThrow(() -> OpenClBackend.checkMemory(POCL_LIKE, 3, 1000, 1000L * limit, limit));
        ModelException e = assertThrows(ModelException.class, () -> OpenClBackend.checkMemory(POCL_LIKE, 3, 1000, 1000L * (limit + 1),
                limit + 1));
        assertTrue(e.getMessage().contains("pair-parameter table") && e.getMessage().contains("up to " + limit), e.getMessage());
    }

    /** A device with huge allocations is still held to one Java array of 3 M^2 doubles (M at most 26754). */
    @Test
    void thePairTableStaysOneJavaArray() {
        DeviceInfo huge = new DeviceInfo(0, "p", "huge gpu", "GPU", "1", true, 1L << 40, 1L << 40, 132);
        int limit = DeviceFire.largestTable(huge);
        assertTrue(3L * limit * limit <= Integer.MAX_VALUE - 8 && 3L * (limit + 1) * (limit + 1) > Integer.MAX_VALUE - 8, "" + limit);
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
