package io.orgscan.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a benchmarked scan starts orgscan, and how the tables name it: through the launcher users run
 * ({@code scanner/target/orgscan}, with {@code JAVA_OPTS}), or with a plain {@code java -jar}.
 *
 * @param options JVM options: {@code JAVA_OPTS} for the launcher, before {@code -jar} otherwise
 */
record Launch(String label, boolean launcher, List<String> options) {
    static final Launch DEFAULT = new Launch("launcher", true, List.of());
    static final Launch HEAP_CAP = new Launch("launcher, `JAVA_OPTS=-Xmx512m`", true, List.of("-Xmx512m"));
    /** The JVM's defaults: what the launcher's options are measured against. */
    static final Launch PLAIN_JAR = new Launch("`java -jar`", false, List.of());

    Launch {
        options = List.copyOf(options);
    }

    /** The command up to orgscan's own arguments. */
    List<String> command(Path root) {
        List<String> command = new ArrayList<>();
        if (launcher) {
            command.add(root.resolve("scanner/target/orgscan").toString());
        } else {
            command.add(Machine.javaLauncher());
            command.addAll(options);
            command.addAll(List.of("-jar", root.resolve("scanner/target/orgscan.jar").toString()));
        }
        return command;
    }

    /** What the launcher reads from the environment: which java, and the options. */
    void environment(Map<String, String> env) {
        if (launcher) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS", String.join(" ", options));
        }
    }
}
