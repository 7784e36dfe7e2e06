package dev.kairo.bench;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.data.NumpyRandomState;
import dev.kairo.functions.F;
import dev.kairo.nn.Activation;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Sgd;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.StepLoss;
import dev.kairo.train.TrainStep;

/**
 * Workload W5b of WORKLOADS.md, seed 000 as a Kairo user writes it: 64 points
 * {@code x = arange(-1, 1, 2/64)}, {@code y = 2x² − 1}; a 1-1024-1 network (ReLU hidden,
 * linear out), all weights and biases drawn from U(−0.5, 0.5); 1000 epochs, each a fresh
 * shuffle of the 64 indices and one SGD step (lr 0.005) per sample on ½(ŷ − y)². Prints one
 * JSON line: wall time and the final mean squared error over the 64 points.
 *
 * <p>Each step is one {@link TrainStep#run} call, which runs this network as a compiled
 * program; {@code --recorded} times the five-line loop instead ({@code F.sumSquaredError},
 * {@code zeroGrad}, {@code backward}, {@code step}), which gives the same bits.
 *
 * <p>Kairo computes in float32 (its one dtype); the peers run the recipe's float64.
 *
 * <p>Timed after a warm-up, as WORKLOADS.md asks: {@code --warmup} epochs (default
 * {@value #WARMUP}: one whole untimed run) of the same training on a throwaway network
 * first; the peers' script also times its second whole run. {@code --warmup 0} gives the
 * cold time of a fresh JVM.
 *
 * <pre>
 * java -cp kairo-bench/target/kairo-bench.jar dev.kairo.bench.W5Regression \
 *     [--epochs 1000] [--warmup 1000] [--recorded]
 * </pre>
 */
public final class W5Regression {
  /** Untimed epochs on a throwaway network before the timed run. */
  static final int WARMUP = 1000;

  private W5Regression() {}

  public static void main(String[] args) {
    int epochs = BenchArgs.intOption(args, "--epochs", 1000);
    int warmup = BenchArgs.intOption(args, "--warmup", WARMUP);
    boolean recorded = BenchArgs.flag(args, "--recorded");
    int n = 64;
    float[] xs = new float[n];
    float[] ys = new float[n];
    for (int i = 0; i < n; i++) {
      xs[i] = (float) (-1 + i * (2.0 / n));
      ys[i] = 2 * xs[i] * xs[i] - 1;
    }
    // One [1, 1] input and target per sample, made once: the loop below only reads them.
    Variable[] x = new Variable[n];
    Variable[] t = new Variable[n];
    for (int i = 0; i < n; i++) {
      x[i] = Variable.of(Tensor.of(new float[] {xs[i]}, 1, 1));
      t[i] = Variable.of(Tensor.of(new float[] {ys[i]}, 1, 1));
    }
    NumpyRandomState warm = new NumpyRandomState(0);
    train(network(warm), warm, x, t, warmup, recorded);

    NumpyRandomState np = new NumpyRandomState(0);
    Sequential net = network(np);
    long t0 = System.nanoTime();
    train(net, np, x, t, epochs, recorded);
    double seconds = (System.nanoTime() - t0) / 1e9;

    double mse = 0;
    try (NoGrad g = NoGrad.enter()) {
      Tensor pred = net.forward(Variable.of(Tensor.of(xs, n, 1))).data();
      for (int i = 0; i < n; i++) {
        double d = pred.get(i, 0) - ys[i];
        mse += d * d / n;
      }
    }
    BenchOutput.line("W5b", recorded ? "kairo-recorded" : "kairo", seconds, mse, "final_mse");
  }

  /** The 1-1024-1 network drawn from {@code np} (w1, w2, b1, b2: the NumPy program's order). */
  private static Sequential network(NumpyRandomState np) {
    Linear hidden = new Linear(1, 1024);
    Linear out = new Linear(1024, 1);
    hidden.weight.setData(uniform(np, 1024, 1));
    out.weight.setData(uniform(np, 1, 1024));
    hidden.bias.setData(uniform(np, 1024));
    out.bias.setData(uniform(np, 1));
    return new Sequential(hidden, Activation.of("relu", Double.NaN), out);
  }

  /** {@code epochs} epochs, each a shuffle from {@code np}, of per-sample SGD, lr 0.005. */
  private static void train(Sequential net, NumpyRandomState np, Variable[] x, Variable[] t,
      int epochs, boolean recorded) {
    Sgd opt = new Sgd(net.parameters(), 0.005);
    TrainStep step = TrainStep.of(net, StepLoss.HALF_SUM_SQUARED_ERROR, opt);
    if (!recorded && !step.compiled()) {
      throw new IllegalStateException("W5b: expected a compiled step, got " + step);
    }
    int[] order = new int[x.length];
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(np, order);
      for (int i : order) {
        if (recorded) {
          Variable loss = F.sumSquaredError(net.forward(x[i]), t[i]);
          opt.zeroGrad();
          loss.backward();
          opt.step();
        } else {
          step.run(x[i].data(), t[i].data());
        }
      }
    }
  }

  private static Tensor uniform(NumpyRandomState np, int... shape) {
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) np.uniform(-0.5, 0.5);
    }
    return Tensor.of(v, shape);
  }

  /** numpy.random.permutation(64) with the same generator: Fisher-Yates from the back. */
  static void shuffle(NumpyRandomState np, int[] order) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = (int) np.randomInterval(i);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }
}
