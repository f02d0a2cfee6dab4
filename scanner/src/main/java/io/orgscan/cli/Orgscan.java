package io.orgscan.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * The command line's entry point, callable in-process: {@code run(args) -> exit code}. Every error
 * becomes one line on stderr and an exit code from {@link ExitCodes}; a stack trace only with --debug.
 */
public final class Orgscan {
    private final CliContext context;

    public Orgscan(CliContext context) {
        this.context = context;
    }

    public int run(String... args) {
        CommandLine commandLine = new CommandLine(new OrgscanCommand(), new ContextFactory(context));
        commandLine.setOut(new java.io.PrintWriter(context.out(), true));
        commandLine.setErr(new java.io.PrintWriter(context.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            context.err().println("orgscan: " + ex.getMessage());
            context.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UsageException) {
                context.err().println("orgscan: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            context.err().println("orgscan: internal error: " + ex + (debug(parseResult) ? "" : " (rerun with --debug for details)"));
            if (debug(parseResult)) {
                ex.printStackTrace(context.err());
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    private static boolean debug(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Gives commands with a {@code (CliContext)} constructor their context. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
