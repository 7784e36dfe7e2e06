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
import dev.kairo.optim.WeightDecay;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.Metrics;
import dev.kairo.train.StepLoss;
import dev.kairo.train.TrainStep;
import dev.kairo.viz.DecisionRegions;
import dev.kairo.viz.Figure;
import dev.kairo.viz.LinePlot;
import dev.kairo.viz.Panel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seed 003, "building a neural network from scratch": {@code make_moons(200, noise=0.20)}
 * (scikit-learn's points, bit for bit, random state 0), a 2-H-2 network with a tanh hidden
 * layer and a softmax output, trained as the seed's NumPy code trains it: full-batch gradient
 * descent, learning rate 0.01, the <em>summed</em> cross-entropy over the 200 points plus the
 * L2 penalty (λ/2)(‖W1‖² + ‖W2‖²) with λ = 0.01 on the weights only, 20,000 passes, weights
 * drawn as {@code randn / √fan-in} and biases at zero. The loss printed every 1000 passes is
 * the seed's {@code calculate_loss}: that sum divided by N.
 *
 * <p>Then the seed's second experiment, hidden sizes H = 1, 2, 3, 4, 5, 20, 50: small layers
 * capture the two moons; large ones start to follow single points. Held-out accuracy is
 * measured on 1000 fresh points, {@code make_moons(1000, noise=0.20, random_state=1)}.
 * Java's generator is not NumPy's, so the initial weights (and the last digits) differ from
 * the seed's run; the steps are the same.
 */
public final class MoonsDemo {
  /** The hidden sizes of the seed's figure. */
  public static final int[] HIDDEN = {1, 2, 3, 4, 5, 20, 50};
  private static final float LR = 0.01f;
  private static final float LAMBDA = 0.01f;

  private MoonsDemo() {}

  /** One hidden size's outcome. */
  public record Run(int hidden, double trainAccuracy, double heldOutAccuracy, double finalLoss) {}

  /** Every hidden size's outcome, and the H = 3 loss printed every 1000 passes. */
  public record Result(List<Run> runs, int passes, Map<Integer, Double> lossH3) {
    /** The run with hidden size {@code h}. */
    public Run get(int h) {
      return runs.stream().filter(r -> r.hidden() == h).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no run with H = " + h));
    }
  }

  /** The seed's 2-H-2 network: Linear, tanh, Linear (the softmax is in the loss). */
  static Sequential network(int hidden, SplittableRandom rng) {
    Linear fc1 = new Linear(2, hidden, true, rng);
    Linear fc2 = new Linear(hidden, 2, true, rng);
    // np.random.randn(in, out) / sqrt(in); Kairo stores W as [out, in].
    fc1.weight.setData(Tensor.normal(0, 1 / Math.sqrt(2), rng, hidden, 2));
    fc1.bias.setData(Tensor.zeros(hidden));
    fc2.weight.setData(Tensor.normal(0, 1 / Math.sqrt(hidden), rng, 2, hidden));
    fc2.bias.setData(Tensor.zeros(2));
    return new Sequential(fc1, Activation.tanh(), fc2);
  }

  /** The seed's calculate_loss: (Σ cross-entropy + λ/2 Σ W²) / N. */
  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  private static double seedLoss(Sequential net, Variable x, int[] labels) {
    try (NoGrad g = NoGrad.enter()) {
      double ce = F.softmaxCrossEntropy(net.forward(x), labels).item();
      Linear fc1 = (Linear) net.get(0);
      Linear fc2 = (Linear) net.get(2);
      double reg = F.l2Penalty(LAMBDA, fc1.weight, fc2.weight).item();
      return ce + reg / labels.length;
    }
  }

  @SuppressWarnings("try")  // the NoGrad scope is used for its effect
  static int[] predict(Sequential net, Tensor x) {
    try (NoGrad g = NoGrad.enter()) {
      return Metrics.argmax(net.forward(Variable.of(x)).data());
    }
  }

  /**
   * Trains one network of {@code hidden} units for {@code passes} full-batch steps; prints the
   * loss every 1000 passes into {@code lossLog} when it is not null.
   */
  static Sequential train(int hidden, TensorDataset data, int passes, long seed,
      Map<Integer, Double> lossLog) {
    Sequential net = network(hidden, new SplittableRandom(seed));
    Variable x = Variable.of(data.features());
    int[] labels = data.labels();
    int n = labels.length;
    Optimizer opt = new Sgd(net.parameters(), LR).addHook(WeightDecay.weightsOnly(LAMBDA));
    // Summed cross-entropy, the mean times N, so the gradient is the seed's delta3 sums. One
    // call per pass: the five-line loop (F.mul(F.softmaxCrossEntropy(net.forward(x), labels),
    // n), zeroGrad, backward, step) compiled, with the same numbers.
    TrainStep step = TrainStep.of(net, StepLoss.SOFTMAX_CROSS_ENTROPY_SUM, opt);
    for (int i = 0; i < passes; i++) {
      if (lossLog != null && i % 1000 == 0) {
        lossLog.put(i, seedLoss(net, x, labels));
      }
      step.run(x.data(), labels);
    }
    if (lossLog != null) {
      lossLog.put(passes, seedLoss(net, x, labels));
    }
    return net;
  }

  /** Runs the experiment: H = 3 with its loss log, then every hidden size; draws the figures. */
  public static Result run(DemoContext ctx) throws IOException {
    int passes = ctx.pick(20_000, 2_000);
    TensorDataset train = Generators.makeMoons(200, 0.20, 0);
    TensorDataset test = Generators.makeMoons(1000, 0.20, 1);
    ctx.printf("make_moons(200, noise=0.20, random_state=0); held out: make_moons(1000, "
        + "noise=0.20, random_state=1)%n");
    ctx.printf("2-H-2 net, tanh + softmax, full-batch GD lr %.2f, summed cross-entropy, L2 %.2f"
        + " on weights, %d passes%n%n", LR, LAMBDA, passes);

    Map<Integer, Double> lossH3 = new LinkedHashMap<>();
    List<Run> runs = new ArrayList<>();
    List<Panel> panels = new ArrayList<>();
    for (int h : HIDDEN) {
      Sequential net = train(h, train, passes, ctx.seed(), h == 3 ? lossH3 : null);
      if (h == 3) {
        ctx.println("H = 3:");
        lossH3.forEach((i, l) -> ctx.printf("  Loss after iteration %d: %f%n", i, l));
        ctx.println("");
      }
      double trainAcc = Metrics.accuracy(predict(net, train.features()), train.labels());
      double testAcc = Metrics.accuracy(predict(net, test.features()), test.labels());
      double loss = seedLoss(net, Variable.of(train.features()), train.labels());
      runs.add(new Run(h, trainAcc, testAcc, loss));
      panels.add(DecisionRegions.ofTensor(t -> predict(net, t), train.features(), train.labels())
          .title(String.format(java.util.Locale.ROOT, "H = %d: train %.3f, held-out %.3f", h,
              trainAcc, testAcc))
          .classNames("upper moon", "lower moon")
          .resolution(150)
          .markerSize(6));
    }
    ctx.println(" H   train acc   held-out acc   loss");
    for (Run r : runs) {
      ctx.printf("%2d   %.3f       %.3f          %.4f%n", r.hidden(), r.trainAccuracy(),
          r.heldOutAccuracy(), r.finalLoss());
    }

    double[] hs = new double[runs.size()];
    double[] tr = new double[runs.size()];
    double[] te = new double[runs.size()];
    for (int i = 0; i < hs.length; i++) {
      hs[i] = Math.log(runs.get(i).hidden()) / Math.log(2);
      tr[i] = runs.get(i).trainAccuracy();
      te[i] = runs.get(i).heldOutAccuracy();
    }
    LinePlot acc = new LinePlot("Accuracy vs hidden size H")
        .xLabel("log2 H   (H = 1, 2, 3, 4, 5, 20, 50 hidden units)")
        .yLabel("accuracy").series("train (200 points)", hs, tr)
        .series("held-out (1000 points)", hs, te, LinePlot.Line.DASHED).markers(true);
    panels.add(acc);
    Figure fig = Figure.grid(4, panels).title("make_moons: a 2-H-2 tanh network, "
        + passes + " passes of gradient descent").size(1600, 820);
    ctx.save(fig, "moons.png");
    ctx.save(Figure.of(acc).size(640, 420), "moons-accuracy.png");
    return new Result(runs, passes, lossH3);
  }
}
