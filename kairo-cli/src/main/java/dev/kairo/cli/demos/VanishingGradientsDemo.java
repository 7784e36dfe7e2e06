package dev.kairo.cli.demos;

import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.nn.Activation;
import dev.kairo.nn.BatchNorm;
import dev.kairo.nn.Init;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Sgd;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.History;
import dev.kairo.train.LossFunction;
import dev.kairo.train.Trainer;
import dev.kairo.train.callbacks.GradientNorms;
import dev.kairo.viz.Figure;
import dev.kairo.viz.GradientNormCurves;
import dev.kairo.viz.LinePlot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The vanishing gradient problem (勾配消失, seeds 002 and 004), measured: three networks of
 * {@value #DEPTH} hidden layers of {@value #WIDTH} units on the same task, CS231n's three-arm
 * spiral (600 points), trained briefly with the same SGD, while the {@code GradientNorms}
 * callback records the norm of every layer's weight gradient at every step.
 *
 * <ul>
 *   <li>sigmoid with Kairo's default initialisation (PyTorch's: U(±1/√fan-in)): each layer
 *       multiplies the backward signal by σ' ≤ 1/4 times small weights, so the layers near
 *       the input get gradients orders of magnitude smaller than the last one;
 *   <li>ReLU with He initialisation (N(0, 2/fan-in)): the signal keeps its size through the
 *       layers;
 *   <li>sigmoid with batch normalisation before each sigmoid (the seed's バッチ正規化): the
 *       same activation, but each layer's input is re-centred where σ' is largest.
 * </ul>
 *
 * The number printed for each is the mean gradient norm of the first layer divided by that of
 * the last (output) layer over the first epoch.
 */
public final class VanishingGradientsDemo {
  /** Hidden layers. */
  public static final int DEPTH = 10;
  /** Units per hidden layer. */
  public static final int WIDTH = 32;
  private static final double LR = 0.05;
  private static final int BATCH = 32;
  private static final int SMOOTH = 10;

  private VanishingGradientsDemo() {}

  /** One network's gradient norms: per layer over the first epoch, and per step. */
  public record Net(String name, double[] firstEpochNorms, Map<String, double[]> perStep,
      double ratio, double trainAccuracy) {}

  /** The three networks. */
  public record Result(List<Net> nets, int epochs) {
    /** The network with this name. */
    public Net get(String name) {
      return nets.stream().filter(n -> n.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no network named " + name));
    }
  }

  /** The names of the three networks. */
  public static final String SIGMOID = "sigmoid";
  /** ReLU with He initialisation. */
  public static final String RELU_HE = "ReLU + He init";
  /** Sigmoid after batch normalisation. */
  public static final String SIGMOID_BN = "sigmoid + batch norm";

  static Sequential network(String kind, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Sequential net = new Sequential();
    int in = 2;
    for (int d = 0; d < DEPTH; d++) {
      Linear l = new Linear(in, WIDTH, true, rng);
      switch (kind) {
        case SIGMOID -> net.add(l).add(Activation.sigmoid());
        case RELU_HE -> {
          l.weight.setData(Init.heNormal(rng, WIDTH, in));
          l.bias.setData(Tensor.zeros(WIDTH));
          net.add(l).add(Activation.relu());
        }
        case SIGMOID_BN -> net.add(l).add(new BatchNorm(WIDTH)).add(Activation.sigmoid());
        default -> throw new IllegalArgumentException(kind);
      }
      in = WIDTH;
    }
    net.add(new Linear(in, 3, true, rng));
    return net;
  }

  /** Trains the three networks briefly and compares their gradient norms layer by layer. */
  public static Result run(DemoContext ctx) throws IOException {
    int epochs = ctx.pick(10, 2);
    TensorDataset spiral = Generators.spirals(600, 3, 0.2, ctx.seed());
    ctx.printf("%d hidden layers of %d units on a 3-arm spiral (600 points); SGD lr %.2f, "
        + "batch %d, %d epochs%n", DEPTH, WIDTH, LR, BATCH, epochs);
    ctx.println("gradient norm of each layer's weights, mean over the first epoch "
        + "(layer 1 = input side, " + (DEPTH + 1) + " = output):");
    List<Net> nets = new ArrayList<>();
    for (String kind : List.of(SIGMOID, RELU_HE, SIGMOID_BN)) {
      Sequential net = network(kind, ctx.seed());
      GradientNorms norms = new GradientNorms();
      Trainer t = Trainer.builder(net, new Sgd(net.parameters(), LR),
              LossFunction.softmaxCrossEntropy())
          .epochs(epochs).batchSize(BATCH).seed(ctx.seed()).prefetch(false)
          .callbacks(norms).build();
      History h = t.fit(spiral);
      Map<String, double[]> means = norms.epochMeans();
      double[] first = new double[means.size()];
      Map<String, double[]> steps = new LinkedHashMap<>();
      int i = 0;
      for (Map.Entry<String, double[]> e : norms.perStep().entrySet()) {
        first[i] = means.get(e.getKey())[0];
        steps.put("layer " + (i + 1), e.getValue());
        i++;
      }
      double ratio = first[0] / first[first.length - 1];
      double acc = h.last().get("accuracy");
      nets.add(new Net(kind, first, steps, ratio, acc));
      StringBuilder row = new StringBuilder(String.format("  %-22s", kind));
      for (double v : first) {
        row.append(String.format(Locale.ROOT, " %8.1e", v));
      }
      ctx.println(row.toString());
    }
    ctx.println("");
    ctx.println("first layer / last layer gradient norm, and training accuracy after "
        + epochs + " epochs:");
    for (Net n : nets) {
      ctx.printf("  %-22s ratio %.2e   accuracy %.3f%n", n.name(), n.ratio(),
          n.trainAccuracy());
    }
    double sig = nets.get(0).ratio();
    double relu = nets.get(1).ratio();
    ctx.printf("the sigmoid network's ratio is %.1e times the ReLU + He one's%n", sig / relu);

    double[] layers = new double[DEPTH + 1];
    for (int i = 0; i < layers.length; i++) {
      layers[i] = i + 1;
    }
    LinePlot perLayer = new LinePlot("Gradient norm by layer (first epoch)")
        .xLabel("layer (1 = input side)").yLabel("mean gradient norm").logY(true)
        .markers(true);
    LinePlot.Line[] lines = {LinePlot.Line.SOLID, LinePlot.Line.DASHED, LinePlot.Line.DOTTED};
    for (int i = 0; i < nets.size(); i++) {
      perLayer.series(nets.get(i).name(), layers, nets.get(i).firstEpochNorms(), lines[i]);
    }
    Figure fig = new Figure(2, 2).add(perLayer);
    for (Net n : nets) {
      // Means over blocks of SMOOTH steps: the trend, without the step-to-step noise.
      Map<String, double[]> smooth = new LinkedHashMap<>();
      double[] at = null;
      int layer = 0;
      for (Map.Entry<String, double[]> e : n.perStep().entrySet()) {
        if (layer++ % 2 == 1) {
          continue;  // every other layer: 1, 3, ..., 11 (all eleven are a tangle)
        }
        double[] v = e.getValue();
        int blocks = (v.length + SMOOTH - 1) / SMOOTH;
        double[] m = new double[blocks];
        at = new double[blocks];
        for (int b = 0; b < blocks; b++) {
          int from = b * SMOOTH;
          int to = Math.min(v.length, from + SMOOTH);
          double sum = 0;
          for (int k = from; k < to; k++) {
            sum += v[k];
          }
          m[b] = sum / (to - from);
          at[b] = (from + to + 1) / 2.0;
        }
        smooth.put(e.getKey(), m);
      }
      fig.add(GradientNormCurves.of(smooth).steps(at).title(String.format(Locale.ROOT,
          "%s: first/last = %.1e", n.name(), n.ratio()))
          .xLabel("step (means over " + SMOOTH + " steps)"));
    }
    ctx.save(fig.title(DEPTH + " hidden layers of " + WIDTH + ": where the gradient vanishes")
        .size(1040, 740), "vanishing-gradients.png");
    return new Result(nets, epochs);
  }
}
