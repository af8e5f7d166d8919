package org.coag.gpu;

import org.coag.core.backend.ParticleState;
import org.coag.core.model.ModelSpec;
import org.coag.core.space.CandidatePairs;
import org.coag.core.space.SpatialHash;

/** The reference's pair enumeration and distance arithmetic, as the oracle of the OpenCL tests. */
final class HostPairs {
    /** Receives a pair closer than the reach with its r^2. */
    interface Visitor {
        void pair(int i, int j, double r2);
    }

    private HostPairs() {
    }

    /**
     * Every pair (i, j), id(i) &lt; id(j), with r^2 &lt; reach^2 by the reference's SpatialHash and
     * CandidatePairs, r^2 summed as CollisionRule.fire does.
     */
    static void scan(ModelSpec spec, ParticleState s, double reach, Visitor visitor) {
        double unit = spec.domain().unit();
        SpatialHash hash = new SpatialHash(spec.dim());
        hash.build(s.positions(), s.count(), SpatialHash.cellBitsFor(spec.domain().side(), reach));
        new CandidatePairs(spec.dim()).scan(hash, s.positions(), s.ids(), s.count(), reach / unit, (i, j) -> {
            double r2 = 0;
            for (int k = 0; k < spec.dim(); k++) {
                r2 = org.coag.core.step.CollisionRule.addAxis(r2, s.positions()[k][i] - s.positions()[k][j], unit);
            }
            if (r2 < reach * reach) {
                visitor.pair(i, j, r2);
            }
        });
    }
}
