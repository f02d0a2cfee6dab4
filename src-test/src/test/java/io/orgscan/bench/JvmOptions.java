package io.orgscan.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options a scan runs with, and how the tables name them.
 *
 * @param label   {@code default} when there are none
 * @param options passed to {@code java} before {@code -jar}
 */
record JvmOptions(String label, List<String> options) {
    static final JvmOptions DEFAULT = new JvmOptions("default", List.of());
    static final JvmOptions HEAP_CAP = new JvmOptions("`-Xmx512m`", List.of("-Xmx512m"));

    JvmOptions {
        options = List.copyOf(options);
    }

    /**
     * What a launcher script could pass: the C1 compiler only (a scan is too short for C2 to pay for
     * its compilations) and an application class-data archive of a previous run (no class is parsed
     * and verified again).
     */
    static JvmOptions tuned(Path archive) {
        return new JvmOptions("`-XX:TieredStopAtLevel=1`, AppCDS",
                List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
}
