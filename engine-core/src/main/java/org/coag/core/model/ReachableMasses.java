package org.coag.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The masses a run can reach, as a grid to check the model's functions on: under coagulation every
 * mass up to N times the largest initial mass (all of them merged), under annihilation only the
 * initial masses. The grid holds every mass up to {@value #DENSE} and then masses growing by a
 * factor {@value #GROWTH} to the largest, itself included: a function that goes bad somewhere
 * (a formula that turns negative at n + m = 10, a power law that explodes) is caught at the first
 * grid mass past that point, with no need to visit all 2^31 masses.
 */
public final class ReachableMasses {
    /** Every mass up to this one is on the grid. */
    public static final int DENSE = 64;
    /** Ratio of consecutive grid masses above {@link #DENSE}. */
    public static final double GROWTH = 1.25;

    private final int max;
    private final int[] grid;

    private ReachableMasses(int max) {
        this.max = max;
        List<Integer> g = new ArrayList<>();
        for (long n = 1; n <= max; n = n < DENSE ? n + 1 : (long) Math.ceil(n * GROWTH)) {
            g.add((int) n);
        }
        if (g.get(g.size() - 1) != max) {
            g.add(max);
        }
        grid = g.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @param s a model
     * @return its reachable masses
     */
    public static ReachableMasses of(ModelSpec s) {
        long initial = s.initial().maxMass();
        long max = s.mode() == Mode.ANNIHILATION ? initial : Math.min(Integer.MAX_VALUE, initial * s.particles());
        return new ReachableMasses((int) max);
    }

    /** @return the largest reachable mass */
    public int max() {
        return max;
    }

    /**
     * @param limit the largest mass wanted
     * @return the grid masses up to it, ascending
     */
    public int[] upTo(int limit) {
        int k = 0;
        while (k < grid.length && grid[k] <= limit) {
            k++;
        }
        return java.util.Arrays.copyOf(grid, k);
    }

    /**
     * @param f a function of mass that may be bounded (a table throws {@link ModelException}
     *          past its end)
     * @return the largest grid mass up to which f is defined at every grid mass (0 if not at 1)
     */
    public int upToDefined(IntToDoubleFunction f) {
        int last = 0;
        for (int n : grid) {
            try {
                f.applyAsDouble(n);
            } catch (ModelException e) {
                return last;
            }
            last = n;
        }
        return last;
    }
}
