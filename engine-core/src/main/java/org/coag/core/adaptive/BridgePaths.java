package org.coag.core.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coag.core.model.ModelSpec;
import org.coag.core.rng.CounterRng;
import org.coag.core.rng.Gaussians;
import org.coag.core.rng.Purpose;
import org.coag.core.step.MoveParameters;

/**
 * The Brownian paths of the particles over one macro step, refined on demand by the Levy
 * construction. Times are indices q on the finest dyadic grid: t = q dt / top, top = 2^levels.
 * Generation 0 of a slot's path runs from its start to its end position (both given); node q, of
 * dyadic level L (q = m 2^(levels - L), m odd), is the midpoint of its parent interval [q - h, q + h],
 * h = 2^(levels - L):
 * <pre>
 *   x(q) = x(q - h) + (x(q + h) - x(q - h)) / 2 + rint(sqrt(d(m) dt / 2^L) / unit * z)   per coordinate
 *   z    = AS241 normals of Philox (BRIDGE, step = macro &lt;&lt; 32 | index(q), id, gen &lt;&lt; 4 | block)
 *   index(q) = 2^(L-1) + (m - 1) / 2
 * </pre>
 * so a node depends only on (id, macro step, node) and its ancestors, never on which pair asked for
 * it or in which order. A survivor whose mass changed at junction q_g gets generation g: its end
 * is redrawn from x(q_g) with its new d (node index 0), and a node q &gt; q_g whose parent interval
 * starts before q_g is drawn from the bridge between (q_g, x(q_g)) and (q + h, x(q + h)) instead.
 * Fixed-point arithmetic throughout (differences wrap around the torus exactly).
 *
 * <p>Not thread-safe: each thread keeps its own instance; all instances give the same positions.
 */
public final class BridgePaths implements NodeDraws {
    private static final long EMPTY = -1L;
    private final ModelSpec spec;
    private final int dim;
    private final int levels;
    private final long top;
    private final double unit;
    private final CounterRng rng;
    private final double[] z;
    private final long[][] left;
    private final long[][] right;
    private long macro;
    private int[] ids;
    private int[] mass;
    private long[][] start;
    private long[][] end;
    private long[] keys = new long[0];
    private long[] pool = new long[0];
    private int stored;
    private final Map<Integer, List<Generation>> redrawn = new HashMap<>();

    /** A redrawn rest of a path: from junction q on, with a new mass. */
    private static final class Generation {
        final long junction;
        final int mass;
        final long[] end;
        final Map<Long, long[]> nodes = new HashMap<>();

        Generation(long junction, int mass, long[] end) {
            this.junction = junction;
            this.mass = mass;
            this.end = end;
        }
    }

    /**
     * @param spec the model (adaptive stepping)
     * @param seed run seed
     */
    public BridgePaths(ModelSpec spec, long seed) {
        this.spec = spec;
        this.dim = spec.dim();
        this.levels = spec.stepping().levels();
        this.top = 1L << levels;
        this.unit = spec.domain().unit();
        this.rng = new CounterRng(seed);
        this.z = new double[dim + 1];
        this.left = new long[levels + 2][dim];
        this.right = new long[levels + 2][dim];
    }

    /**
     * Starts a macro step; the arrays are read, never written, until the next call.
     *
     * @param macroStep the macro step index
     * @param ids ids by slot
     * @param masses masses by slot at the start of the macro step
     * @param startPos positions at the start [dim][slot]
     * @param endPos generation-0 end positions [dim][slot]
     */
    public void begin(long macroStep, int[] ids, int[] masses, long[][] startPos, long[][] endPos) {
        this.macro = macroStep;
        this.ids = ids;
        this.mass = masses;
        this.start = startPos;
        this.end = endPos;
        if (stored > 0) {
            Arrays.fill(keys, EMPTY);
            stored = 0;
        }
        redrawn.clear();
    }

    /** @return the positions at the macro step's start [dim][slot], fixed point (read only) */
    long[][] starts() {
        return start;
    }

    /** @return generation 0's end positions [dim][slot], fixed point (read only) */
    long[][] ends() {
        return end;
    }

    /** @return the finest-grid index of the macro step's end, 2^levels */
    public long top() {
        return top;
    }

