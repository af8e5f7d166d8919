package org.coag.core.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The key layout every backend relies on: k0 the seed's low word, k1 its high word. */
class PhiloxKeyTest {
    @Test
    void keyIsTheSeedsLowAndHighWord() {
        long seed = 0x9E3779B97F4A7C15L;
        assertEquals(new PhiloxKey(0x7F4A7C15, 0x9E3779B9), CounterRng.key(seed));
        assertEquals(CounterRng.key(seed), new CounterRng(seed).key());
    }

    @Test
    void blocksUseThatKey() {
        long seed = 0x0123456789ABCDEFL;
        CounterRng rng = new CounterRng(seed);
        rng.block(Purpose.MOVE, 0x1234_5678_9AL, 7, 2);
        int[] expected = new int[4];
        PhiloxKey key = CounterRng.key(seed);
        Philox4x32.bijection(7, 2, 0x3456789A, (Purpose.MOVE.code() << 24) | 0x12, key.k0(), key.k1(), expected);
        assertArrayEquals(expected, new int[] {rng.word(0), rng.word(1), rng.word(2), rng.word(3)});
    }
}
