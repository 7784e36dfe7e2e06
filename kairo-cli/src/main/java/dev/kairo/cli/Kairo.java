package dev.kairo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kairo} command. Exit codes: 0 success, 1 the job failed, 2 bad usage (an
 * unknown option, or a value the command refuses).
 *
 * <pre>
 * kairo demo chainer-steps
 * kairo demo --list
 * </pre>
 */
@Command(name = "kairo", mixinStandardHelpOptions = true, versionProvider = Kairo.Version.class,
    description = "Kairo (回路): neural networks for the JVM.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, InspectCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Kairo implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (used by tests). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Kairo());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      String why = ex instanceof java.nio.file.NoSuchFileException
          ? "no such file: " + ex.getMessage() : ex.getMessage();
      cmd.getErr().println("kairo " + cmd.getCommandName() + ": " + why);
      // Option values the command refused (a learning rate <= 0, an unknown optimizer) are
      // bad usage, like a parse error; anything else means the job itself failed.
      return ex instanceof IllegalArgumentException ? 2 : 1;
    });
    return cl.execute(args);
  }

  /** Reports the version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Kairo.class.getPackage().getImplementationVersion();
      return new String[] {"kairo " + (v == null ? "development" : v)
          + " (Java " + System.getProperty("java.version") + ")"};
    }
  }
}
