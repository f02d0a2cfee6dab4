package io.orgscan.cli;

/** {@code java -jar orgscan.jar ...} */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new Orgscan(CliContext.system()).run(args);
        if (code != 0 || !serving()) {
            System.exit(code);
        }
    }

    private static boolean serving() {
        return false;
    }
}
