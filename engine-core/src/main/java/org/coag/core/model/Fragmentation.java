package org.coag.core.model;

/**
 * The fragmentation of the model ({@code [model.fragmentation]}, docs/fragmentation.md): a
 * particle of mass k &gt;= 2 splits at the rings of a Poisson clock; it keeps mass n at its
 * position and a new particle of mass k - n appears in the pair range of (n, k - n) around it,
 * with density proportional to the kernel V there.
 * <ul>
 *   <li>{@link Rule#DUAL}: the exact time reversal of the model's coagulation; the split rates
 *       follow from the equilibrium densities f*_n ({@code equilibrium}, PDE units, up to a factor
 *       theta^n) by detailed balance (org.coag.core.theory.fragmentation.DualFragmentation);</li>
 *   <li>{@link Rule#RATE}: a given total rate lambda_k ({@code rate}, 1 / time) and a kept mass
 *       uniform on 1..k-1;</li>
 *   <li>{@link Rule#NONE}: no fragmentation.</li>
 * </ul>
 *
 * @param rule the rule
 * @param equilibrium f*_n for {@link Rule#DUAL}, else null
 * @param rate lambda_k for {@link Rule#RATE}, else null
 */
public record Fragmentation(Rule rule, MassFunction equilibrium, MassFunction rate) {
    /** No fragmentation. */
    public static final Fragmentation NONE = new Fragmentation(Rule.NONE, null, null);

    /** How split rates are given. */
    public enum Rule {
        /** No fragmentation. */
        NONE,
        /** The time reversal of coagulation, from equilibrium densities. */
        DUAL,
        /** A given rate per mass, kept mass uniform. */
        RATE
    }

    /** @return true when particles fragment */
    public boolean enabled() {
        return rule != Rule.NONE;
    }

    /** @return a one-line description for logs */
    public String describe() {
        switch (rule) {
            case DUAL:
                return "dual (equilibrium " + equilibrium.describe() + ")";
            case RATE:
                return "rate " + rate.describe() + ", kept mass uniform";
            default:
                return "none";
        }
    }
}
