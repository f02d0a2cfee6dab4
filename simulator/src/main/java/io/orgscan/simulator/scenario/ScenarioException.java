package io.orgscan.simulator.scenario;

/**
 * A scenario that cannot be used: missing file, malformed JSON, or data that breaks the contract in
 * docs/SIMULATOR.md. The message is one line that names the source and the problem, fit to print to a
 * command-line user as is.
 */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
