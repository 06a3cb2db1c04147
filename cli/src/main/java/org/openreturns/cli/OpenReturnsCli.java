package org.openreturns.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openreturns} command: validate, summarise, generate and benchmark CTF assessment returns offline. */
@Command(name = "openreturns", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads, checks and measures school-to-LA CTF assessment returns (EYFSP, phonics, KS1, KS2 TA, MTC).",
        subcommands = {ValidateCommand.class,
                CommandLine.HelpCommand.class})
public final class OpenReturnsCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OpenReturnsCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug must not show users a stack trace; it is still reported, and the exit code says it failed.
            commandLine.getErr().println("openreturns: internal error: " + ex);
            return 3;
        });
        return cli;
    }
}