    /**
     * @param slot particle slot
     * @return its current generation (0 until it is redrawn)
     */
    public int generation(int slot) {
        if (redrawn.isEmpty()) {
            return 0;
        }
        List<Generation> g = redrawn.get(slot);
        return g == null ? 0 : g.size();
    }

    /**
     * @param slot particle slot
     * @param gen a generation of it
     * @return the mass that generation moves with
     */
    public int massOf(int slot, int gen) {
        return gen == 0 ? mass[slot] : redrawn.get(slot).get(gen - 1).mass;
    }

    /**
     * @param slot particle slot
     * @param gen a generation of it
     * @return where that generation starts (0 for generation 0)
     */
    public long junction(int slot, int gen) {
        return gen == 0 ? 0 : redrawn.get(slot).get(gen - 1).junction;
    }

    /**
     * Gives the slot a new generation from {@code q} on, moving with {@code newMass}.
     *
     * @param slot particle slot
     * @param q junction, 0 &lt; q &lt; top
     * @param newMass its mass from q on
     */
    public void redraw(int slot, long q, int newMass) {
        int g = generation(slot) + 1;
        long[] x = new long[dim];
        position(slot, g - 1, q, x);
        double rest = (double) (top - q) * StrictMath.scalb(spec.dt(), -levels);
        double sigma = Math.sqrt(2.0 * spec.diffusion().at(newMass) * rest) / unit;
        normals(slot, g, 0);
        for (int k = 0; k < dim; k++) {
            x[k] += MoveParameters.increment(sigma, z[k]);
        }
        redrawn.computeIfAbsent(slot, s -> new ArrayList<>()).add(new Generation(q, newMass, x));
    }

    /**
     * @param slot particle slot
     * @param gen generation, with junction(slot, gen) &lt;= q
     * @param q finest-grid time index, 0..top
     * @param out the position [dim]
     */
    public void position(int slot, int gen, long q, long[] out) {
        if (gen > 0) {
            generationPosition(slot, gen, q, out, 0);
        } else {
            basePosition(slot, q, out, 0);
        }
    }

    private void basePosition(int slot, long q, long[] out, int depth) {
        if (q == 0 || q == top) {
            long[][] src = q == 0 ? start : end;
            for (int k = 0; k < dim; k++) {
                out[k] = src[k][slot];
            }
            return;
        }
        long key = ((long) slot << 32) | q;
        if (cached(key, out)) {
            return;
        }
        long half = 1L << Long.numberOfTrailingZeros(q);
        basePosition(slot, q - half, left[depth], depth + 1);
        basePosition(slot, q + half, right[depth], depth + 1);
        draw(slot, q, left[depth], right[depth], out);
        store(key, out);
    }

    /**
     * Generation 0's position at node q (0 &lt; q &lt; top) when the ends of its parent interval are
     * known: drawn, not looked up (the same values {@link #position} gives, a node being a function
     * of its key and its parent interval's ends). Drawing again is cheaper than the cache: few
     * nodes of a bisection are asked for twice, and a probe of a cache of every node of the macro
     * step misses the processor caches.
     *
     * @param slot particle slot
     * @param q node
     * @param left position at q - h, h the node's half-interval
     * @param right position at q + h
     * @param out the position [dim]
     */
    public void node(int slot, long q, long[] left, long[] right, long[] out) {
        draw(slot, q, left, right, out);
    }

    /** The Levy midpoint of generation 0 at node q between the given parent interval ends. */
    private void draw(int slot, long q, long[] left, long[] right, long[] out) {
        double sigma = nodeSigma(slot, q);
        normals(slot, 0, nodeIndex(q));
        for (int k = 0; k < dim; k++) {
            out[k] = midpoint(left[k], right[k], sigma, z[k]);
        }
    }

