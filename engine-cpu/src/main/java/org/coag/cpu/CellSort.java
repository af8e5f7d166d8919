package org.coag.cpu;

/**
 * Sorts the live slots by cell, in parallel and deterministically: {@code order[q]} is the slot at
 * sorted position q (the dead, mass 0, are left out), {@code cellStart[c]} the first position of
 * cell c ({@code cellStart[cells]} = live count), {@code sortedCell[q]} the cell at position q.
 * The sort moves indices only; {@link #gather} then moves the particles themselves into sorted
 * order (every step: the scan reads each cell row as one contiguous run of slots).
 *
 * <p>Two passes: (1) each worker counts its slot range into coarse buckets of consecutive cells and
 * writes slot indices bucket by bucket (stable); (2) each worker takes whole buckets and counts,
 * prefix-sums and places their slots by cell. Buckets own disjoint cell ranges, so no two workers
 * write the same cell or position. Since particles rarely change cell in one step, the memory
 * access is nearly sequential.
 */
final class CellSort {
    private final int workers;
    private final int[][] bucketCount;
    private int[] bucketStart = new int[0];
    private final int[] firstBucket;
    private int[] cellStart = new int[0];
    private int[] staging = new int[0];
    private int[] sortedCell = new int[0];
    private int[] order = new int[0];
    private int bucketShift;
    private int buckets;
    private int cells;

    /** @param workers worker count */
    CellSort(int workers) {
        this.workers = workers;
        this.bucketCount = new int[workers][];
        this.firstBucket = new int[workers + 1];
    }

    /**
     * Prepares for a sort of {@code count} slots into {@code totalCells} cells (master thread).
     *
     * @param count slots in the current buffer
     * @param totalCells number of cells
     */
    void prepare(int count, int totalCells) {
        cells = totalCells;
        int wanted = Integer.highestOneBit(Math.max(1, 16 * workers - 1)) << 1;
        int cellBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, totalCells - 1));
        bucketShift = Math.max(0, cellBits - Integer.numberOfTrailingZeros(wanted));
        buckets = ((totalCells - 1) >>> bucketShift) + 1;
        for (int w = 0; w < workers; w++) {
            if (bucketCount[w] == null || bucketCount[w].length < buckets) {
                bucketCount[w] = new int[Math.max(buckets, 64)];
            }
        }
        if (bucketStart.length < buckets + 1) {
            bucketStart = new int[Math.max(buckets, 64) + 1];
        }
        if (cellStart.length < totalCells + 1) {
            cellStart = new int[totalCells + totalCells / 4 + 1];
        }
        if (staging.length < count) {
            staging = new int[count];
            sortedCell = new int[count + CpuVectors.LANES];
            order = new int[count];
        }
    }

    /**
     * Pass 1a: bucket counts of one worker's slot range.
     *
     * @param p particles (current buffer)
     * @param cell cell index by slot
     * @param w worker
     * @param from first slot
     * @param to end slot
     */
    void count(Particles p, int[] cell, int w, int from, int to) {
        int[] counts = bucketCount[w];
        java.util.Arrays.fill(counts, 0, buckets, 0);
        int[] mass = p.mass();
        for (int i = from; i < to; i++) {
            if (mass[i] != 0) {
                counts[cell[i] >>> bucketShift]++;
            }
        }
    }

    /**
     * Master, between the passes: bucket offsets per worker and the bucket ranges of pass 2.
     *
     * @return live particles
     */
    int offsets() {
        int running = 0;
        for (int b = 0; b < buckets; b++) {
            bucketStart[b] = running;
            for (int w = 0; w < workers; w++) {
                int c = bucketCount[w][b];
                bucketCount[w][b] = running;
                running += c;
            }
        }
        bucketStart[buckets] = running;
        int b = 0;
        for (int w = 0; w <= workers; w++) {
            long target = (long) running * w / workers;
            while (b < buckets && bucketStart[b] < target) {
                b++;
            }
            firstBucket[w] = w == workers ? buckets : b;
        }
        cellStart[cells] = running;
        return running;
    }

    /**
     * Pass 1b: write one worker's live slots to the staging array, bucket by bucket.
     *
     * @param p particles (current buffer)
     * @param cell cell index by slot
     * @param w worker
     * @param from first slot
     * @param to end slot
     */
    void stage(Particles p, int[] cell, int w, int from, int to) {
        int[] cursor = bucketCount[w];
        int[] mass = p.mass();
        for (int i = from; i < to; i++) {
            if (mass[i] != 0) {
                staging[cursor[cell[i] >>> bucketShift]++] = i;
            }
        }
    }

    /**
     * Pass 2: sort this worker's buckets by cell.
     *
     * @param cell cell index by slot (current buffer)
     * @param w worker
     */
    void place(int[] cell, int w) {
        for (int b = firstBucket[w]; b < firstBucket[w + 1]; b++) {
            int cellFrom = b << bucketShift;
            int cellTo = Math.min(cells, (b + 1) << bucketShift);
            java.util.Arrays.fill(cellStart, cellFrom, cellTo, 0);
            int begin = bucketStart[b];
            int end = bucketStart[b + 1];
            for (int q = begin; q < end; q++) {
                cellStart[cell[staging[q]]]++;
            }
            int running = begin;
            for (int c = cellFrom; c < cellTo; c++) {
                running += cellStart[c];
                cellStart[c] = running;
            }
            for (int q = end - 1; q >= begin; q--) {
                int i = staging[q];
                int c = cell[i];
                int dest = --cellStart[c];
                order[dest] = i;
                sortedCell[dest] = c;
            }
        }
    }

    /**
     * Moves sorted positions [from, to) into the other buffer of {@code p} (the caller swaps when
     * every worker is done), by runs of consecutive slots: most particles keep their cell, so
     * {@code order} is mostly runs of consecutive slots, each one block copy per array.
     *
     * @param p particles
     * @param from first position
     * @param to end position
     */
    void gather(Particles p, int from, int to) {
        int q = from;
        while (q < to) {
            int start = q;
            int first = order[q];
            q++;
            while (q < to && order[q] == first + (q - start)) {
                q++;
            }
            p.moveRunToOther(first, start, q - start);
        }
    }

    /** @return the cell at each sorted position (valid after {@link #place}) */
    int[] sortedCell() {
        return sortedCell;
    }

    /** @return first slot of each cell, indexed 0..cells (valid after {@link #place}) */
    int[] cellStart() {
        return cellStart;
    }
}
