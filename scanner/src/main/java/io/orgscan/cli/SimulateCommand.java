package io.orgscan.cli;

import io.orgscan.simulator.SimulatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "simulate", versionProvider = ToolVersion.class,
        description = "Run the local AWS simulator until interrupted, as java -jar orgscan-simulator.jar does: "
                + "(--scenario FILE | --synthetic N [--ous M] [--seed S]) [--port N] [--latency-ms MS].")
final class SimulateCommand implements Callable<Integer> {
    private final CliContext context;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return SimulatorMain.run(arguments.toArray(String[]::new), context.out(), context.err());
    }
}
