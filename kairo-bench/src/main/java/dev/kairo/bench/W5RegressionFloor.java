package dev.kairo.bench;

import dev.kairo.data.NumpyRandomState;

/**
 * What the JVM itself reaches on workload W5b with no library at all: the 1-1024-1 ReLU
 * network's forward pass, backward pass and SGD update written out by hand as two fused loops
 * over plain float arrays, with no graph, no tensors and no allocation. Same recipe as
 * {@link W5Regression}: float32, weights drawn in the same order from the same generator, the
 * same shuffles, one whole untimed run as warm-up, then the timed run.
 *
 * <p>This is a reference point for reading W5b's figures, not a way to train: the time a
 * program specialised to this one network needs, which a general library can approach but
 * hardly beat. (It is not a hard bound: the step loop is vectorised by the JIT, the forward
 * dot product is not; a Vector API version of it read about the same, 0.09-0.15 s against
 * 0.14, in a throwaway test. Like any JVM program it also depends on the JIT's settings: with
 * {@code kairo-jvm.args}'s {@code -XX:InlineSmallCode=1000} it took 0.103-0.105 s instead of
 * 0.137-0.140.) Prints one JSON line, impl {@code java-floor}.
 *
 * <pre>
 * java -cp kairo-bench/target/kairo-bench.jar dev.kairo.bench.W5RegressionFloor \
 *     [--epochs 1000] [--warmup 1000]
 * </pre>
 */
public final class W5RegressionFloor {
  private static final int HIDDEN = 1024;
  private static final int POINTS = 64;
  private static final float LR = 0.005f;

  private final float[] w1 = new float[HIDDEN];
  private final float[] b1 = new float[HIDDEN];
  private final float[] w2 = new float[HIDDEN];
  private float b2;
  private final float[] h = new float[HIDDEN];

  /** Draws w1, w2, b1, b2 from U(-0.5, 0.5) in the NumPy program's order. */
  private W5RegressionFloor(NumpyRandomState np) {
    for (float[] a : new float[][] {w1, w2, b1}) {
      for (int i = 0; i < HIDDEN; i++) {
        a[i] = (float) np.uniform(-0.5, 0.5);
      }
    }
    b2 = (float) np.uniform(-0.5, 0.5);
  }

  public static void main(String[] args) {
    int epochs = BenchArgs.intOption(args, "--epochs", 1000);
    int warmup = BenchArgs.intOption(args, "--warmup", W5Regression.WARMUP);
    float[] xs = new float[POINTS];
    float[] ys = new float[POINTS];
    for (int i = 0; i < POINTS; i++) {
      xs[i] = (float) (-1 + i * (2.0 / POINTS));
      ys[i] = 2 * xs[i] * xs[i] - 1;
    }
    NumpyRandomState warm = new NumpyRandomState(0);
    new W5RegressionFloor(warm).train(warm, xs, ys, warmup);

    NumpyRandomState np = new NumpyRandomState(0);
    W5RegressionFloor net = new W5RegressionFloor(np);
    long t0 = System.nanoTime();
    net.train(np, xs, ys, epochs);
    double seconds = (System.nanoTime() - t0) / 1e9;

    double mse = 0;
    for (int i = 0; i < POINTS; i++) {
      double d = net.forward(xs[i]) - ys[i];
      mse += d * d / POINTS;
    }
    BenchOutput.line("W5b", "java-floor", seconds, mse, "final_mse");
  }

  private void train(NumpyRandomState np, float[] xs, float[] ys, int epochs) {
    int[] order = new int[POINTS];
    for (int epoch = 0; epoch < epochs; epoch++) {
      W5Regression.shuffle(np, order);
      for (int i : order) {
        step(xs[i], ys[i]);
      }
    }
  }

  /** ŷ for one input; leaves the hidden activations in {@code h}. */
  private float forward(float x) {
    // Four running sums so that the adds do not wait on each other.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    for (int i = 0; i < HIDDEN; i += 4) {
      float a0 = Math.max(0f, w1[i] * x + b1[i]);
      float a1 = Math.max(0f, w1[i + 1] * x + b1[i + 1]);
      float a2 = Math.max(0f, w1[i + 2] * x + b1[i + 2]);
      float a3 = Math.max(0f, w1[i + 3] * x + b1[i + 3]);
      h[i] = a0;
      h[i + 1] = a1;
      h[i + 2] = a2;
      h[i + 3] = a3;
      s0 += a0 * w2[i];
      s1 += a1 * w2[i + 1];
      s2 += a2 * w2[i + 2];
      s3 += a3 * w2[i + 3];
    }
    return b2 + ((s0 + s1) + (s2 + s3));
  }

  /** One SGD step on ½(ŷ − y)²: backward and update in one pass over the hidden units. */
  private void step(float x, float y) {
    float gy = forward(x) - y;
    for (int i = 0; i < HIDDEN; i++) {
      float gh = h[i] > 0f ? gy * w2[i] : 0f;
      w2[i] -= LR * gy * h[i];
      w1[i] -= LR * gh * x;
      b1[i] -= LR * gh;
    }
    b2 -= LR * gy;
  }
}
