package org.coag.core.step;

/**
 * A particle layout that {@link FragmentationRule} applies splits to: the reference's
 * {@link org.coag.core.backend.ParticleState}, or a backend's own arrays. Slots are the layout's own;
 * the rule reads the parent and hands over the two products.
 */
public interface SplitTarget {
    /**
     * @param slot a live slot
     * @return its mass
     */
    int mass(int slot);

    /**
     * @param axis coordinate 0..d-1
     * @param slot a live slot
     * @return the coordinate, fixed point (x = value * L / 2^64)
     */
    long coordinate(int axis, int slot);

    /**
     * The parent in {@code slot} keeps mass {@code kept} (its id and position unchanged); a new
     * particle appears. Called once per split, in increasing parent id.
     *
     * @param slot the parent's slot
     * @param kept the parent's new mass
     * @param newId the new particle's id
     * @param newMass its mass
     * @param position its coordinates, fixed point, one per axis (the array is reused after the call)
     */
    void split(int slot, int kept, int newId, int newMass, long[] position);
}
