package org.coag.cpu;

/**
 * Where {@link MidpointScan} hands its candidate pairs: in the engine,
 * {@link org.coag.core.adaptive.AdaptiveWorker#refineCandidate(int, int, int, int, int, int, double, double, double)}
 * of the scanning thread's worker, whose exact per-pair test decides.
 */
@FunctionalInterface
interface CandidateSink {
    /**
     * @param first a slot
     * @param second another slot
     * @param firstId its id
     * @param secondId the other's id
     * @param firstMass its mass at the macro step's start
     * @param secondMass the other's
     * @param firstHalf its segment's half-length, physical units
     * @param secondHalf the other's
     * @param midDistance2 squared distance of the two midpoints, physical units, computed as
     *                     {@link org.coag.core.adaptive.AdaptiveWorker#refineCandidate(int, int)} does
     */
    void candidate(int first, int second, int firstId, int secondId, int firstMass, int secondMass, double firstHalf,
                   double secondHalf, double midDistance2);
}
