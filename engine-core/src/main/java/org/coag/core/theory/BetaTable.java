package org.coag.core.theory;

import java.util.stream.IntStream;
import org.coag.core.model.ModelSpec;

/**
 * beta(n, m) for all masses 1..M of a model, computed once (in parallel) by {@link BetaRecipe}.
 * Layout: {@code values[(n-1) * M + (m-1)]}, symmetric.
 */
public final class BetaTable implements CoagulationKernel {
    private final int maxMass;
    private final double[] values;
    private final BetaRecipe.Rule rule;
    private final boolean limit;

    private BetaTable(int maxMass, double[] values, BetaRecipe.Rule rule, boolean limit) {
        this.maxMass = maxMass;
        this.values = values;
        this.rule = rule;
        this.limit = limit;
    }

    /**
     * @param spec the model
     * @param maxMass M, the largest mass
     * @return the table
     */
    public static BetaTable build(ModelSpec spec, int maxMass) {
        return build(spec, maxMass, false);
    }

    /**
     * @param spec the model
     * @param maxMass M, the largest mass
     * @param limit true: the eps -&gt; 0 limit {@link BetaRecipe#limit} (which differs from the
     *     finite-eps value only for P_{N,b} with b &lt; 1); false: the value at the model's eps
     * @return the table
     */
    public static BetaTable build(ModelSpec spec, int maxMass, boolean limit) {
        BetaRecipe recipe = BetaRecipe.of(spec);
        double[] v = new double[maxMass * maxMass];
        IntStream.rangeClosed(1, maxMass).parallel().forEach(n -> {
            for (int m = n; m <= maxMass; m++) {
                double b = limit ? recipe.limit(n, m) : recipe.at(n, m);
                v[(n - 1) * maxMass + m - 1] = b;
                v[(m - 1) * maxMass + n - 1] = b;
            }
        });
        return new BetaTable(maxMass, v, recipe.rule(), limit);
    }

    @Override
    public double at(int n, int m) {
        return values[(n - 1) * maxMass + m - 1];
    }

    /** @return M */
    public int maxMass() {
        return maxMass;
    }

    /** @return the rule the values came from */
    public BetaRecipe.Rule rule() {
        return rule;
    }

    @Override
    public String describe() {
        return (limit ? "the eps -> 0 limit of the beta recipe: " : "beta recipe: ") + rule.description();
    }
}
