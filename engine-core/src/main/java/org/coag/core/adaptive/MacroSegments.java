package org.coag.core.adaptive;

/**
 * What every worker of one macro step reads: the particles' straight segments from their start to
 * their generation-0 end positions. Written by {@link AdaptiveStepper#begin}, read-only after.
 *
 * <pre>
 *   start[c][slot], end[c][slot]   positions at the macro step's start and (generation 0) end
 *   mid[c][slot]                   start + (end - start) / 2, fixed point
 *   half[slot]                     |end - start| / 2, physical units
 *   mass[slot]                     masses at the start (generation 0 moves with these)
 * </pre>
 */
final class MacroSegments {
    long macro;
    int count;
    int[] ids = new int[0];
    int[] mass = new int[0];
    long[][] start = new long[0][0];
    long[][] end = new long[0][0];
    long[][] mid = new long[0][0];
    double[] half = new double[0];
    double largestHalf;
}
