package dev.kairo.cli.demos;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import dev.kairo.viz.Figure;
import dev.kairo.viz.LinePlot;
import dev.kairo.viz.Panel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Seed 002's graphs of the activation functions (活性化関数), each with its derivative, over
 * -5..5 (tanh over -10..10, as the seed draws it). The derivative is not written down anywhere:
 * it is what Kairo's autograd returns, {@code y = f(x); y.backward(ones); x.grad()}, so the
 * picture is also a check of every activation's backward pass.
 *
 * <p>Three of them are not functions of one number, so each gets a one-dimensional slice:
 * maxout is the largest of k = 3 affine pieces of x, {@code max(-0.5x - 1, 0.3x, 1.5x - 2)},
 * the convex piecewise-linear shape a maxout unit learns; softmax and log-softmax are the first
 * output over the two logits {@code (x, 0)}, which is {@code σ(x)} and {@code log σ(x)}.
 * PReLU is drawn with its initial slope 0.25 and RReLU in evaluation mode, where its slope is
 * the mean of [1/8, 1/3], 11/48. The step function has derivative 0 wherever it exists, so
 * gradient descent learns nothing through it: Kairo returns zeros.
 */
public final class ActivationsDemo {
  /** The points of the printed table. */
  public static final double[] TABLE_X = {-2, -0.5, 0, 0.5, 2};

  private ActivationsDemo() {}

  /** One activation: its values and autograd derivatives on a grid and at {@link #TABLE_X}. */
  public record Curve(String name, double[] x, double[] f, double[] df, double[] tableF,
      double[] tableDf) {}

  /** Every curve, in the order drawn. */
  public record Result(List<Curve> curves) {
    /** The curve with this name. */
    public Curve get(String name) {
      return curves.stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no curve named " + name));
    }
  }

  private record Spec(String name, double from, double to, UnaryOperator<Variable> f) {}

  private static List<Spec> specs() {
    List<Spec> s = new ArrayList<>();
    s.add(new Spec("step", -5, 5, F::step));
    s.add(new Spec("sigmoid", -5, 5, F::sigmoid));
    s.add(new Spec("sigmoid T=0.5", -5, 5, x -> F.sigmoid(x, 0.5f)));
    s.add(new Spec("sigmoid T=2", -5, 5, x -> F.sigmoid(x, 2f)));
    s.add(new Spec("tanh", -10, 10, F::tanh));
    s.add(new Spec("ReLU", -5, 5, F::relu));
    s.add(new Spec("leaky ReLU 0.1", -5, 5, x -> F.leakyRelu(x, 0.1f)));
    s.add(new Spec("PReLU a=0.25", -5, 5,
        x -> F.prelu(x, Variable.of(Tensor.scalar(0.25f)))));
    s.add(new Spec("RReLU (eval)", -5, 5, x -> F.rrelu(x, 1f / 8, 1f / 3, false, null)));
    s.add(new Spec("|x| (abs. rect.)", -5, 5, F::absoluteRectification));
    s.add(new Spec("maxout k=3", -5, 5, ActivationsDemo::maxout3));
    s.add(new Spec("GELU", -5, 5, F::gelu));
    s.add(new Spec("softplus", -5, 5, F::softplus));
    s.add(new Spec("ELU", -5, 5, F::elu));
    s.add(new Spec("SELU", -5, 5, F::selu));
    s.add(new Spec("identity", -5, 5, F::identity));
    s.add(new Spec("softmax(x,0)[0]", -5, 5, x -> firstOfTwo(x, false)));
    s.add(new Spec("log softmax(x,0)[0]", -5, 5, x -> firstOfTwo(x, true)));
    return s;
  }

  /** max(-0.5x - 1, 0.3x, 1.5x - 2): maxout over three affine pieces of x. */
  private static Variable maxout3(Variable x) {
    int n = x.shape()[0];
    Variable a = F.reshape(F.sub(F.mul(x, -0.5f), 1f), n, 1);
    Variable b = F.reshape(F.mul(x, 0.3f), n, 1);
    Variable c = F.reshape(F.sub(F.mul(x, 1.5f), 2f), n, 1);
    return F.reshape(F.maxout(F.concat(1, a, b, c), 3), n);
  }

  /** The first output of softmax (or log-softmax) over the logits (x, 0). */
  private static Variable firstOfTwo(Variable x, boolean log) {
    int n = x.shape()[0];
    Variable logits = F.concat(1, F.reshape(x, n, 1), Variable.of(Tensor.zeros(n, 1)));
    Variable p = log ? F.logSoftmax(logits) : F.softmax(logits);
    return F.reshape(F.slice(p, 1, 0, 1), n);
  }

  /** f and f' at the points {@code xs}, f' from autograd. */
  private static double[][] evaluate(UnaryOperator<Variable> f, double[] xs) {
    float[] v = new float[xs.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) xs[i];
    }
    Variable x = new Variable(Tensor.of(v, v.length));
    Variable y = f.apply(x);
    y.backward(Tensor.ones(v.length));
    Tensor g = x.grad() == null ? Tensor.zeros(v.length) : x.grad();
    return new double[][] {toDouble(y.data().toArray()), toDouble(g.toArray())};
  }

  private static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  private static double[] grid(double from, double to, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i == n - 1 ? to : from + (to - from) * i / (n - 1);
    }
    return x;
  }

  /** Draws every activation with its derivative and prints the table. */
  public static Result run(DemoContext ctx) throws IOException {
    List<Curve> curves = new ArrayList<>();
    List<Panel> panels = new ArrayList<>();
    ctx.println("Activation functions and their derivatives (f' from autograd: "
        + "y = f(x); y.backward(ones); x.grad())");
    StringBuilder head = new StringBuilder(String.format("%-20s", ""));
    for (double t : TABLE_X) {
      head.append(String.format("  %8s %7s", "f(" + fmt(t) + ")", "f'(" + fmt(t) + ")"));
    }
    ctx.println(head.toString().stripTrailing());
    for (Spec s : specs()) {
      double[] xs = grid(s.from, s.to, 401);
      double[][] fd = evaluate(s.f, xs);
      double[][] table = evaluate(s.f, TABLE_X);
      curves.add(new Curve(s.name, xs, fd[0], fd[1], table[0], table[1]));
      StringBuilder row = new StringBuilder(String.format("%-20s", s.name));
      for (int i = 0; i < TABLE_X.length; i++) {
        // + 0.0 prints ReLU's -0.0 (x times a zero mask) as 0.
        row.append(String.format(java.util.Locale.ROOT, "  %8.4f %7.4f", table[0][i] + 0.0,
            table[1][i] + 0.0));
      }
      ctx.println(row.toString());
      LinePlot p = new LinePlot(s.name).xLabel("x")
          .series("f(x)", xs, fd[0])
          .series("f'(x)", xs, fd[1], LinePlot.Line.DASHED);
      if (s.name.equals("step")) {
        p.yRange(-0.1, 1.1);
      }
      panels.add(p);
    }
    ctx.println("step: f' = 0 wherever it exists (no useful gradient; the perceptron rule, "
        + "not backprop, trains it)");
    ctx.println("maxout k=3: max(-0.5x - 1, 0.3x, 1.5x - 2); softmax rows: first output over "
        + "logits (x, 0) = sigmoid(x), log sigmoid(x)");
    ctx.println("RReLU in eval mode: slope (1/8 + 1/3)/2 = 0.2292 for x < 0");
    Figure fig = Figure.grid(6, panels).title("Activation functions f (solid) and their "
        + "autograd derivatives f' (dashed)").size(1500, 720);
    ctx.save(fig, "activations.png");
    return new Result(curves);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
