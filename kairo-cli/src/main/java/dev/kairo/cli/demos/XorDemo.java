package dev.kairo.cli.demos;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.Metrics;
import dev.kairo.viz.DecisionRegions;
import dev.kairo.viz.Figure;
import java.io.IOException;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * XOR, the problem Minsky and Papert used against the single-layer perceptron: a network with
 * no hidden layer (logistic regression, {@code softmax(W x + b)}) draws one straight boundary,
 * so it gets at most three of the four truth-table points right; one hidden layer of
 * {@value #HIDDEN} tanh units bends the boundary and gets all four.
 *
 * <p>Both are trained the same way, full-batch Adam (lr 0.05) on the softmax cross-entropy,
 * on 200 noisy copies of the truth table: Gaussian clusters (standard deviation 0.15) around
 * (0,0), (0,1), (1,0) and (1,1), labelled by XOR ({@code Generators.xor} rescaled from ±1 to
 * 0/1). On the four exact points alone the best logistic regression is the useless
 * {@code W = 0} (probability ½ everywhere), whose boundary is rounding noise; the clusters give
 * it a real line to draw. Both are then scored on the clusters and on the truth table.
 */
public final class XorDemo {
  /** Hidden units of the network that solves XOR. */
  public static final int HIDDEN = 4;
  private static final double LR = 0.05;

  private XorDemo() {}

  /**
   * Truth-table accuracy, cluster accuracy and final loss of both networks, and the hidden
   * network's P(XOR = 1) for each truth-table row.
   */
  public record Result(double linearAccuracy, double linearClusterAccuracy, double linearLoss,
      double hiddenAccuracy, double hiddenClusterAccuracy, double hiddenLoss,
      double[] hiddenProbabilities) {}

  /** {@code Generators.xor(n, 2·sd, seed)} moved from the corners (±1, ±1) to (0|1, 0|1). */
  static TensorDataset clusters(int n, double sd, long seed) {
    TensorDataset d = Generators.xor(n, 2 * sd, seed);
    return d.withFeatures(d.features().add(1f).mul(0.5f));
  }

  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  static int[] predict(Module net, Tensor x) {
    try (NoGrad g = NoGrad.enter()) {
      return Metrics.argmax(net.forward(Variable.of(x)).data());
    }
  }

  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  private static double train(Module net, TensorDataset data, int steps) {
    Variable x = Variable.of(data.features());
    int[] labels = data.labels();
    Optimizer opt = new Adam(net.parameters(), LR);
    double last = Double.NaN;
    for (int s = 0; s < steps; s++) {
      Variable loss = F.softmaxCrossEntropy(net.forward(x), labels);
      last = loss.item();
      opt.zeroGrad();
      loss.backward();
      opt.step();
    }
    try (NoGrad g = NoGrad.enter()) {
      return F.softmaxCrossEntropy(net.forward(x), labels).item();
    }
  }

  /** Trains both networks on the truth table and draws their decision regions. */
  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  public static Result run(DemoContext ctx) throws IOException {
    int steps = ctx.pick(1000, 300);
    TensorDataset xor = Generators.xorTruthTable();
    TensorDataset noisy = clusters(200, 0.15, ctx.seed());
    Tensor x = xor.features();
    int[] labels = xor.labels();
    SplittableRandom rng = new SplittableRandom(ctx.seed());

    Sequential linear = new Sequential(new Linear(2, 2, true, rng));
    double linLoss = train(linear, noisy, steps);
    int[] linPred = predict(linear, x);
    double linAcc = Metrics.accuracy(linPred, labels);
    double linCl = Metrics.accuracy(predict(linear, noisy.features()), noisy.labels());

    Sequential hidden = new Sequential(new Linear(2, HIDDEN, true, rng), Activation.tanh(),
        new Linear(HIDDEN, 2, true, rng));
    double hidLoss = train(hidden, noisy, steps);
    int[] hidPred = predict(hidden, x);
    double hidAcc = Metrics.accuracy(hidPred, labels);
    double hidCl = Metrics.accuracy(predict(hidden, noisy.features()), noisy.labels());
    float[] probs;
    try (NoGrad g = NoGrad.enter()) {
      probs = F.softmax(hidden.forward(Variable.of(x))).data().toArray();
    }

    ctx.printf("XOR: 200 points in Gaussian clusters (sd 0.15) around the truth table's corners;"
        + "%nfull-batch Adam lr %.2f, %d steps, softmax cross-entropy%n%n", LR, steps);
    ctx.println("  x1 x2  XOR   no hidden layer   one hidden layer (2-" + HIDDEN
        + "-2 tanh): prediction, P(XOR=1)");
    float[] xv = x.toArray();
    double[] p1 = new double[4];
    for (int i = 0; i < 4; i++) {
      p1[i] = probs[2 * i + 1];
      ctx.printf("  %.0f  %.0f   %d     %d %s               %d %s  %.3f%n", xv[2 * i],
          xv[2 * i + 1], labels[i], linPred[i], linPred[i] == labels[i] ? "ok   " : "WRONG",
          hidPred[i], hidPred[i] == labels[i] ? "ok   " : "WRONG", p1[i]);
    }
    ctx.printf("%n                                       truth table   clusters   loss%n");
    ctx.printf("no hidden layer (logistic regression)  %.2f          %.3f      %.4f   "
        + "(a line gets at most 3 of 4)%n", linAcc, linCl, linLoss);
    ctx.printf("one hidden layer of %d tanh units       %.2f          %.3f      %.4f%n", HIDDEN,
        hidAcc, hidCl, hidLoss);

    DecisionRegions a = DecisionRegions.ofTensor(t -> predict(linear, t), noisy.features(),
            noisy.labels())
        .title(String.format(Locale.ROOT, "No hidden layer: truth table %.2f, clusters %.2f",
            linAcc, linCl))
        .bounds(-0.5, 1.5, -0.5, 1.5).resolution(200).markerSize(7)
        .classNames("XOR = 0", "XOR = 1").xLabel("x1").yLabel("x2");
    DecisionRegions b = DecisionRegions.ofTensor(t -> predict(hidden, t), noisy.features(),
            noisy.labels())
        .title(String.format(Locale.ROOT, "2-%d-2 tanh: truth table %.2f, clusters %.2f", HIDDEN,
            hidAcc, hidCl))
        .bounds(-0.5, 1.5, -0.5, 1.5).resolution(200).markerSize(7)
        .classNames("XOR = 0", "XOR = 1").xLabel("x1").yLabel("x2");
    ctx.save(new Figure(1, 2).add(a).add(b).title("XOR needs a hidden layer").size(1100, 500),
        "xor.png");
    return new Result(linAcc, linCl, linLoss, hidAcc, hidCl, hidLoss, p1);
  }
}
