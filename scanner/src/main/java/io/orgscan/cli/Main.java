package io.orgscan.cli;

/** {@code java -jar orgscan.jar ...} */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Orgscan(CliContext.system()).run(args));
    }
}
