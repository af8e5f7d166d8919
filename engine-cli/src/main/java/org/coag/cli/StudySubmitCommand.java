package org.coag.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.coag.core.backend.BackendOptions;
import org.coag.core.backend.AutoBackend;
import org.coag.core.io.AtomicFiles;
import org.coag.core.model.ModelException;
import org.coag.core.run.MemoryBudget;
import org.coag.core.study.Study;
import org.coag.core.study.StudyDirectory;
import org.coag.core.study.StudyPlan;
import org.coag.core.study.StudyTask;
import org.coag.core.study.StudyTaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coag study submit}: a study's unfinished tasks as a SLURM job array, and its report after them. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit a study to SLURM: a job array of its unfinished tasks (one task per array element, running "
                + "coag study run DIR --task $SLURM_ARRAY_TASK_ID) and a report job that runs after the array (afterany). "
                + "Give a CONFIG (with -o DIR) to start a study, or an existing study DIR to resubmit what is not done.",
            "Each task gets --threads from its CPUs and a heap of 80 % of its memory. Before the time limit SLURM signals "
                + "the task (--signal-seconds), which checkpoints and requeues itself. The scripts are written to DIR/slurm/; "
                + "--dry-run writes them without submitting. If sbatch is missing or fails, the study directory is left as it was."})
