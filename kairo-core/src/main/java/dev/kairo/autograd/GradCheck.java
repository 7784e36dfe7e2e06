package dev.kairo.autograd;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Checks backward passes against central differences, for Kairo's own functions and for
 * yours.
 *
 * <p>The check reduces the output to a scalar {@code L = Σ wᵢ yᵢ} with fixed random weights
 * {@code w} (accumulated in double), backpropagates {@code w} once, and compares each input
 * element's analytic gradient with {@code (L(x+ε) − L(x−ε)) / 2ε}. It passes when every
 * element satisfies {@code |analytic − numeric| <= atol + rtol·|numeric|}.
 *
 * <p>Tolerances: the data are float32, so the defaults ({@code ε = 1e-3}, {@code atol = 5e-4},
 * {@code rtol = 2e-3}) allow for float rounding (about 6e-8 relative per element, magnified by
 * 1/2ε) while a wrong backward (a missing factor, a sign, a transposed operand) misses by far
 * more. Keep inputs away from kinks (ReLU at 0, |x| at 0) where the derivative jumps.
 *
 * <pre>{@code
 * Variable x = new Variable(Tensor.normal(0, 1, 42L, 3, 4));
 * GradCheck.Result r = GradCheck.check(in -> F.tanh(in[0]), x);
 * if (!r.passed()) System.out.println(r.report());
 * }</pre>
 */
public final class GradCheck {
  /** Default perturbation. */
  public static final double EPS = 1e-3;
  /** Default absolute tolerance. */
  public static final double ATOL = 5e-4;
  /** Default relative tolerance. */
  public static final double RTOL = 2e-3;

  private GradCheck() {}

  /** A function of several variables, the thing being checked. */
  @FunctionalInterface
  public interface Fn {
    Variable apply(Variable[] inputs);
  }

  /** The outcome: pass/fail, the worst error, and a readable report of mismatches. */
  public static final class Result {
    private final boolean passed;
    private final double maxError;
    private final String report;

    Result(boolean passed, double maxError, String report) {
      this.passed = passed;
      this.maxError = maxError;
      this.report = report;
    }

    /** Whether every element was within tolerance. */
    public boolean passed() {
      return passed;
    }

    /** The largest |analytic − numeric| seen. */
    public double maxError() {
      return maxError;
    }

    /** Per-input summary, listing the first mismatching elements with both gradients. */
    public String report() {
      return report;
    }

    @Override
    public String toString() {
      return report;
    }
  }

  /** Checks with the default tolerances. */
  public static Result check(Fn f, Variable... inputs) {
    return check(f, EPS, ATOL, RTOL, inputs);
  }

  /**
   * Checks with explicit tolerances. Inputs that do not require a gradient are held fixed.
   * Their gradients are restored afterwards, so checking does not disturb training state.
   */
  public static Result check(Fn f, double eps, double atol, double rtol, Variable... inputs) {
    Tensor[] saved = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      saved[i] = inputs[i].grad();
      inputs[i].zeroGrad();
    }
    try {
      Variable y = f.apply(inputs);
      Tensor w = Tensor.normal(0, 1, new SplittableRandom(1234), y.data().shape());
      if (!y.requiresGrad()) {
        throw new IllegalArgumentException("GradCheck: the output does not depend on any input "
            + "that requires a gradient");
      }
      y.backward(w);
      StringBuilder report = new StringBuilder();
      boolean ok = true;
      double worst = 0;
      for (int i = 0; i < inputs.length; i++) {
        Variable x = inputs[i];
        if (!x.requiresGrad()) {
          continue;
        }
        Tensor analytic = x.grad() == null ? Tensor.zeros(x.data().shape()) : x.grad();
        Tensor xd = x.data();
        int n = xd.numel();
        int[] shape = xd.shape();
        int[] idx = new int[shape.length];
        int bad = 0;
        double inputWorst = 0;
        StringBuilder lines = new StringBuilder();
        for (int j = 0; j < n; j++) {
          unravel(j, shape, idx);
          float orig = xd.get(idx);
          xd.set((float) (orig + eps), idx);
          double plus = project(f, inputs, w);
          xd.set((float) (orig - eps), idx);
          double minus = project(f, inputs, w);
          xd.set(orig, idx);
          double numeric = (plus - minus) / (2 * eps);
          double a = analytic.get(idx);
          double err = Math.abs(a - numeric);
          inputWorst = Math.max(inputWorst, Double.isNaN(err) ? Double.POSITIVE_INFINITY : err);
          if (!(err <= atol + rtol * Math.abs(numeric))) {
            if (bad < 10) {
              lines.append(String.format("    at %s: analytic %.6g, numeric %.6g%n",
                  Shape.str(idx), a, numeric));
            }
            bad++;
          }
        }
        worst = Math.max(worst, inputWorst);
        report.append(String.format("input %d %s%s: %s, max |error| %.3g%n", i,
            x.name() == null ? "" : "'" + x.name() + "' ", Shape.str(shape),
            bad == 0 ? "ok" : bad + " of " + n + " elements off", inputWorst));
        report.append(lines);
        ok &= bad == 0;
      }
      return new Result(ok, worst, report.toString());
    } finally {
      for (int i = 0; i < inputs.length; i++) {
        inputs[i].setGrad(saved[i]);
      }
    }
  }

  /**
   * Checks and throws {@link AssertionError} with the report when any element is off: for
   * use inside tests.
   */
  public static void assertGradients(Fn f, Variable... inputs) {
    Result r = check(f, inputs);
    if (!r.passed()) {
      throw new AssertionError("gradient check failed:\n" + r.report());
    }
  }

  private static double project(Fn f, Variable[] inputs, Tensor w) {
    try (NoGrad g = NoGrad.enter()) {
      float[] y = f.apply(inputs).data().toArray();
      float[] wv = w.toArray();
      double s = 0;
      for (int i = 0; i < y.length; i++) {
        s += (double) wv[i] * y[i];
      }
      return s;
    }
  }

  private static void unravel(int flat, int[] shape, int[] idx) {
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
  }
}
