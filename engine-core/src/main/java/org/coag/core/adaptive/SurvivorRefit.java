package org.coag.core.adaptive;

import java.util.ArrayList;
import java.util.List;
import org.coag.core.model.ModelSpec;
import org.coag.core.space.SpatialHash;

/**
 * The rest of a macro step for a particle whose mass changed at a junction: its path is redrawn
 * from there with its new diffusivity ({@link BridgePaths#redraw}) and its pairs are refined again
 * over [junction, end]. The partners considered are those whose current segment over that stretch
 * (its generation-0 segment, or the straight line from its own junction to its redrawn end) passes
 * {@link BridgeBound#candidate} against the survivor's new segment; the macro step's hash over the
 * midpoints finds them, and every redrawn particle is tried as well.
 *
 * <p>A redrawn partner's path is pinned at both ends of that stretch (its position at the junction
 * is a node of its path), so the pair's relative path there is a Brownian bridge with D = d_s + d_j
 * over the rest of the step, fraction f of dt. A generation-0 partner is tested with its whole
 * segment, from its start: its position at the junction is not pinned by that test. Its relative
 * path is then taken over the whole macro step, the survivor held at its junction position before
 * the junction: a Brownian bridge from (survivor at the junction - partner's start) to the
 * difference of the ends, time-changed, with D T = d_j dt + d_s f dt in place of D f dt. A
 * crossing after the junction is a crossing of this bridge, so the bound with that D T (and the
 * segments' midpoints, which are those of the whole segments) bounds the miss
 * ({@code SurvivorRefitBoundTest}).
 */
final class SurvivorRefit {
    private final ModelSpec spec;
    private final int dim;
    private final double unit;
    private final MacroSegments seg;
    private final AdaptiveWorker main;
    private final List<Integer> redrawn = new ArrayList<>();
    private final long[] from;
    private final long[] to;
    private final long[] middle;

    SurvivorRefit(ModelSpec spec, MacroSegments seg, AdaptiveWorker main) {
        this.spec = spec;
        this.dim = spec.dim();
        this.unit = spec.domain().unit();
        this.seg = seg;
        this.main = main;
        this.from = new long[dim];
        this.to = new long[dim];
        this.middle = new long[dim];
    }

    void begin() {
        redrawn.clear();
    }

    /**
     * @param s the survivor's slot
     * @param newMass its mass from the junction on
     * @param junction finest-grid index where its new path starts
     * @param hash the hash over the midpoints, its cells at least {@code reach} wide
     * @param reach the reach the hash must cover for this survivor, physical units
     * @param dead dead slots
     */
    void refit(int s, int newMass, long junction, SpatialHash hash, double reach, boolean[] dead) {
        BridgePaths paths = main.paths();
        List<Integer> near = new ArrayList<>();
        main.candidates().near(hash, seg.mid, middle, reach / unit, near::add);
        for (int j : redrawn) {
            if (!near.contains(j)) {
                near.add(j);
            }
        }
        redrawn.add(s);
        near.sort(Integer::compare);
        int g = paths.generation(s);
        double h = halfOf(from, to);
        double fraction = (double) (paths.top() - junction) / (double) paths.top();
        for (int j : near) {
            if (j == s || dead[j]) {
                continue;
            }
            int gj = paths.generation(j);
            double hj;
            long[] mj;
            if (gj == 0) {
                hj = seg.half[j];
                mj = new long[dim];
                for (int c = 0; c < dim; c++) {
                    mj[c] = seg.mid[c][j];
                }
            } else {
                long[] a = new long[dim];
                long[] b = new long[dim];
                paths.position(j, gj, Math.max(paths.junction(j, gj), junction), a);
                paths.position(j, gj, paths.top(), b);
                hj = halfOf(a, b);
                mj = a;
                for (int c = 0; c < dim; c++) {
                    mj[c] = a[c] + ((b[c] - a[c]) >> 1);
                }
            }
            double d2 = 0;
            for (int c = 0; c < dim; c++) {
                double dx = (double) (middle[c] - mj[c]) * unit;
                d2 += dx * dx;
            }
            int mOther = paths.massOf(j, gj);
            double rho = main.pairs().of(newMass, mOther).range();
            double diffusionTime = diffusionTime(spec.diffusion().at(newMass), spec.diffusion().at(mOther), fraction, gj > 0);
            if (BridgeBound.candidate(d2, rho, main.delta(diffusionTime, 1), h, hj)) {
                main.refiner().refine(s, g, j, gj, junction, paths.top(), seg.ids);
            }
        }
    }

    /**
     * Redraws the survivor's path and returns the reach its partner search needs: its new
     * segment's half-length plus the largest segment half-length, the largest range and delta.
     *
     * @param s slot
     * @param newMass its mass from the junction on
     * @param junction where the new path starts
     * @param largestRange largest live interaction range
     * @param largestDiffusion largest live d(n)
     * @return the reach, physical units
     */
    double redraw(int s, int newMass, long junction, double largestRange, double largestDiffusion) {
        BridgePaths paths = main.paths();
        paths.redraw(s, junction, newMass);
        int g = paths.generation(s);
        paths.position(s, g, junction, from);
        paths.position(s, g, paths.top(), to);
        for (int c = 0; c < dim; c++) {
            middle[c] = from[c] + ((to[c] - from[c]) >> 1);
        }
        double largestRedrawn = 0;
        long[] a = new long[dim];
        long[] b = new long[dim];
        for (int j : redrawn) {
            int gj = paths.generation(j);
            paths.position(j, gj, paths.junction(j, gj), a);
            paths.position(j, gj, paths.top(), b);
            largestRedrawn = Math.max(largestRedrawn, halfOf(a, b));
        }
        double fraction = (double) (paths.top() - junction) / (double) paths.top();
        double others = Math.max(seg.largestHalf, largestRedrawn);
        return (largestRange + main.delta(largestDiffusion * (1 + fraction), 1) + halfOf(from, to) + others) * BridgeBound.SEARCH_MARGIN;
    }

    /**
     * D T of the pair's relative path over the stretch, in units of dt (class comment).
     *
     * @param survivor d of the survivor's new mass
     * @param partner d of the partner's mass
     * @param fraction the part of the macro step after the junction
     * @param pinned whether the partner was redrawn (its position at the junction is pinned)
     * @return (d_s + d_j) f when pinned, d_j + d_s f for a generation-0 partner
     */
    static double diffusionTime(double survivor, double partner, double fraction, boolean pinned) {
        return pinned ? (survivor + partner) * fraction : partner + survivor * fraction;
    }

    private double halfOf(long[] a, long[] b) {
        double len2 = 0;
        for (int c = 0; c < dim; c++) {
            double dx = (double) (b[c] - a[c]) * unit;
            len2 += dx * dx;
        }
        return 0.5 * Math.sqrt(len2);
    }
}
