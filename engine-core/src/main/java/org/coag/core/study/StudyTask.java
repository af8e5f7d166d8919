package org.coag.core.study;

/**
 * One (N, seed) of a study, or one (L, seed) of a lattice study: an ordinary resumable run in its own
 * directory {@code tasks/NAME}.
 *
 * @param index position in the study's task list (what --task and a SLURM array index name)
 * @param particles N (in a lattice study the walkers' slots at side L: L^d from a start over every site)
 * @param seed the run's seed
 * @param side the lattice side L of a lattice study; 0 in a continuum study
 */
public record StudyTask(int index, long particles, long seed, int side) {
    /** @return the directory name under tasks/: N{N}-seed{seed}, or L{L}-seed{seed} in a lattice study */
    public String name() {
        return (side > 0 ? "L" + side : "N" + particles) + "-seed" + seed;
    }
}
