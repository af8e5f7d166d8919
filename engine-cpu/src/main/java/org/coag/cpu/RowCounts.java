package org.coag.cpu;

import java.util.Arrays;

/**
 * One worker's count of its live slots per row, for {@link RowSort}: {@code count[r]} is how many
 * of the worker's slots lie in row r ({@link RowSort#plan} turns it into the worker's first position
 * among row r's slots); {@code outside} is set when a slot lies outside a free-space grid.
 */
final class RowCounts {
    int[] count = new int[0];
    boolean outside;

    /** @param rows rows of the grid; clears the counts */
    void clear(int rows) {
        if (count.length < rows) {
            count = new int[rows + rows / 4];
        } else {
            Arrays.fill(count, 0, rows, 0);
        }
        outside = false;
    }

    /**
     * Adds the live slots of [from, to) to the counts of the rows in their rowFace.
     *
     * @param rowFace rowFace by slot
     * @param mass masses by slot (0: dead, not counted)
     * @param from first slot
     * @param to end slot
     */
    void count(int[] rowFace, int[] mass, int from, int to) {
        for (int s = from; s < to; s++) {
            if (mass[s] != 0) {
                count[rowFace[s] >>> 8]++;
            }
        }
    }
}
