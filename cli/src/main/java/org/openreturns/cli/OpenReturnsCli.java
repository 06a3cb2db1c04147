package org.openreturns.cli;

import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openreturns} command: validate, summarise, generate and benchmark CTF assessment returns offline. */
@Command(name = "openreturns", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads, checks and measures school-to-LA CTF assessment returns (EYFSP, phonics, KS1, KS2 TA, MTC).",
        subcommands = {ValidateCommand.class, SummaryCommand.class, GenerateCommand.class, BenchCommand.class,
                LoadCommand.class,
                CommandLine.HelpCommand.class})
public final class OpenReturnsCli {

    /** Exit status for a command line that cannot be understood (sysexits.h EX_USAGE). */
    static final int USAGE = 64;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return commandLine(Clock.systemDefaultZone());
    }

    /** The command line as on the clock's date, which decides the collection year checked when none is given. */
    static CommandLine commandLine(Clock clock) {
        CommandLine.IFactory standard = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == CheckOptions.class ? (K) new CheckOptions(clock) : standard.create(type);
            }
        };
        CommandLine cli = new CommandLine(new OpenReturnsCli(), factory);
        // Exit status 2 means "a file cannot be read" to scripts, so a mistyped option must not look the same.
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(USAGE));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug must not show users a stack trace; it is still reported, and the exit code says it failed.
            commandLine.getErr().println("openreturns: internal error: " + ex);
            return 3;
        });
        return cli;
    }
}
