package dev.kairo.cli.demos;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.nn.Init;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Parameter;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.Sgd;
import dev.kairo.tensor.Tensor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 001's Chainer walk-through, step by step: x = [[1, 2, 3]], a linear transform
 * (Linear(3, 2)), a non-linear one (ReLU), the prediction (Linear(2, 1)), the loss (mean
 * squared error against t = [[3]]); then the loop that drives the loss down with SGD.
 *
 * <p>Weights are drawn as Chainer's {@code L.Linear} draws them (LeCun normal W, zero b) from a
 * seeded generator; NumPy's generator differs from Java's, so the numbers differ from the
 * seed's printout while the steps are the same.
 */
public final class ChainerSteps {
  /** SGD steps in the loop. */
  public static final int DEFAULT_STEPS = 20;
  private static final double LR = 0.02;

  private ChainerSteps() {}

  /** Runs the walk-through and the loop; returns the loss after each step (first = before). */
  public static List<Float> run(PrintStream out, long seed, int steps) {
    SplittableRandom rng = new SplittableRandom(seed);
    Variable x = Variable.of(Tensor.matrix(new float[][] {{1, 2, 3}}));
    out.println("x = " + x);

    out.println("\nSTEP 1  linear transform (線形変換): fc1 = L.Linear(3, 2)");
    Linear fc1 = chainerLinear(3, 2, rng);
    out.println("  fc1.W = " + fc1.weight.data());
    out.println("  fc1.b = " + fc1.bias.data());
    Variable u = fc1.forward(x);
    out.println("  u = fc1(x) = " + u);

    out.println("\nSTEP 2  non-linear transform (非線形変換): z = F.relu(u)");
    Variable z = F.relu(u);
    out.println("  z = " + z);

    out.println("\nSTEP 3  prediction (予測値): fc2 = L.Linear(2, 1); y = fc2(z)");
    Linear fc2 = chainerLinear(2, 1, rng);
    Variable y = fc2.forward(z);
    out.println("  y = " + y);

    out.println("\nSTEP 4  loss (損失関数): loss = F.mean_squared_error(t, y), t = [[3]]");
    Variable t = Variable.of(Tensor.matrix(new float[][] {{3}}));
    Variable loss = F.meanSquaredError(y, t);
    out.println("  loss = " + loss);

    out.printf("%nThe loop: backward, SGD step (lr %.2f), repeat%n", LR);
    List<Parameter> params = new ArrayList<>(fc1.parameters());
    params.addAll(fc2.parameters());
    Optimizer opt = new Sgd(params, LR);
    List<Float> history = new ArrayList<>();
    history.add(loss.item());
    for (int step = 1; step <= steps; step++) {
      opt.zeroGrad();
      loss.backward();
      opt.step();
      loss = F.meanSquaredError(fc2.forward(F.relu(fc1.forward(x))), t);
      history.add(loss.item());
      if (step <= 5 || step % 5 == 0) {
        out.printf("  step %3d  loss %.3e%n", step, loss.item());
      }
    }
    try (NoGrad g = NoGrad.enter()) {
      out.println("\nprediction after training: y = " + fc2.forward(F.relu(fc1.forward(x)))
          + " (target 3)");
    }
    return history;
  }

  private static Linear chainerLinear(int in, int out, SplittableRandom rng) {
    Linear l = new Linear(in, out, true, rng);
    l.weight.setData(Init.lecunNormal(rng, out, in));
    l.bias.setData(Tensor.zeros(out));
    return l;
  }
}