final class StudySubmitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG|DIR", description = "a study config, or an existing study directory")
    private Path target;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "study directory for a CONFIG (default: study-<config name>)")
    private Path out;

    @Option(names = "--set", paramLabel = "key=value", description = "override a config value (with a CONFIG)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--partition", paramLabel = "P", description = "SLURM partition (default: the cluster's)")
    private String partition;

    @Option(names = "--time", paramLabel = "T", description = "time limit per task, e.g. 02:00:00 (default: the partition's)")
    private String time;

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs per task, also its --threads (default: ${DEFAULT-VALUE})")
    private int cpus = 1;

    @Option(names = "--mem", paramLabel = "SIZE", description = "memory per task, e.g. 8G or 4096M (default: the largest task's "
            + "estimated heap / 0.8, at least 1G)")
    private String mem;

    @Option(names = "--account", paramLabel = "A", description = "SLURM account")
    private String account;

    @Option(names = "--sbatch-line", paramLabel = "LINE", description = "an extra #SBATCH line, e.g. --sbatch-line='--qos=long' (repeatable)")
    private List<String> extra = new ArrayList<>();

    @Option(names = "--signal-seconds", paramLabel = "S", description = "how long before the time limit a task is told to "
            + "checkpoint and requeue (default: ${DEFAULT-VALUE})")
    private int signalSeconds = 300;

    @Option(names = "--coag", paramLabel = "CMD", description = "the command that runs coag on the nodes (default: this "
            + "installation: its launcher with COAG_JAR set to its jar)")
    private String coag;

    @Option(names = "--dry-run", description = "write the scripts, do not submit")
    private boolean dryRun;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (cpus < 1 || signalSeconds < 1) {
            throw new ModelException("--cpus and --signal-seconds must be at least 1");
        }
        if (time != null && signalSeconds >= seconds(time)) {
            throw new ModelException("--signal-seconds " + signalSeconds + " is not below --time " + time + " (" + seconds(time)
                    + " s): every task would be told to stop as soon as it starts");
        }
        boolean fresh = !Files.isDirectory(target);
        Path dir = fresh ? (out != null ? out : StudyCommand.defaultDir(target)) : target;
        if (!fresh && (out != null || !overrides.isEmpty())) {
            throw new ModelException("study submit DIR resubmits an existing study as it is: -o and --set go with a CONFIG");
        }
        StudyPlan plan = fresh ? StudyPlan.of(ConfigFiles.read(target), overrides) : StudyDirectory.open(dir).plan();
        String runner = coag != null ? coag : defaultCoag();
        if (!dryRun) {
            requireSbatch();
        }
        String abs = dir.toAbsolutePath().normalize().toString();
        if (!abs.matches("[^\\s%'\"]+")) {
            throw new ModelException("study submit: the study directory's path " + abs + " has a space, quote or %, which #SBATCH "
                    + "lines cannot carry; use another directory");
        }
        Undo undo = Undo.of(dir);
        try {
            return submit(dir, plan, runner, undo);
        } catch (IOException | RuntimeException e) {
            undo.restore();
            throw e;
        }
    }

    /** Seconds of a SLURM time limit: M, M:S, H:M:S, D-H, D-H:M or D-H:M:S. */
    static long seconds(String time) {
        try {
            String t = time.trim();
            long days = 0;
            if (t.contains("-")) {
                days = Long.parseLong(t.substring(0, t.indexOf('-')));
                t = t.substring(t.indexOf('-') + 1);
                String[] f = t.split(":");
                long[] hms = {0, 0, 0};
                for (int i = 0; i < f.length; i++) {
                    hms[i] = Long.parseLong(f[i]);
                }
                return days * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2];
            }
            String[] f = t.split(":");
            return switch (f.length) {
                case 1 -> Long.parseLong(f[0]) * 60;
                case 2 -> Long.parseLong(f[0]) * 60 + Long.parseLong(f[1]);
                case 3 -> Long.parseLong(f[0]) * 3600 + Long.parseLong(f[1]) * 60 + Long.parseLong(f[2]);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new ModelException("--time " + time + ": expected minutes, M:S, H:M:S or D-H:M:S, e.g. 02:00:00");
        }
    }

    private int submit(Path dir, StudyPlan plan, String runner, Undo undo) throws IOException, InterruptedException {
        StudyDirectory sd = StudyDirectory.init(dir, plan, new Study.Listener() {
            @Override
            public void message(String line) {
                System.out.println(line);
            }

            @Override
            public void progress(double done, String detail) {
            }
        });
        List<Integer> indices = new ArrayList<>();
        int running = 0;
        for (StudyTask t : plan.tasks()) {
            StudyTaskState s = sd.state(t);
            if (s.unfinished()) {
                indices.add(t.index());
            }
            running += s.state().equals("running") ? 1 : 0;
        }
        if (indices.isEmpty()) {
            System.out.println("study: nothing to submit (" + running + " tasks running, the rest done); coag study report " + dir);
            return 0;
        }
        Path abs = dir.toAbsolutePath().normalize();
        SlurmScripts scripts = new SlurmScripts(abs, runner, "coag-" + abs.getFileName(), indices, cpus, memory(plan), time,
                partition, account, signalSeconds, extra);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path slurm = dir.resolve("slurm");
        Files.createDirectories(slurm);
        Path array = slurm.resolve("array-" + stamp + ".sbatch");
        Path report = slurm.resolve("report-" + stamp + ".sbatch");
        undo.written(array);
        undo.written(report);
        AtomicFiles.write(array, scripts.array());
        AtomicFiles.write(report, scripts.report());
        System.out.printf("study: %d of %d tasks to submit (%s), %d CPUs and %d MB each; scripts %s, %s%n", indices.size(),
                plan.tasks().size(), scripts.arraySpec(), cpus, scripts.memMegabytes(), array, report);
        if (dryRun) {
            System.out.println("dry run: not submitted; submit with: sbatch " + array);
            return 0;
        }
        String arrayId = sbatch(List.of("--parsable", array.toString()));
        undo.submitted();
        String reportId;
        try {
            reportId = sbatch(List.of("--parsable", "--dependency=afterany:" + arrayId, "--kill-on-invalid-dep=yes", report.toString()));
        } catch (ModelException e) {
            throw new ModelException("the tasks were submitted as job " + arrayId + " but the report job was not (" + e.getMessage()
                    + "); run coag study report " + dir + " when they are done");
        }
        Files.writeString(slurm.resolve("submissions.log"), String.format("%s array %s tasks %s report %s%n", stamp, arrayId,
                scripts.arraySpec(), reportId), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf("submitted: array job %s (tasks %s), report job %s after it%n", arrayId, scripts.arraySpec(), reportId);
        System.out.printf("watch: coag study tasks %s   (or squeue -j %s); logs in %s%n", dir, arrayId, slurm);
        return 0;
    }

    /** The --mem of a task: given, or the largest task's heap estimate over 0.8 (the heap share), rounded up to 256 MB, at least 1 GB. */
    private long memory(StudyPlan plan) {
        if (mem != null) {
            String m = mem.trim().toUpperCase(java.util.Locale.ROOT);
            try {
                long v = Long.parseLong(m.replaceAll("[KMGT]B?$", ""));
                long mb = m.matches(".*GB?$") ? v * 1024 : m.matches(".*TB?$") ? v * 1024 * 1024 : m.matches(".*KB?$") ? v / 1024 : v;
                if (mb >= 256) {
                    return mb;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ModelException("--mem " + mem + ": expected a size of at least 256M, e.g. 4096M or 8G");
        }
        StudyTask largest = plan.tasks().stream().max(java.util.Comparator.comparingLong(StudyTask::particles)).orElseThrow();
        var cfg = plan.taskConfig(largest);
        long heap = MemoryBudget.heapBytes(cfg.model(), AutoBackend.resolve(cfg.run().backend(), cfg.model()).backend(),
                new BackendOptions(Math.min(cpus, BackendOptions.maxThreads()), 0));
        long mb = (long) Math.ceil(heap / MemoryBudget.HEAP_SHARE / 0.8 / (1 << 20));
        return Math.max(1024, (mb + 255) / 256 * 256);
    }

    private static String defaultCoag() {
        String launcher = System.getenv("COAG_LAUNCHER");
        String jar = System.getenv("COAG_JAR");
        if (jar == null) {
            try {
                Path p = Path.of(CoagMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                jar = p.toString().endsWith(".jar") ? p.toString() : null;
            } catch (java.net.URISyntaxException | RuntimeException e) {
                jar = null;
            }
        }
        if (jar != null && launcher != null) {
            return "COAG_JAR=" + SlurmScripts.quote(jar) + " " + SlurmScripts.quote(launcher);
        }
        if (jar != null) {
            return "java $JAVA_OPTS --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar " + SlurmScripts.quote(jar);
        }
        throw new ModelException("study submit: cannot tell how the nodes should run coag (not started from a coag jar); give --coag CMD");
    }

    private static void requireSbatch() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "sbatch"))) {
                return;
            }
        }
        throw new ModelException("study submit: sbatch is not on PATH (is this a SLURM login node?); nothing was written. "
                + "--dry-run writes the scripts without submitting");
    }

    /** Runs sbatch; returns the job id (--parsable prints "id" or "id;cluster" on stdout; stderr may carry warnings). */
    private static String sbatch(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sbatch"));
        cmd.addAll(args);
        Path out = Files.createTempFile("coag-sbatch", ".out");
        Path err = Files.createTempFile("coag-sbatch", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ModelException("study submit: sbatch did not answer within 120 s");
            }
            String id = Files.readString(out, StandardCharsets.UTF_8).trim();
            String message = Files.readString(err, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0 || !id.matches("\\d+(;.*)?")) {
                String first = (message.isEmpty() ? id : message).lines().findFirst().orElse("no output");
                throw new ModelException("study submit: sbatch failed (exit " + p.exitValue() + "): " + first);
            }
            return id.split(";")[0];
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * What a failed submission undoes, before its array is accepted: a study directory it made is
     * removed; in an existing one the files it rewrote (study.toml, theory.json, the marker) get
     * their old contents and the scripts it wrote are removed. Nothing under tasks/ is touched, and
     * once sbatch has accepted the array nothing is undone.
     */
    private static final class Undo {
        private final Path dir;
        private final boolean fresh;
        private final java.util.Map<Path, byte[]> previous = new java.util.LinkedHashMap<>();
        private final List<Path> written = new ArrayList<>();
        private boolean submitted;

        private Undo(Path dir, boolean fresh) {
            this.dir = dir;
            this.fresh = fresh;
        }

        static Undo of(Path dir) throws IOException {
            Undo u = new Undo(dir, !Files.exists(dir));
            for (String f : List.of("study.toml", "theory.json", ".coag")) {
                Path p = dir.resolve(f);
                u.previous.put(p, Files.isRegularFile(p) ? Files.readAllBytes(p) : null);
            }
            return u;
        }

        void written(Path file) {
            written.add(file);
        }

        void submitted() {
            submitted = true;
        }

        void restore() throws IOException {
            if (submitted || !Files.exists(dir)) {
                return;
            }
            if (fresh) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                return;
            }
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            for (var e : previous.entrySet()) {
                if (e.getValue() == null) {
                    Files.deleteIfExists(e.getKey());
                } else {
                    Files.write(e.getKey(), e.getValue());
                }
            }
        }
    }
}
