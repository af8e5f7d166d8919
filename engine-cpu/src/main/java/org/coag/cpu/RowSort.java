package org.coag.cpu;

/**
 * Sorts the live particles by (row, last coordinate) into the other buffer of {@link Particles}, in
 * parallel and deterministically: a counting sort by row (each worker files its slots, in slot
 * order, at its own offsets within each row), then each row sorted by key with a natural merge
 * sort ({@link KeySort}: the particles were sorted at the last sort and have moved little since,
 * so a row is mostly a few ordered runs). The sort key of a slot is its last coordinate as a signed
 * long (xor 2^63 on a torus, whose coordinates are unsigned): a pair within the reach along it then
 * has keys at most the reach apart, or (torus) a difference within the reach of 2^64. A row's
 * content and order depend only on the positions, never on the worker count.
 *
 * <p>Three phases: {@link #plan} (master: row starts and each worker's offsets from the per-worker
 * counts of {@link RowCounts}), {@link #scatter} (each worker files its slots under their rows) and
 * {@link #merge} (each worker writes its rows into the other buffer, with the face lists of
 * {@link RowIndex}, and scans each row as it is written); the caller then swaps the buffers and
 * calls {@link #finish}.
 */
final class RowSort {
    private final int dim;
    private final RowIndex index;
    private final int[][] slotBuf;
    private final long[][] keyBuf;
    private final int[][] slotScratch;
    private final long[][] keyScratch;
    private final int[][] faceCursor;
    private int[] nextStart = new int[1];
    private int[] filed = new int[0];
    private long flip;

    /**
     * @param dim spatial dimension
     * @param index the row index to maintain
     */
    RowSort(int dim, RowIndex index) {
        this.dim = dim;
        this.index = index;
        int workers = index.firstRow.length - 1;
        slotBuf = new int[workers][64];
        keyBuf = new long[workers][64];
        slotScratch = new int[workers][64];
        keyScratch = new long[workers][64];
        faceCursor = new int[workers][index.faces];
    }

    /**
     * Master: the row starts, and each worker's count per row turned into its first position there.
     *
     * @param counts every worker's live slots per row
     * @param grid the grid
     * @return live particles
     */
    int plan(RowCounts[] counts, RowGrid grid) {
        int rows = grid.rows();
        flip = grid.wraps() ? Long.MIN_VALUE : 0L;
        if (nextStart.length < rows + 1) {
            nextStart = new int[rows + rows / 4 + 1];
        }
        int running = 0;
        for (int r = 0; r < rows; r++) {
            nextStart[r] = running;
            for (RowCounts c : counts) {
                int n = c.count[r];
                c.count[r] = running;
                running += n;
            }
        }
        nextStart[rows] = running;
        if (filed.length < running) {
            filed = new int[Math.max(running + running / 4, 64)];
        }
        index.rows = rows;
        index.ensureRows(rows);
        index.partition(nextStart, rows);
        return running;
    }

    /**
     * Files the live slots of [from, to) under their rows, at the worker's offsets (after
     * {@link #plan}).
     *
     * @param counts the worker's offsets per row
     * @param rowFace rowFace by slot (current buffer)
     * @param mass masses by slot
     * @param from first slot
     * @param to end slot
     */
    void scatter(RowCounts counts, int[] rowFace, int[] mass, int from, int to) {
        int[] at = counts.count;
        for (int s = from; s < to; s++) {
            if (mass[s] != 0) {
                filed[at[rowFace[s] >>> 8]++] = s;
            }
        }
    }

    /**
     * Writes worker w's rows, sorted, into the other buffer, with their face lists, and scans each
     * row as soon as it is written ({@link RowScanner#row}).
     *
     * @param w worker
     * @param p particles (reads the current buffer, writes the other)
     * @param grid the grid
     * @param scanner worker w's scanner, begun on the other buffer
     */
    void merge(int w, Particles p, RowGrid grid, RowScanner scanner) {
        long[] z = p.pos()[dim - 1];
        int from = index.firstRow[w];
        int to = index.firstRow[w + 1];
        int limit = nextStart[to];
        java.util.Arrays.fill(faceCursor[w], 0);
        for (int r = from; r < to; r++) {
            int base = nextStart[r];
            int n = nextStart[r + 1] - base;
            ensureRow(w, n);
            int[] slots = slotBuf[w];
            long[] keys = keyBuf[w];
            for (int t = 0; t < n; t++) {
                int s = filed[base + t];
                slots[t] = s;
                keys[t] = z[s] ^ flip;
            }
            KeySort.sort(slots, keys, n, slotScratch[w], keyScratch[w]);
            write(slots, n, base, limit, p);
            faceLists(w, r, base, n, p.otherRowFace());
            scanner.row(w, index, grid.directions(), nextStart, from, r, keys);
        }
    }

    /** Copies n sorted slots into the other buffer from {@code base}, by runs of consecutive slots. */
    private static void write(int[] slots, int n, int base, int limit, Particles p) {
        int t = 0;
        while (t < n) {
            int first = slots[t];
            int run = 1;
            while (t + run < n && slots[t + run] == first + run) {
                run++;
            }
            p.copyToOther(first, base + t, run, limit);
            t += run;
        }
    }

    /**
     * The face lists of row r (slots [base, base + n) of the buffer whose rowFace is given), each in
     * worker w's list of the face from its cursor on.
     */
    private void faceLists(int w, int r, int base, int n, int[] rowFace) {
        int[] cursor = faceCursor[w];
        for (int f = 0; f < index.faces; f++) {
            index.ensureFace(w, f, cursor[f], n);
            int[] slot = index.slot[w][f];
            int c = cursor[f];
            index.faceStart[f][r] = c;
            for (int t = 0; t < n; t++) {
                slot[c] = base + t;
                c += (rowFace[base + t] >>> f) & 1;
            }
            index.faceCount[f][r] = c - cursor[f];
            cursor[f] = c;
        }
    }

    private void ensureRow(int w, int n) {
        if (slotBuf[w].length < n) {
            int size = n + n / 4;
            slotBuf[w] = new int[size];
            keyBuf[w] = new long[size];
            slotScratch[w] = new int[size];
            keyScratch[w] = new long[size];
        }
    }

    /** After the buffers are swapped: the new row starts become the current ones. */
    void finish() {
        int[] t = index.start;
        index.start = nextStart;
        nextStart = t;
    }
}
