package dev.kairo.cli;

import dev.kairo.cli.demos.ActivationsDemo;
import dev.kairo.cli.demos.ChainerSteps;
import dev.kairo.cli.demos.DemoContext;
import dev.kairo.cli.demos.DesignStepsDemo;
import dev.kairo.cli.demos.FashionMnistDemo;
import dev.kairo.cli.demos.MoonsDemo;
import dev.kairo.cli.demos.PerceptronDemo;
import dev.kairo.cli.demos.RegressionDemo;
import dev.kairo.cli.demos.UniversalApproximationDemo;
import dev.kairo.cli.demos.VanishingGradientsDemo;
import dev.kairo.cli.demos.XorDemo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kairo demo NAME}: the seeds' experiments, one command each. Each prints its numbers
 * and writes its figures (PNG) into the output folder.
 *
 * <pre>
 * kairo demo --list
 * kairo demo moons                 # full run, figures in kairo-out/
 * kairo demo moons --quick --out /tmp/k --seed 7
 * </pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs one of the seeds' experiments, prints its numbers and writes its figures.")
final class DemoCommand implements Callable<Integer> {
  /** A demo: how to run it with the command line's settings. */
  interface Demo {
    void run(DemoContext ctx) throws IOException;
  }

  static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
  static final Map<String, Demo> DEMOS = new LinkedHashMap<>();

  static {
    register("chainer-steps", "seed 001: Linear(3,2), ReLU, Linear(2,1), MSE, then SGD",
        ctx -> ChainerSteps.run(ctx.out(), ctx.seed(), ChainerSteps.DEFAULT_STEPS));
    register("activations", "seed 002: every activation and its autograd derivative",
        ActivationsDemo::run);
    register("moons", "seed 003: make_moons, 2-H-2 tanh/softmax nets for H = 1..50",
        MoonsDemo::run);
    register("regression", "seed 000: y = 2x^2 - 1 with a 1-1024-1 ReLU net, per-sample SGD",
        RegressionDemo::run);
    register("perceptron", "seed 000: Rosenblatt's rule converges, fails on XOR; Hebb's rule",
        PerceptronDemo::run);
    register("xor", "XOR: no hidden layer fails, one hidden layer solves it", XorDemo::run);
    register("universal-approximation",
        "seed 004: one hidden layer fits a 1-D function better as it widens",
        UniversalApproximationDemo::run);
    register("design-steps", "seed 004: the eight design steps on the Iris data set",
        DesignStepsDemo::run);
    register("vanishing-gradients",
        "seeds 002/004: deep sigmoid vs ReLU+He vs batch norm, per-layer gradient norms",
        VanishingGradientsDemo::run);
    register("fashion-mnist",
        "seeds 001/004: MLP vs CNN on Fashion-MNIST; accuracy vs parameters and depth",
        FashionMnistDemo::run);
  }

  private static void register(String name, String description, Demo demo) {
    DESCRIPTIONS.put(name, description);
    DEMOS.put(name, demo);
  }

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The demo to run (see --list).")
  String name;

  @Option(names = "--list", description = "List the demos.")
  boolean list;

  @Option(names = "--seed", defaultValue = "3", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "kairo-out",
      description = "Folder for the figures (default: ${DEFAULT-VALUE}/).")
  Path out;

  @Option(names = "--quick", description = "A short run: fewer passes, the same steps.")
  boolean quick;

  @Override
  public Integer call() throws IOException {
    if (list || name == null) {
      System.out.println("Demos:");
      DESCRIPTIONS.forEach((n, d) -> System.out.printf("  %-24s %s%n", n, d));
      return name == null && !list ? 2 : 0;
    }
    Demo demo = DEMOS.get(name);
    if (demo == null) {
      System.err.println("kairo demo: unknown demo '" + name + "'; known: "
          + String.join(", ", DEMOS.keySet()));
      return 2;
    }
    long start = System.nanoTime();
    demo.run(new DemoContext(System.out, seed, out, quick));
    System.out.printf(java.util.Locale.ROOT, "(%s%s: %.1f s)%n", name, quick ? ", quick" : "",
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
