package org.coag.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The two batch scripts {@code coag study submit} writes: a job array with one element per
 * unfinished task, and a report job that depends on it. The array's script runs
 * {@code coag study run DIR --task $SLURM_ARRAY_TASK_ID} with the threads and heap the job asked
 * for (SLURM may not enforce either: no cgroups on some clusters), and handles the time limit:
 * {@code --signal=B:USR1@S} delivers SIGUSR1 to the script S seconds before the limit; the script
 * passes SIGTERM to coag (which checkpoints and exits with 143) and requeues its own array element
 * with {@code scontrol requeue}, so the task resumes from that checkpoint when it runs again. A
 * SIGTERM to the script (scancel) is passed on too, without a requeue: the task is left
 * interrupted, to be resubmitted.
 *
 * @param dir the study directory, absolute
 * @param coag the command that runs coag on a node (shell words)
 * @param jobName the jobs' name
 * @param indices the task indices of the array
 * @param cpus CPUs per task (--cpus-per-task), also coag's --threads
 * @param memMegabytes memory per task (--mem), MB; the JVM gets 80 % of it as heap
 * @param time time limit per task (--time), or null for the partition's
 * @param partition partition, or null
 * @param account account, or null
 * @param signalSeconds how long before the time limit the task is told to checkpoint
 * @param extra extra #SBATCH lines (without the prefix)
 */
record SlurmScripts(Path dir, String coag, String jobName, List<Integer> indices, int cpus, long memMegabytes, String time,
                    String partition, String account, int signalSeconds, List<String> extra) {

    /** @return the JVM heap for a task: 80 % of its memory, the rest for the JVM itself and the OS */
    long heapMegabytes() {
        return Math.max(256, memMegabytes * 4 / 5);
    }

    /** @return SLURM's --array value: the indices, consecutive runs as ranges ("0-3,7,9-10") */
    String arraySpec() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < indices.size(); ) {
            int j = i;
            while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
                j++;
            }
            s.append(s.length() == 0 ? "" : ",").append(indices.get(i));
            if (j > i) {
                s.append('-').append(indices.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }

    private String header(String name, String log) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=").append(name).append('\n');
        s.append("#SBATCH --output=").append(dir.resolve("slurm").resolve(log)).append('\n');
        s.append("#SBATCH --open-mode=append\n");
        if (partition != null) {
            s.append("#SBATCH --partition=").append(partition).append('\n');
        }
        if (account != null) {
            s.append("#SBATCH --account=").append(account).append('\n');
        }
        return s.toString();
    }

    /** @return the array's script */
    String array() {
        StringBuilder s = new StringBuilder(header(jobName, "task-%a.log"));
        s.append("#SBATCH --array=").append(arraySpec()).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        s.append("#SBATCH --mem=").append(memMegabytes).append("M\n");
        if (time != null) {
            s.append("#SBATCH --time=").append(time).append('\n');
        }
        s.append("#SBATCH --signal=B:USR1@").append(signalSeconds).append('\n');
        s.append("#SBATCH --requeue\n");
        for (String e : extra) {
            s.append("#SBATCH ").append(e).append('\n');
        }
        s.append(String.format(Locale.ROOT, """
                # Written by coag study submit, %s. One array element runs one task of the study in
                #   %s
                # whose tasks/ directory alone says what is done (coag study tasks DIR). Before the time limit SLURM
                # sends this script SIGUSR1 (--signal): coag checkpoints the task and this script requeues it, so it
                # resumes from there. scancel (SIGTERM) checkpoints it too, without a requeue. Resubmitting
                # (coag study submit DIR) submits only the unfinished tasks.
                set -u
                export JAVA_OPTS="${JAVA_OPTS:-} -Xmx%dm"
                %s study run %s --task "$SLURM_ARRAY_TASK_ID" --threads "${SLURM_CPUS_PER_TASK:-%d}" &
                pid=$!
                stop() {
                  kill -TERM "$pid" 2>/dev/null
                  wait "$pid"
                  status=$?
                  if [ "$1" = requeue ] && [ "$status" -eq 143 ]; then
                    echo "coag: time limit near: task $SLURM_ARRAY_TASK_ID checkpointed; requeueing it"
                    scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
                  fi
                  exit "$status"
                }
                trap 'stop requeue' USR1
                trap 'stop cancel' TERM
                wait "$pid"
                exit $?
                """, Instant.now().truncatedTo(ChronoUnit.SECONDS), dir, heapMegabytes(), coag, quote(dir.toString()), cpus));
        return s.toString();
    }

    /** @return the report job's script (submitted with --dependency=afterany on the array) */
    String report() {
        return header(jobName + "-report", "report.log") + "#SBATCH --cpus-per-task=1\n#SBATCH --mem=2048M\n"
                + "# Written by coag study submit: the report from every task that is done (missing ones are named).\n"
                + "set -u\nexport JAVA_OPTS=\"${JAVA_OPTS:-} -Xmx1536m\"\n"
                + coag + " study report " + quote(dir.toString()) + "\n";
    }

    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
