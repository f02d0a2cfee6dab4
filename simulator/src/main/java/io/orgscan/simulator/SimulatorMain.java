package io.orgscan.simulator;

import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ScenarioException;
import io.orgscan.simulator.scenario.ScenarioLoader;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code java -jar orgscan-simulator.jar (--scenario FILE | --synthetic N [--ous M] [--seed S])
 * [--port N] [--latency-ms MS] [--respond MODE:SERVICE[:OPERATION[:ACCOUNT[:REGION[:CALLS]]]]]...}: each
 * {@code --respond} adds a {@code faults.responses} rule after the scenario's own. Prints exactly {@code listening on http://127.0.0.1:PORT} on stdout
 * once it accepts connections, then serves until killed.
 */
public final class SimulatorMain {
    static final int EXIT_USAGE = 2;
    private static final String USAGE = "usage: orgscan-simulator (--scenario FILE | --synthetic N [--ous M] [--seed S])"
            + " [--port N] [--latency-ms MS] [--respond MODE:SERVICE[:OPERATION[:ACCOUNT[:REGION[:CALLS]]]]]...";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /**
     * Starts a simulator and blocks serving it; returns only on bad input (2, with a one-line message on
     * {@code err}) or when the calling thread is interrupted (0, after closing the simulator).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("orgscan-simulator: " + e.getMessage() + " (" + USAGE + ")");
            return EXIT_USAGE;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        Scenario scenario;
        try {
            scenario = options.scenario != null
                    ? ScenarioLoader.load(options.scenario)
                    : SyntheticOrganization.generate(options.seed, options.synthetic, options.ous);
            Faults faults = scenario.faults();
            for (Faults.ResponseRule rule : options.responses) {
                faults = faults.withResponse(rule);
            }
            scenario = scenario.withFaults(faults);
        } catch (ScenarioException e) {
            err.println("orgscan-simulator: " + e.getMessage());
            return EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("orgscan-simulator: " + e.getMessage());
            return EXIT_USAGE;
        }
        AwsSimulator simulator;
        try {
            simulator = AwsSimulator.start(scenario, options.port, options.latencyMs);
        } catch (IOException e) {
            err.println("orgscan-simulator: cannot listen on 127.0.0.1:" + options.port + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        Thread hook = new Thread(simulator::close, "aws-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("listening on " + simulator.endpoint());
        out.flush();
        err.println("orgscan-simulator: serving " + scenario + "; GET " + simulator.endpoint() + "/_stats for call counts");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            simulator.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook closes the simulator again, harmlessly
            }
        }
        return 0;
    }

    /** The parsed command line; every problem is an IllegalArgumentException with a one-line message. */
    private static final class Options {
        Path scenario;
        Integer synthetic;
        int ous = 10;
        long seed = 42;
        int port;
        int latencyMs;
        boolean help;
        final List<Faults.ResponseRule> responses = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--help", "-h" -> options.help = true;
                    case "--scenario" -> options.scenario = Path.of(value != null ? value : next(args, ++i, name));
                    case "--synthetic" -> options.synthetic = number(value != null ? value : next(args, ++i, name), name, 1, 1_000_000);
                    case "--ous" -> options.ous = number(value != null ? value : next(args, ++i, name), name, 0, 100_000);
                    case "--seed" -> options.seed = seed(value != null ? value : next(args, ++i, name));
                    case "--port" -> options.port = number(value != null ? value : next(args, ++i, name), name, 0, 65535);
                    case "--latency-ms" -> options.latencyMs = number(value != null ? value : next(args, ++i, name), name, 0, 600_000);
                    case "--respond" -> options.responses.add(Faults.ResponseRule.parse(value != null ? value : next(args, ++i, name)));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (options.help) {
                return options;
            }
            if ((options.scenario == null) == (options.synthetic == null)) {
                throw new IllegalArgumentException("give exactly one of --scenario FILE or --synthetic N");
            }
            return options;
        }

        private static String next(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int number(String text, String option, int min, int max) {
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, got \"" + text + "\"");
            }
        }

        private static long seed(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed must be a whole number, got \"" + text + "\"");
            }
        }
    }
}
