package dev.kairo.cli.demos;

import dev.kairo.data.TensorDataset;
import dev.kairo.data.generate.Generators;
import dev.kairo.models.HebbianMemory;
import dev.kairo.models.Perceptron;
import dev.kairo.tensor.Tensor;
import dev.kairo.train.Metrics;
import dev.kairo.viz.DecisionRegions;
import dev.kairo.viz.Figure;
import dev.kairo.viz.LinePlot;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seed 000's history, run: Rosenblatt's perceptron rule on linearly separable points stops
 * after finitely many mistakes, as the convergence theorem (which the seed credits to Minsky)
 * promises, and within Novikoff's bound (R/γ)²; on XOR's four points it never stops, because
 * no line separates them. Then Hebb's rule (1949), the seed's root of learning: a linear
 * associative memory stores three pairs of bipolar patterns and recalls them from keys with
 * some bits flipped.
 *
 * <p>The separable set is 200 points drawn uniformly from the square [-1, 1]², labelled by the
 * side of the line {@code x2 = 0.5·x1 + 0.3} they lie on, with points closer than 0.03 to the
 * line left out (so the margin γ is known). The Hebbian memory maps random 32-bit keys to
 * 16-bit patterns.
 */
public final class PerceptronDemo {
  /** The line that labels the separable set: u·x + ub > 0 is class 1. */
  private static final float[] U = {-0.5f, 1f};
  private static final float UB = -0.3f;
  private static final double MARGIN = 0.03;
  private static final int KEY_BITS = 32;
  private static final int VALUE_BITS = 16;
  private static final int PAIRS = 3;

  private PerceptronDemo() {}

  /** The numbers of the three experiments. */
  public record Result(List<Integer> separableMistakes, boolean separableConverged,
      int separableTotal, double novikoffBound, List<Integer> xorMistakes, boolean xorConverged,
      double xorFinalAccuracy, double[] hebbBitAccuracy, double[] hebbExactRecall) {}

