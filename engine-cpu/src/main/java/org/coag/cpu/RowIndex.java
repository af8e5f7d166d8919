package org.coag.cpu;

import java.util.Arrays;

/**
 * Where the rows of the sorted particles are, written by {@link RowSort} at each sort and read by
 * {@link RowScanner}.
 *
 * <pre>
 *   start[r]                            first slot of row r; start[rows] = live count
 *   firstRow[w]                         worker w's rows are [firstRow[w], firstRow[w + 1])
 *   slot[w][f][faceStart[f][r] + t]     t &lt; faceCount[f][r]: the slots of row r (a row of worker w)
 *                                       near face f of its cell (2k: the lower face of row dimension
 *                                       k, 2k+1: the upper), in slot order; each worker's arrays grow
 *                                       as needed, padded by two vectors
 * </pre>
 */
final class RowIndex {
    final int faces;
    final int[] firstRow;
    int rows;
    int[] start = new int[1];
    final int[][] faceStart;
    final int[][] faceCount;
    final int[][][] slot;

    /**
     * @param dim spatial dimension
     * @param workers worker count
     */
    RowIndex(int dim, int workers) {
        this.faces = 2 * (dim - 1);
        this.firstRow = new int[workers + 1];
        this.faceStart = new int[faces][0];
        this.faceCount = new int[faces][0];
        this.slot = new int[workers][faces][2 * CpuVectors.LANES];
    }

    /** @param rowCount rows; sizes the per-row tables */
    void ensureRows(int rowCount) {
        for (int f = 0; f < faces; f++) {
            if (faceStart[f].length < rowCount) {
                faceStart[f] = new int[rowCount + rowCount / 4];
                faceCount[f] = new int[faceStart[f].length];
            }
        }
    }

    /**
     * Makes room in worker w's list of face f for {@code more} entries after the first {@code used}.
     *
     * @param w worker
     * @param f face
     * @param used entries kept
     * @param more entries to come
     */
    void ensureFace(int w, int f, int used, int more) {
        int need = used + more + 2 * CpuVectors.LANES;
        if (slot[w][f].length < need) {
            slot[w][f] = Arrays.copyOf(slot[w][f], need + need / 4);
        }
    }

    /** @param r a row @return the worker whose rows hold it */
    int owner(int r) {
        int w = 0;
        while (firstRow[w + 1] <= r) {
            w++;
        }
        return w;
    }

    /**
     * Splits the rows among the workers, each about the same number of slots.
     *
     * @param rowStart first slot per row, rows + 1 entries
     * @param rowCount rows
     */
    void partition(int[] rowStart, int rowCount) {
        int workers = firstRow.length - 1;
        int total = rowStart[rowCount];
        int r = 0;
        for (int w = 0; w < workers; w++) {
            long target = (long) total * w / workers;
            while (r < rowCount && rowStart[r] < target) {
                r++;
            }
            firstRow[w] = r;
        }
        firstRow[workers] = rowCount;
    }
}
