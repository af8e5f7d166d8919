package org.coag.core.conformance;

import java.io.File;
import java.util.Arrays;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.RunFingerprint;
import org.coag.core.reference.ReferenceBackend;

/**
 * Prints expected.csv for the conformance configs from the reference backend. Run from the repo
 * root after {@code mvn -q test-compile -pl engine-core}:
 * <pre>
 * java -cp "engine-core/target/classes:engine-core/target/test-classes:$(cat engine-core/target/cp.txt)" \
 *     org.coag.core.conformance.RecordConformance &gt; engine-core/src/test/resources/conformance/expected.csv
 * </pre>
 * (cp.txt from {@code mvn -q dependency:build-classpath -pl engine-core -Dmdep.outputFile=target/cp.txt}).
 */
public final class RecordConformance {
    private RecordConformance() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        File dir = new File("engine-core/src/test/resources/conformance");
        String[] names = dir.list((d, n) -> n.endsWith(".toml"));
        Arrays.sort(names);
        System.out.println("# name, events, event_log_sha256, final_state_sha256 (reference backend; see RecordConformance)");
        for (String file : names) {
            String name = file.substring(0, file.length() - 5);
            RunFingerprint o = ConformanceCase.run(name, new ReferenceBackend(), BackendOptions.DEFAULTS);
            System.out.println(name + ", " + o.events() + ", " + o.eventLog() + ", " + o.finalState());
        }
    }
}
