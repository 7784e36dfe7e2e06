package dev.kairo.bench;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.NumpyRandomState;
import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Sgd;
import dev.kairo.optim.WeightDecay;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.StepLoss;
import dev.kairo.train.TrainStep;

/**
 * Workload W5a of WORKLOADS.md, seed 003 as a Kairo user writes it: make_moons(200, noise
 * 0.20, random_state 0), a 2-3-2 network (tanh hidden, softmax out), full-batch gradient
 * descent for 20,000 passes with {@code W -= 0.01 (Σ ∂CE/∂W + 0.01 W)} (summed cross-entropy,
 * L2 on the weights only), weights initialised exactly as the NumPy program does
 * ({@code np.random.seed(0)}; {@code randn(2, 3) / √2}, {@code randn(3, 2) / √3}), biases 0.
 * Prints one JSON line: wall time of the 20,000 passes and the training accuracy.
 *
 * <p>Each pass is one {@link TrainStep#run} call, which runs this network as a compiled
 * program; {@code --recorded} times the five-line loop instead ({@code F.mul(F
 * .softmaxCrossEntropy(net.forward(x), y), n)}, {@code zeroGrad}, {@code backward},
 * {@code step}), which records a graph each pass and gives the same bits.
 *
 * <p>Kairo computes in float32 (its one dtype); the peers run the recipe's float64. The
 * accuracy line shows the result is the same.
 *
 * <p>WORKLOADS.md times each figure "after a warm-up": before the clock starts, the same
 * training runs on a throwaway copy of the network for {@code --warmup} passes (default
 * {@value #WARMUP}: one whole untimed run), so the timed passes run compiled code, as in a
 * long-running JVM. The peers' script also times its second whole run. {@code --warmup 0}
 * gives the cold time of a fresh JVM (class loading, OpenBLAS start-up and JIT included).
 *
 * <pre>
 * java -cp kairo-bench/target/kairo-bench.jar dev.kairo.bench.W5Moons \
 *     [--passes 20000] [--warmup 20000] [--recorded]
 * </pre>
 */
public final class W5Moons {
  /** Untimed passes on a throwaway network before the timed run. */
  static final int WARMUP = 20000;

  private W5Moons() {}

  public static void main(String[] args) {
    int passes = BenchArgs.intOption(args, "--passes", 20000);
    int warmup = BenchArgs.intOption(args, "--warmup", WARMUP);
    boolean recorded = BenchArgs.flag(args, "--recorded");
    TensorDataset moons = Generators.makeMoons(200, 0.20, 0);
    Variable x = Variable.of(moons.features());
    int[] y = moons.labels();
    train(network(), x, y, warmup, recorded);

    Sequential net = network();
    long t0 = System.nanoTime();
    train(net, x, y, passes, recorded);
    double seconds = (System.nanoTime() - t0) / 1e9;

    int correct = 0;
    try (NoGrad g = NoGrad.enter()) {
      Tensor logits = net.forward(x).data();
      for (int i = 0; i < y.length; i++) {
        correct += (logits.get(i, 1) > logits.get(i, 0) ? 1 : 0) == y[i] ? 1 : 0;
      }
    }
    BenchOutput.line("W5a", recorded ? "kairo-recorded" : "kairo", seconds, correct / (double) y.length, "train_accuracy");
  }

  /** The 2-3-2 network, initialised as seed 003's NumPy program does. */
  private static Sequential network() {
    Sequential net = new Sequential(new Linear(2, 3), Activation.of("tanh", Double.NaN),
        new Linear(3, 2));
    NumpyRandomState np = new NumpyRandomState(0);
    setNumpyStyle((Linear) net.get(0), np, 2, 3);
    setNumpyStyle((Linear) net.get(2), np, 3, 2);
    return net;
  }

  /** Full-batch gradient descent on the summed cross-entropy, L2 0.01 on the weights. */
  private static void train(Sequential net, Variable x, int[] y, int passes, boolean recorded) {
    Sgd opt = new Sgd(net.parameters(), 0.01);
    opt.addHook(WeightDecay.weightsOnly(0.01));
    if (recorded) {
      float n = y.length;
      for (int pass = 0; pass < passes; pass++) {
        Variable loss = F.mul(F.softmaxCrossEntropy(net.forward(x), y), n);
        opt.zeroGrad();
        loss.backward();
        opt.step();
      }
      return;
    }
    TrainStep step = TrainStep.of(net, StepLoss.SOFTMAX_CROSS_ENTROPY_SUM, opt);
    if (!step.compiled()) {
      throw new IllegalStateException("W5a: expected a compiled step, got " + step);
    }
    for (int pass = 0; pass < passes; pass++) {
      step.run(x.data(), y);
    }
  }

  /** W = randn(in, out) / √in as NumPy draws it, stored as Kairo's [out, in]; b = 0. */
  static void setNumpyStyle(Linear layer, NumpyRandomState np, int in, int out) {
    float[] w = new float[out * in];
    double scale = 1 / Math.sqrt(in);
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        w[o * in + i] = (float) (np.standardNormal() * scale);
      }
    }
    layer.weight.setData(Tensor.of(w, out, in));
    layer.bias.setData(Tensor.zeros(out));
  }
}