  /** 200 points in [-1, 1]² at least 0.03 from the line x2 = 0.5 x1 + 0.3, labelled by side. */
  static TensorDataset separable(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 200;
    float[] x = new float[2 * n];
    float[] y = new float[n];
    double norm = Math.hypot(U[0], U[1]);
    for (int i = 0; i < n; ) {
      float a = (float) (rng.nextDouble() * 2 - 1);
      float b = (float) (rng.nextDouble() * 2 - 1);
      double s = U[0] * a + U[1] * b + UB;
      if (Math.abs(s) / norm < MARGIN) {
        continue;
      }
      x[2 * i] = a;
      x[2 * i + 1] = b;
      y[i] = s > 0 ? 1 : 0;
      i++;
    }
    return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n), 2);
  }

  /** Runs the perceptron on both sets and the Hebbian memory; draws the four panels. */
  public static Result run(DemoContext ctx) throws IOException {
    int xorEpochs = 100;
    int trials = ctx.pick(500, 100);

    TensorDataset sep = separable(ctx.seed());
    Perceptron p = new Perceptron(2, 1.0);
    Perceptron.Result rs = p.train(sep.features(), sep.labels(), 1000);
    double bound = Perceptron.novikoffBound(sep.features(), sep.labels(), U, UB);
    ctx.printf("1. Perceptron rule on %d linearly separable points (margin %.2f around "
        + "x2 = 0.5 x1 + 0.3)%n", sep.size(), MARGIN);
    ctx.println("   mistakes per epoch: " + rs.mistakesPerEpoch());
    ctx.printf("   converged: %s after %d epochs; %d mistakes in all, Novikoff's bound "
        + "(R/gamma)^2 = %.1f%n", rs.converged(), rs.mistakesPerEpoch().size(),
        rs.totalMistakes(), bound);
    ctx.printf("   learned line: %.3f x1 %+.3f x2 %+.3f = 0%n%n", p.weights()[0],
        p.weights()[1], p.bias());

    TensorDataset xor = Generators.xorTruthTable();
    Perceptron px = new Perceptron(2, 1.0);
    Perceptron.Result rx = px.train(xor.features(), xor.labels(), xorEpochs);
    double xorAcc = Metrics.accuracy(px.predict(xor.features()), xor.labels());
    ctx.println("2. Perceptron rule on XOR (0,0)->0 (0,1)->1 (1,0)->1 (1,1)->0, "
        + xorEpochs + " epochs");
    ctx.println("   mistakes per epoch (first 12): " + rx.mistakesPerEpoch().subList(0, 12)
        + " ...");
    ctx.printf("   converged: %s; fewest mistakes in an epoch: %d; accuracy at the end %.2f "
        + "(no line separates XOR)%n%n", rx.converged(),
        rx.mistakesPerEpoch().stream().mapToInt(Integer::intValue).min().orElse(-1), xorAcc);

    // Hebb's rule: three random bipolar pairs.
    SplittableRandom rng = new SplittableRandom(ctx.seed() + 1);
    float[][] keys = new float[PAIRS][];
    float[][] values = new float[PAIRS][];
    HebbianMemory mem = new HebbianMemory(KEY_BITS, VALUE_BITS);
    for (int k = 0; k < PAIRS; k++) {
      keys[k] = bipolar(KEY_BITS, rng);
      values[k] = bipolar(VALUE_BITS, rng);
      mem.store(keys[k], values[k]);
    }
    int maxFlips = KEY_BITS / 2;
    double[] bitAcc = new double[maxFlips + 1];
    double[] exact = new double[maxFlips + 1];
    ctx.printf("3. Hebb's rule: W += y x^T / n for %d pairs of random bipolar patterns (%d-bit "
        + "keys, %d-bit values);%n   recall sign(W x) from keys with bits flipped (%d trials "
        + "per pair)%n", PAIRS, KEY_BITS, VALUE_BITS, trials);
    ctx.println("   flipped bits   bits recalled   patterns recalled exactly");
    for (int f = 0; f <= maxFlips; f++) {
      long bitsOk = 0;
      long exactOk = 0;
      for (int k = 0; k < PAIRS; k++) {
        for (int t = 0; t < trials; t++) {
          float[] noisy = flip(keys[k], f, rng);
          float[] r = mem.recall(noisy);
          int ok = 0;
          for (int i = 0; i < VALUE_BITS; i++) {
            ok += r[i] == values[k][i] ? 1 : 0;
          }
          bitsOk += ok;
          exactOk += ok == VALUE_BITS ? 1 : 0;
        }
      }
      bitAcc[f] = (double) bitsOk / ((long) PAIRS * trials * VALUE_BITS);
      exact[f] = (double) exactOk / ((long) PAIRS * trials);
      if (f % 2 == 0) {
        ctx.printf("   %2d             %.3f           %.3f%n", f, bitAcc[f], exact[f]);
      }
    }

    DecisionRegions sepPanel = DecisionRegions.ofTensor(p::predict, sep.features(), sep.labels())
        .title(String.format(Locale.ROOT, "Separable: converged after %d mistakes (bound %.0f)",
            rs.totalMistakes(), bound))
        .bounds(-1.1, 1.1, -1.1, 1.1).resolution(220).markerSize(7)
        .classNames("class 0", "class 1").xLabel("x1").yLabel("x2");
    DecisionRegions xorPanel = DecisionRegions.ofTensor(px::predict, xor.features(),
            xor.labels())
        .title(String.format(Locale.ROOT,
            "XOR: the rule never settles (accuracy %.2f after %d epochs)", xorAcc, xorEpochs))
        .bounds(-0.5, 1.5, -0.5, 1.5).resolution(220).markerSize(16)
        .classNames("XOR = 0", "XOR = 1").xLabel("x1").yLabel("x2");
    LinePlot mistakes = new LinePlot("Perceptron mistakes per epoch").xLabel("epoch")
        .yLabel("mistakes")
        .series("separable (" + sep.size() + " points)", epochs(rs.mistakesPerEpoch().size()),
            toDouble(rs.mistakesPerEpoch()))
        .series("XOR (4 points)", epochs(rx.mistakesPerEpoch().size()),
            toDouble(rx.mistakesPerEpoch()), LinePlot.Line.DASHED)
        .xRange(1, Math.max(30, rs.mistakesPerEpoch().size())).markers(true);
    double[] fl = new double[maxFlips + 1];
    for (int f = 0; f <= maxFlips; f++) {
      fl[f] = f;
    }
    LinePlot hebb = new LinePlot("Hebbian memory: recall from noisy keys")
        .xLabel("bits flipped in the " + KEY_BITS + "-bit key").yLabel("recall rate")
        .series("bits right", fl, bitAcc)
        .series("whole pattern right", fl, exact, LinePlot.Line.DASHED)
        .yRange(0, 1.05).markers(true);
    ctx.save(new Figure(2, 2).add(sepPanel).add(xorPanel).add(mistakes).add(hebb)
        .title("Seed 000: the perceptron rule and Hebb's rule").size(1200, 920),
        "perceptron.png");
    return new Result(rs.mistakesPerEpoch(), rs.converged(), rs.totalMistakes(), bound,
        rx.mistakesPerEpoch(), rx.converged(), xorAcc, bitAcc, exact);
  }

  private static float[] bipolar(int n, SplittableRandom rng) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextBoolean() ? 1f : -1f;
    }
    return v;
  }

  /** A copy of {@code key} with {@code f} distinct random bits flipped. */
  private static float[] flip(float[] key, int f, SplittableRandom rng) {
    float[] out = key.clone();
    int[] idx = new int[key.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    for (int i = 0; i < f; i++) {
      int j = i + rng.nextInt(idx.length - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      out[idx[i]] = -out[idx[i]];
    }
    return out;
  }

  private static double[] epochs(int n) {
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = i + 1;
    }
    return e;
  }

  private static double[] toDouble(List<Integer> v) {
    return v.stream().mapToDouble(Integer::doubleValue).toArray();
  }
}