    /** The scalar {@link NodeDraws}: one {@link #node} per request. */
    @Override
    public void draw(int n, int[] slot, long[] q, long[][] left, long[][] right, long[][] out) {
        long[] l = new long[dim];
        long[] r = new long[dim];
        long[] x = new long[dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                l[k] = left[k][i];
                r[k] = right[k][i];
            }
            draw(slot[i], q[i], l, r, x);
            for (int k = 0; k < dim; k++) {
                out[k][i] = x[k];
            }
        }
    }

    /**
     * @param slot particle slot (generation 0)
     * @param q node, 0 &lt; q &lt; top
     * @return the node's standard deviation per coordinate, fixed-point units: sqrt(d(m) dt / 2^L) / unit
     */
    public double nodeSigma(int slot, long q) {
        int level = levels - Long.numberOfTrailingZeros(q);
        return Math.sqrt(spec.diffusion().at(mass[slot]) * StrictMath.scalb(spec.dt(), -level)) / unit;
    }

    /**
     * @param q node, 0 &lt; q &lt; top
     * @return its index in the Philox counter (class comment)
     */
    public long nodeIndex(long q) {
        int tz = Long.numberOfTrailingZeros(q);
        return index(q, tz, levels - tz);
    }

    /**
     * @param left a coordinate at the parent interval's start, fixed point
     * @param right at its end
     * @param sigma {@link #nodeSigma}
     * @param z the coordinate's normal
     * @return the Levy midpoint's coordinate
     */
    public static long midpoint(long left, long right, double sigma, double z) {
        return left + ((right - left) >> 1) + MoveParameters.increment(sigma, z);
    }

    /** @return the macro step of {@link #begin} */
    public long macro() {
        return macro;
    }

    /** @return ids by slot, as given to {@link #begin} */
    public int[] ids() {
        return ids;
    }

    private void generationPosition(int slot, int gen, long q, long[] out, int depth) {
        Generation g = redrawn.get(slot).get(gen - 1);
        if (q == g.junction) {
            position(slot, gen - 1, q, out);
            return;
        }
        if (q == top) {
            System.arraycopy(g.end, 0, out, 0, dim);
            return;
        }
        long[] cached = g.nodes.get(q);
        if (cached != null) {
            System.arraycopy(cached, 0, out, 0, dim);
            return;
        }
        int tz = Long.numberOfTrailingZeros(q);
        long half = 1L << tz;
        long from = Math.max(q - half, g.junction);
        long[] l = new long[dim];
        long[] r = new long[dim];
        generationPosition(slot, gen, from, l, depth + 1);
        generationPosition(slot, gen, q + half, r, depth + 1);
        double d = spec.diffusion().at(g.mass);
        double frac = (double) (q - from) / (double) (q + half - from);
        double var = 2.0 * d * ((double) (q - from) * (double) (q + half - q) / (double) (q + half - from))
                * StrictMath.scalb(spec.dt(), -levels);
        double sigma = Math.sqrt(var) / unit;
        normals(slot, gen, index(q, tz, levels - tz));
        for (int k = 0; k < dim; k++) {
            out[k] = l[k] + (long) Math.rint(frac * (double) (r[k] - l[k])) + MoveParameters.increment(sigma, z[k]);
        }
        g.nodes.put(q, out.clone());
    }

    /** Node index of q = m 2^tz (m odd) at dyadic level: 2^(level-1) + (m-1)/2, below 2^31. */
    static long index(long q, int tz, int level) {
        return (1L << (level - 1)) + ((q >>> tz) - 1) / 2;
    }

    private void normals(int slot, int gen, long index) {
        for (int j = 0; 2 * j < dim; j++) {
            rng.block(Purpose.BRIDGE, (macro << 32) | index, ids[slot], (gen << 4) | j);
            z[2 * j] = Gaussians.inverseCdf(rng.uniform0());
            if (2 * j + 1 < dim) {
                z[2 * j + 1] = Gaussians.inverseCdf(rng.uniform1());
            }
        }
    }

    /** @return whether the key is cached (its position then copied to out) */
    private boolean cached(long key, long[] out) {
        int at = find(key);
        if (keys.length > 0 && keys[at] == key) {
            System.arraycopy(pool, at * dim, out, 0, dim);
            return true;
        }
        return false;
    }

    private int find(long key) {
        if (keys.length == 0) {
            return 0;
        }
        int mask = keys.length - 1;
        int at = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(keys.length)));
        while (keys[at] != EMPTY && keys[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void store(long key, long[] value) {
        if (2 * (stored + 1) > keys.length) {
            grow();
        }
        int at = find(key);
        keys[at] = key;
        System.arraycopy(value, 0, pool, at * dim, dim);
        stored++;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldPool = pool;
        int capacity = Math.max(1024, 2 * oldKeys.length);
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        pool = new long[capacity * dim];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int at = find(oldKeys[i]);
                keys[at] = oldKeys[i];
                System.arraycopy(oldPool, i * dim, pool, at * dim, dim);
            }
        }
    }
}
