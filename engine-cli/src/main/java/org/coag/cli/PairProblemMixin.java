package org.coag.cli;

import org.coag.core.model.BumpKernel;
import org.coag.core.model.DoiKernel;
import org.coag.core.model.ModelException;
import org.coag.core.model.RadialKernel;
import picocli.CommandLine.Option;

/**
 * {@code --kernel}, {@code --alpha}, {@code --D}, {@code --dim}: the two-particle problem of unit
 * range that {@code coag theory beta} and {@code coag theory transient} solve, checked in one place.
 */
final class PairProblemMixin {
    @Option(names = "--kernel", defaultValue = "doi", description = "doi or bump (default: ${DEFAULT-VALUE})")
    private String kernel;

    @Option(names = "--alpha", required = true, description = "interaction strength alpha")
    private double alpha;

    @Option(names = "--D", defaultValue = "2", description = "pair diffusivity d(n) + d(m) (default: ${DEFAULT-VALUE})")
    private double diffusivity;

    @Option(names = "--dim", defaultValue = "3", description = "dimension d >= 2 (default: ${DEFAULT-VALUE})")
    private int dim;

    /**
     * @return the kernel V
     * @throws ModelException for an unknown kernel, alpha or D not positive and finite, or d outside 2..16
     */
    RadialKernel kernel() {
        if (!(alpha > 0) || !(diffusivity > 0) || Double.isInfinite(alpha) || Double.isInfinite(diffusivity)) {
            throw new ModelException("--alpha and --D must be positive and finite");
        }
        if (dim < 2 || dim > 16) {
            throw new ModelException("--dim must lie in 2..16 (got " + dim + ")");
        }
        switch (kernel) {
            case "doi":
                return new DoiKernel();
            case "bump":
                return new BumpKernel();
            default:
                throw new ModelException("--kernel: unknown kernel '" + kernel + "' (expected doi or bump; "
                        + "table kernels come from a config: coag theory ode|pde CONFIG)");
        }
    }

    /** @return alpha */
    double alpha() {
        return alpha;
    }

    /** @return D = d(n) + d(m) */
    double diffusivity() {
        return diffusivity;
    }

    /** @return d */
    int dim() {
        return dim;
    }
}
