package org.coag.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Real coag processes for the tests that kill them: the CLI in a child JVM on the test class path,
 * or the {@code ./coag} launcher itself running a small jar whose manifest points at that class
 * path ({@code COAG_JAR}), so no Maven package step is needed before the test.
 */
final class ChildProcesses {
    private ChildProcesses() {
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** @return a child JVM running {@code coag args...}, stdout and stderr to files in dir */
    static Process coag(Path dir, String name, String... args) throws IOException {
        return coagIn(null, List.of(), dir, name, args);
    }

    /**
     * @param workingDir the child's working directory (null: this one)
     * @param jvmOptions extra JVM options (e.g. -Xmx256m)
     * @return a child JVM running {@code coag args...}, stdout and stderr to files in dir
     */
    static Process coagIn(Path workingDir, List<String> jvmOptions, Path dir, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java().toString(), "--add-modules", "jdk.incubator.vector"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CoagMain.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        return pb.start();
    }

    /** @return {@code ./coag args...} through the real launcher, with COAG_JAR set to a class-path jar */
    static Process launcher(Path dir, String name, String... args) throws IOException {
        Path jar = dir.resolve("classpath.jar");
        if (!Files.exists(jar)) {
            writeClassPathJar(jar);
        }
        List<String> cmd = new ArrayList<>(List.of("bash", repositoryRoot().resolve("coag").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().put("COAG_JAR", jar.toString());
        pb.environment().put("PATH", java().getParent() + File.pathSeparator + System.getenv("PATH"));
        return pb.start();
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("coag")) ? here : here.getParent();
    }

    private static void writeClassPathJar(Path jar) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, CoagMain.class.getName());
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            cp.append(Path.of(entry).toUri()).append(' ');
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString().trim());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    /** Sends a signal by name (INT, TERM, KILL) to a process. */
    static void signal(long pid, String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor();
    }

    /** Waits for a file to appear; false on timeout or when the process ended first. */
    static boolean awaitFile(Path file, Process p, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!Files.exists(file) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(10);
        }
        return Files.exists(file);
    }
}
