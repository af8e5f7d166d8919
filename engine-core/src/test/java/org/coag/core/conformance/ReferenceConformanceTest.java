package org.coag.core.conformance;

import org.coag.core.backend.Backend;
import org.coag.core.reference.ReferenceBackend;

/**
 * The reference backend against its own recorded hashes: a regression guard for reproducibility
 * (CI runs it on JDK 17 and JDK 25, so equal values on both are the cross-JVM check).
 */
class ReferenceConformanceTest extends BackendConformance {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
