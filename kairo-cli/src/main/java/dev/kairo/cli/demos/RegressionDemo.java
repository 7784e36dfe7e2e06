package dev.kairo.cli.demos;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Optimizer;
import dev.kairo.optim.Sgd;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.StepLoss;
import dev.kairo.train.TrainStep;
import dev.kairo.viz.Figure;
import dev.kairo.viz.LinePlot;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Seed 000's regression with a three-layer network: 64 points {@code x = np.arange(-1, 1,
 * 2/64)}, {@code y = 2x² - 1}, a 1-1024-1 network with ReLU, every weight and bias drawn from
 * U(-0.5, 0.5) ({@code np.random.rand(...) - 0.5}), and per-sample stochastic gradient descent
 * with learning rate 0.005 over the indices shuffled each epoch, the gradient being that of
 * ½(ŷ - y)² (the seed's {@code diff = y - t}), for 1000 epochs.
 */
public final class RegressionDemo {
  private static final int HIDDEN = 1024;
  private static final float LR = 0.005f;

  private RegressionDemo() {}

  /** The mean squared error over the 64 points after each epoch (index 0: before training). */
  public record Result(double[] msePerEpoch, double finalMse) {}

  static Sequential network(SplittableRandom rng) {
    Linear fc1 = new Linear(1, HIDDEN, true, rng);
    Linear fc2 = new Linear(HIDDEN, 1, true, rng);
    fc1.weight.setData(Tensor.uniform(-0.5, 0.5, rng, HIDDEN, 1));
    fc1.bias.setData(Tensor.uniform(-0.5, 0.5, rng, HIDDEN));
    fc2.weight.setData(Tensor.uniform(-0.5, 0.5, rng, 1, HIDDEN));
    fc2.bias.setData(Tensor.uniform(-0.5, 0.5, rng, 1));
    return new Sequential(fc1, Activation.relu(), fc2);
  }

  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  private static double mse(Sequential net, Tensor x, Tensor y) {
    try (NoGrad g = NoGrad.enter()) {
      return F.meanSquaredError(net.forward(Variable.of(x)), Variable.of(y)).item();
    }
  }

  /** Trains, prints the error every 100 epochs (10 in quick mode), draws the fit and the curve. */
  public static Result run(DemoContext ctx) throws IOException {
    int epochs = ctx.pick(1000, 100);
    TensorDataset data = Generators.quadratic64();
    Tensor x = data.features();
    Tensor y = data.targets();
    int n = x.size(0);
    float[] xv = x.toArray();
    float[] yv = y.toArray();
    Variable[] xs = new Variable[n];
    Variable[] ys = new Variable[n];
    for (int i = 0; i < n; i++) {
      xs[i] = Variable.of(Tensor.of(new float[] {xv[i]}, 1, 1));
      ys[i] = Variable.of(Tensor.of(new float[] {yv[i]}, 1, 1));
    }
    SplittableRandom rng = new SplittableRandom(ctx.seed());
    Sequential net = network(rng);
    Optimizer opt = new Sgd(net.parameters(), LR);
    // One call per sample: F.sumSquaredError(net.forward(x), y), zeroGrad, backward and step,
    // compiled (TrainStep), with the same numbers as the five lines.
    TrainStep step = TrainStep.of(net, StepLoss.HALF_SUM_SQUARED_ERROR, opt);
    ctx.printf("y = 2x^2 - 1 on %d points in [-1, 1); 1-%d-1 ReLU net, weights and biases "
        + "U(-0.5, 0.5);%nper-sample SGD lr %.3f on 1/2 (y' - y)^2, shuffled, %d epochs%n%n",
        n, HIDDEN, LR, epochs);
    double[] curve = new double[epochs + 1];
    curve[0] = mse(net, x, y);
    ctx.printf("epoch %4d  MSE %.6f%n", 0, curve[0]);
    int every = ctx.quick() ? 10 : 100;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int m = 401;
    double[] gx = new double[m];
    double[] target = new double[m];
    float[] gf = new float[m];
    for (int i = 0; i < m; i++) {
      gx[i] = -1 + 2.0 * i / (m - 1);
      target[i] = 2 * gx[i] * gx[i] - 1;
      gf[i] = (float) gx[i];
    }
    Tensor grid = Tensor.of(gf, m, 1);
    LinePlot fit = new LinePlot("Before training, after 1 and after " + epochs + " epochs")
        .xLabel("x").yLabel("y").series("y = 2x² − 1", gx, target);
    fit.color("y = 2x² − 1", java.awt.Color.BLACK);
    fit.series("before training", gx, predict(net, grid), LinePlot.Line.DOTTED);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(idx, rng);
      for (int i : idx) {
        step.run(xs[i].data(), ys[i].data());
      }
      curve[epoch] = mse(net, x, y);
      if (epoch % every == 0) {
        ctx.printf("epoch %4d  MSE %.6f%n", epoch, curve[epoch]);
      }
      if (epoch == 1 || epoch == epochs) {
        fit.series("after " + epoch + (epoch == 1 ? " epoch" : " epochs"), gx, predict(net, grid),
            epoch == epochs ? LinePlot.Line.DASHED : LinePlot.Line.DOTTED);
      }
    }
    double fin = curve[epochs];
    ctx.printf("%nfinal MSE after %d epochs: %.6f (RMS error %.4f)%n", epochs, fin,
        Math.sqrt(fin));

    double[] ep = new double[epochs + 1];
    for (int i = 0; i <= epochs; i++) {
      ep[i] = i;
    }
    LinePlot err = new LinePlot(String.format(java.util.Locale.ROOT,
        "Mean squared error per epoch (final %.2g)", fin)).xLabel("epoch").yLabel("MSE")
        .series("MSE on the 64 points", ep, curve).logY(true);
    ctx.save(new Figure(1, 2).add(fit).add(err)
        .title("Seed 000: a 1-1024-1 ReLU network learns y = 2x² − 1").size(1200, 460),
        "regression.png");
    return new Result(curve, fin);
  }

  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  private static double[] predict(Sequential net, Tensor x) {
    float[] p;
    try (NoGrad g = NoGrad.enter()) {
      p = net.forward(Variable.of(x)).data().toArray();
    }
    double[] d = new double[p.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = p[i];
    }
    return d;
  }

  /** Fisher-Yates, as np.random.shuffle does (with Java's generator). */
  static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
