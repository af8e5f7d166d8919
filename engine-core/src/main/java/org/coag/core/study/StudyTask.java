package org.coag.core.study;

/**
 * One (N, seed) of a study: an ordinary resumable run in its own directory {@code tasks/NAME}.
 *
 * @param index position in the study's task list (what --task and a SLURM array index name)
 * @param particles N
 * @param seed the run's seed
 */
public record StudyTask(int index, long particles, long seed) {
    /** @return the directory name under tasks/: N{N}-seed{seed} */
    public String name() {
        return "N" + particles + "-seed" + seed;
    }
}
