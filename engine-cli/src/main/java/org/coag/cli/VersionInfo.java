package org.coag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code coag --version}: the version, the git commit and date of the build (written by the Maven
 * build into {@code build-info.properties}; "unknown commit" when built outside git), and the JVM.
 */
final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties p = buildInfo();
        return new String[] {
            "coag " + p.getProperty("version", "(version unknown)"),
            "commit " + p.getProperty("commit", "unknown commit") + ", built " + p.getProperty("date", "(date unknown)"),
            "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                    + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }

    /** @return the build's properties, empty when the resource is missing (classes not built by Maven) */
    static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("build-info.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version line says "unknown"
        }
        return p;
    }
}
