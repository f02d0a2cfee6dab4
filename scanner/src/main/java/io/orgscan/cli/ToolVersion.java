package io.orgscan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven stamped into the jar; also picocli's version provider. */
public final class ToolVersion implements CommandLine.IVersionProvider {
    public static String get() {
        Properties properties = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("/orgscan-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"orgscan " + get()};
    }
}
