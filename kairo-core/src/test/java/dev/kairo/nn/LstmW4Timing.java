package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Gemm;
import dev.kairo.tensor.Parallel;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Not a test: times WORKLOADS.md's W4 shape (batch 128, 28 steps of 28 features, one LSTM
 * layer of 128, last h -> FC(128 -> 10), softmax cross-entropy), forward + backward, and the
 * whole step with Adam. Run with the test classpath:
 * {@code java -cp ... dev.kairo.nn.LstmW4Timing [iterations]}; the PyTorch twin is
 * {@code src/test/python/lstm_w4_timing.py}.
 */
public final class LstmW4Timing {
  private LstmW4Timing() {}

  public static void main(String[] args) {
    int iters = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int n = 128;
    LSTM lstm = LSTM.builder(28, 128).seed(1).build();
    Linear fc = new Linear(128, 10, true, new SplittableRandom(2));
    List<Parameter> ps = new ArrayList<>(lstm.parameters());
    ps.addAll(fc.parameters());
    Optimizer opt = new Adam(ps, 1e-3);
    Tensor x = Tensor.uniform(0, 1, 3L, n, 28, 28);
    int[] labels = new int[n];
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(10);
    }
    System.out.println("GEMM: " + Gemm.backendName() + ", threads " + Parallel.threads());
    for (boolean withStep : new boolean[] {false, true}) {
      double[] fwd = new double[iters];
      double[] total = new double[iters];
      for (int it = -30; it < iters; it++) {
        long t0 = System.nanoTime();
        Variable h = F.reshape(lstm.forwardWithState(Variable.of(x)).h(), n, 128);
        Variable loss = F.softmaxCrossEntropy(fc.forward(h), labels);
        long t1 = System.nanoTime();
        opt.zeroGrad();
        loss.backward();
        if (withStep) {
          opt.step();
        }
        long t2 = System.nanoTime();
        if (it >= 0) {
          fwd[it] = (t1 - t0) / 1e6;
          total[it] = (t2 - t0) / 1e6;
        }
      }
      Arrays.sort(fwd);
      Arrays.sort(total);
      System.out.printf("W4 %s: median %.2f ms per batch (forward %.2f ms), min %.2f ms, "
          + "%.0f samples/s%n", withStep ? "forward+backward+Adam" : "forward+backward",
          total[iters / 2], fwd[iters / 2], total[0], n / (total[iters / 2] / 1e3));
    }
  }
}
