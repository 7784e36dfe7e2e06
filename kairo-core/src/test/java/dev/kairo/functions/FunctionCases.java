package dev.kairo.functions;

import dev.kairo.autograd.Function;
import dev.kairo.autograd.GradCheck;
import dev.kairo.autograd.Variable;
import dev.kairo.functions.activation.Elu;
import dev.kairo.functions.activation.Gelu;
import dev.kairo.functions.activation.Identity;
import dev.kairo.functions.activation.LeakyRelu;
import dev.kairo.functions.activation.LogSoftmax;
import dev.kairo.functions.activation.Maxout;
import dev.kairo.functions.activation.Prelu;
import dev.kairo.functions.activation.Relu;
import dev.kairo.functions.activation.Rrelu;
import dev.kairo.functions.activation.Selu;
import dev.kairo.functions.activation.Sigmoid;
import dev.kairo.functions.activation.Softmax;
import dev.kairo.functions.activation.Softplus;
import dev.kairo.functions.activation.Step;
import dev.kairo.functions.activation.Tanh;
import dev.kairo.functions.array.BroadcastTo;
import dev.kairo.functions.array.Concat;
import dev.kairo.functions.array.IndexSelect;
import dev.kairo.functions.array.Permute;
import dev.kairo.functions.array.Reshape;
import dev.kairo.functions.array.Slice;
import dev.kairo.functions.connection.Linear;
import dev.kairo.functions.loss.BinaryCrossEntropy;
import dev.kairo.functions.loss.HuberLoss;
import dev.kairo.functions.loss.KlDivergence;
import dev.kairo.functions.loss.L1Loss;
import dev.kairo.functions.loss.MeanSquaredError;
import dev.kairo.functions.loss.SigmoidCrossEntropy;
import dev.kairo.functions.loss.SoftmaxCrossEntropy;
import dev.kairo.functions.loss.SumSquaredError;
import dev.kairo.functions.math.Abs;
import dev.kairo.functions.math.Add;
import dev.kairo.functions.math.Div;
import dev.kairo.functions.math.Exp;
import dev.kairo.functions.math.Log;
import dev.kairo.functions.math.MatMul;
import dev.kairo.functions.math.Max;
import dev.kairo.functions.math.Maximum;
import dev.kairo.functions.math.Mean;
import dev.kairo.functions.math.Minimum;
import dev.kairo.functions.math.Mul;
import dev.kairo.functions.math.Neg;
import dev.kairo.functions.math.Pow;
import dev.kairo.functions.math.PowScalar;
import dev.kairo.functions.math.Sqrt;
import dev.kairo.functions.math.Sub;
import dev.kairo.functions.math.Sum;
import dev.kairo.functions.noise.Dropout;
import dev.kairo.functions.normalization.BatchNorm;
import dev.kairo.functions.normalization.LayerNorm;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The table of every differentiable function (Kairo's OpInfo / FunctionTestCase): what it
 * covers, how to call it, the input shapes (broadcast and 0-d included), the input domain with
 * kinks dodged, and a reference forward written independently in double precision.
 * {@link FunctionGradientTest} derives its checks from each row.
 */
final class FunctionCases {
  private FunctionCases() {}

  /** A plain double-precision forward, independent of Kairo's kernels. */
  interface Reference {
    Tensor apply(Tensor[] xs);
  }

  /** One row: the function class covered, the call, the inputs and the reference. */
  static final class Case {
    final String name;
    final Class<? extends Function> covers;
    final GradCheck.Fn fn;
    final int[][] shapes;
    final double lo;
    final double hi;
    final double[] kinks;
    final Reference ref;
    final boolean[] constant;

    Case(String name, Class<? extends Function> covers, GradCheck.Fn fn, int[][] shapes,
        double lo, double hi, double[] kinks, Reference ref, boolean[] constant) {
      this.name = name;
      this.covers = covers;
      this.fn = fn;
      this.shapes = shapes;
      this.lo = lo;
      this.hi = hi;
      this.kinks = kinks;
      this.ref = ref;
      this.constant = constant;
    }

    /** Fresh inputs drawn from the row's domain, kept at least 0.05 away from its kinks. */
    Variable[] inputs(long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      Variable[] v = new Variable[shapes.length];
      for (int i = 0; i < shapes.length; i++) {
        Tensor t = Tensor.uniform(lo, hi, rng, shapes[i]);
        float[] d = t.data();
        for (int j = 0; j < d.length; j++) {
          for (double k : kinks) {
            if (Math.abs(d[j] - k) < 0.05) {
              d[j] = (float) (d[j] >= k ? k + 0.05 + 0.1 * rng.nextDouble()
                  : k - 0.05 - 0.1 * rng.nextDouble());
            }
          }
        }
        boolean isConstant = constant != null && constant[i];
        v[i] = isConstant ? Variable.of(t) : new Variable(t);
      }
      return v;
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(name).append(' ');
      for (int[] shape : shapes) {
        s.append(java.util.Arrays.toString(shape));
      }
      return s.toString();
    }
  }

  private static final double[] NONE = {};
  private static final double[] ZERO = {0};

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    int[][] unaryShapes = {{3, 4}, {2, 3, 2}, {}};
    int[][][] binaryShapes = {{{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {1, 4}}, {{2, 3}, {}}};

    // arithmetic
    for (int[][] s : binaryShapes) {
      c.add(binary("add", Add.class, in -> F.add(in[0], in[1]), s, -2, 2, (a, b) -> a + b));
      c.add(binary("sub", Sub.class, in -> F.sub(in[0], in[1]), s, -2, 2, (a, b) -> a - b));
      c.add(binary("mul", Mul.class, in -> F.mul(in[0], in[1]), s, -2, 2, (a, b) -> a * b));
      c.add(binary("div", Div.class, in -> F.div(in[0], in[1]), s, 0.5, 2, (a, b) -> a / b));
      c.add(binary("pow", Pow.class, in -> F.pow(in[0], in[1]), s, 0.5, 2, Math::pow));
      c.add(binary("maximum", Maximum.class, in -> F.maximum(in[0], in[1]), s, -2, 2, Math::max));
      c.add(binary("minimum", Minimum.class, in -> F.minimum(in[0], in[1]), s, -2, 2, Math::min));
    }
    for (int[] s : unaryShapes) {
      c.add(unary("neg", Neg.class, in -> F.neg(in[0]), s, -2, 2, NONE, x -> -x));
      c.add(unary("powScalar", PowScalar.class, in -> F.pow(in[0], 3f), s, -2, 2, NONE,
          x -> x * x * x));
      c.add(unary("exp", Exp.class, in -> F.exp(in[0]), s, -2, 2, NONE, Math::exp));
      c.add(unary("log", Log.class, in -> F.log(in[0]), s, 0.2, 3, NONE, Math::log));
      c.add(unary("sqrt", Sqrt.class, in -> F.sqrt(in[0]), s, 0.2, 3, NONE, Math::sqrt));
      c.add(unary("abs", Abs.class, in -> F.abs(in[0]), s, -2, 2, ZERO, Math::abs));
    }
    c.add(new Case("matmul 2d", MatMul.class, in -> F.matmul(in[0], in[1]),
        new int[][] {{3, 4}, {4, 5}}, -1, 1, NONE, FunctionCases::refMatmul, null));
    c.add(new Case("matmul batched-broadcast", MatMul.class, in -> F.matmul(in[0], in[1]),
        new int[][] {{2, 3, 4}, {4, 2}}, -1, 1, NONE, FunctionCases::refMatmul, null));
    c.add(new Case("matmul vector", MatMul.class, in -> F.matmul(in[0], in[1]),
        new int[][] {{4}, {4, 3}}, -1, 1, NONE, null, null));
    c.add(new Case("matmul matrix-vector", MatMul.class, in -> F.matmul(in[0], in[1]),
        new int[][] {{2, 4}, {4}}, -1, 1, NONE, null, null));
    c.add(new Case("linear", Linear.class, in -> F.linear(in[0], in[1], in[2]),
        new int[][] {{5, 3}, {4, 3}, {4}}, -1, 1, NONE, FunctionCases::refLinear, null));
    c.add(new Case("linear one row", Linear.class, in -> F.linear(in[0], in[1], in[2]),
        new int[][] {{1, 3}, {4, 3}, {4}}, -1, 1, NONE, FunctionCases::refLinear, null));
    // One to three outputs: the bias rows are filled by doubling copies and their gradient
    // summed by the narrow-column path; odd row counts leave a partial last copy.
    c.add(new Case("linear 2 outputs", Linear.class, in -> F.linear(in[0], in[1], in[2]),
        new int[][] {{7, 3}, {2, 3}, {2}}, -1, 1, NONE, FunctionCases::refLinear, null));
    c.add(new Case("linear 3 outputs", Linear.class, in -> F.linear(in[0], in[1], in[2]),
        new int[][] {{11, 2}, {3, 2}, {3}}, -1, 1, NONE, FunctionCases::refLinear, null));
    c.add(new Case("linear 1 output", Linear.class, in -> F.linear(in[0], in[1], in[2]),
        new int[][] {{6, 4}, {1, 4}, {1}}, -1, 1, NONE, FunctionCases::refLinear, null));
    c.add(new Case("linear no-bias 3d", Linear.class, in -> F.linear(in[0], in[1]),
        new int[][] {{2, 3, 3}, {4, 3}}, -1, 1, NONE, null, null));
    c.add(new Case("linear+relu", Linear.class, in -> new Linear(true).apply(in[0], in[1], in[2]),
        new int[][] {{5, 3}, {4, 3}, {4}}, -1, 1, NONE,
        xs -> refLinear(xs).maximum(Tensor.scalar(0f)), null));
    // One row: the masked gradient's own array becomes the bias gradient.
    c.add(new Case("linear+relu one row", Linear.class,
        in -> new Linear(true).apply(in[0], in[1], in[2]),
        new int[][] {{1, 3}, {4, 3}, {4}}, -1, 1, NONE,
        xs -> refLinear(xs).maximum(Tensor.scalar(0f)), null));

    // reductions and shapes
    c.add(new Case("sum all", Sum.class, in -> F.sum(in[0]), new int[][] {{3, 4}}, -1, 1, NONE,
        xs -> Tensor.scalar((float) sumAll(xs[0])), null));
    c.add(new Case("sum axis", Sum.class, in -> F.sum(in[0], new int[] {1}, true),
        new int[][] {{2, 3, 4}}, -1, 1, NONE, null, null));
    c.add(new Case("mean axes", Mean.class, in -> F.mean(in[0], new int[] {0, 2}, false),
        new int[][] {{2, 3, 4}}, -1, 1, NONE, null, null));
    c.add(new Case("mean all", Mean.class, in -> F.mean(in[0]), new int[][] {{3, 4}}, -1, 1,
        NONE, xs -> Tensor.scalar((float) (sumAll(xs[0]) / xs[0].numel())), null));
    c.add(new Case("max axis", Max.class, in -> F.max(in[0], new int[] {-1}, false),
        new int[][] {{3, 5}}, -1, 1, NONE, null, null));
    c.add(new Case("reshape", Reshape.class, in -> F.reshape(in[0], 4, -1),
        new int[][] {{2, 3, 2}}, -1, 1, NONE, null, null));
    c.add(new Case("transpose", Permute.class, in -> F.transpose(in[0], 0, 2),
        new int[][] {{2, 3, 4}}, -1, 1, NONE, null, null));
    c.add(new Case("concat", Concat.class, in -> F.concat(1, in[0], in[1]),
        new int[][] {{2, 3}, {2, 2}}, -1, 1, NONE, null, null));
    c.add(new Case("slice step", Slice.class, in -> F.slice(in[0], 1, 1, 5, 2),
        new int[][] {{3, 6}}, -1, 1, NONE, null, null));
    c.add(new Case("indexSelect repeats", IndexSelect.class, in -> F.indexSelect(in[0], 0, 2, 0, 2),
        new int[][] {{4, 3}}, -1, 1, NONE, null, null));
    c.add(new Case("broadcastTo", BroadcastTo.class, in -> F.broadcastTo(in[0], 2, 3, 4),
        new int[][] {{3, 1}}, -1, 1, NONE, null, null));

    // activations
    for (int[] s : unaryShapes) {
      c.add(unary("step", Step.class, in -> F.step(in[0]), s, -3, 3, ZERO, x -> x > 0 ? 1 : 0));
      c.add(unary("sigmoid", Sigmoid.class, in -> F.sigmoid(in[0]), s, -5, 5, NONE,
          x -> 1 / (1 + Math.exp(-x))));
      c.add(unary("sigmoid T=2", Sigmoid.class, in -> F.sigmoid(in[0], 2f), s, -5, 5, NONE,
          x -> 1 / (1 + Math.exp(-x / 2))));
      c.add(unary("tanh", Tanh.class, in -> F.tanh(in[0]), s, -3, 3, NONE, Math::tanh));
      c.add(unary("relu", Relu.class, in -> F.relu(in[0]), s, -3, 3, ZERO, x -> Math.max(0, x)));
      c.add(unary("leakyRelu", LeakyRelu.class, in -> F.leakyRelu(in[0], 0.1f), s, -3, 3, ZERO,
          x -> x > 0 ? x : 0.1 * x));
      c.add(unary("rrelu eval", Rrelu.class,
          in -> F.rrelu(in[0], 0.125f, 1f / 3, false, null), s, -3, 3, ZERO,
          x -> x >= 0 ? x : x * (0.125 + 1.0 / 3) / 2));
      c.add(unary("absoluteRectification", Abs.class, in -> F.absoluteRectification(in[0]), s,
          -3, 3, ZERO, Math::abs));
      c.add(unary("gelu", Gelu.class, in -> F.gelu(in[0]), s, -4, 4, NONE, null));
      c.add(unary("gelu tanh", Gelu.class, in -> F.gelu(in[0], true), s, -4, 4, NONE,
          x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))));
      c.add(unary("softplus", Softplus.class, in -> F.softplus(in[0]), s, -5, 5, NONE,
          x -> Math.log1p(Math.exp(x))));
      c.add(unary("softplus beta=2", Softplus.class, in -> F.softplus(in[0], 2f), s, -5, 5, NONE,
          x -> Math.log1p(Math.exp(2 * x)) / 2));
      c.add(unary("elu", Elu.class, in -> F.elu(in[0], 0.7f), s, -3, 3, ZERO,
          x -> x > 0 ? x : 0.7 * (Math.exp(x) - 1)));
      c.add(unary("selu", Selu.class, in -> F.selu(in[0]), s, -3, 3, ZERO, null));
      c.add(unary("identity", Identity.class, in -> F.identity(in[0]), s, -3, 3, NONE, x -> x));
    }
    c.add(new Case("rrelu train", Rrelu.class,
        in -> F.rrelu(in[0], 0.1f, 0.3f, true, new SplittableRandom(5)),
        new int[][] {{4, 5}}, -3, 3, ZERO, null, null));
    c.add(new Case("prelu per-channel", Prelu.class, in -> F.prelu(in[0], in[1]),
        new int[][] {{4, 3}, {3}}, -3, 3, ZERO, null, null));
    c.add(new Case("prelu shared", Prelu.class, in -> F.prelu(in[0], in[1]),
        new int[][] {{2, 3, 2}, {}}, -3, 3, ZERO, null, null));
    c.add(new Case("maxout", Maxout.class, in -> F.maxout(in[0], 3), new int[][] {{2, 6}},
        -3, 3, NONE, FunctionCases::refMaxout, null));
    c.add(new Case("maxout 4d", Maxout.class, in -> F.maxout(in[0], 2, 1),
        new int[][] {{2, 4, 2, 2}}, -3, 3, NONE, null, null));
    c.add(new Case("softmax", Softmax.class, in -> F.softmax(in[0]), new int[][] {{3, 5}},
        -3, 3, NONE, FunctionCases::refSoftmax, null));
    c.add(new Case("softmax axis 0", Softmax.class, in -> F.softmax(in[0], 0),
        new int[][] {{4, 3}}, -3, 3, NONE, null, null));
    c.add(new Case("logSoftmax", LogSoftmax.class, in -> F.logSoftmax(in[0]),
        new int[][] {{3, 5}}, -3, 3, NONE, xs -> refSoftmax(xs).log(), null));
    c.add(new Case("logSoftmax 3d axis 1", LogSoftmax.class, in -> F.logSoftmax(in[0], 1),
        new int[][] {{2, 4, 3}}, -3, 3, NONE, null, null));

    // losses
    c.add(new Case("meanSquaredError", MeanSquaredError.class,
        in -> F.meanSquaredError(in[0], in[1]), new int[][] {{4, 3}, {4, 3}}, -2, 2, NONE,
        xs -> Tensor.scalar((float) (sqDiff(xs) / xs[0].numel())), null));
    c.add(new Case("sumSquaredError", SumSquaredError.class,
        in -> F.sumSquaredError(in[0], in[1]), new int[][] {{4, 3}, {4, 3}}, -2, 2, NONE,
        xs -> Tensor.scalar((float) (0.5 * sqDiff(xs))), null));
    c.add(new Case("l1Loss", L1Loss.class, in -> F.l1Loss(in[0], in[1]),
        new int[][] {{4, 3}, {4, 3}}, -2, 2, NONE, null, null));
    c.add(new Case("huberLoss", HuberLoss.class, in -> F.huberLoss(in[0], in[1], 1f),
        new int[][] {{4, 3}, {4, 3}}, -2, 2, NONE, null, null));
    c.add(new Case("softmaxCrossEntropy", SoftmaxCrossEntropy.class,
        in -> F.softmaxCrossEntropy(in[0], new int[] {0, 2, 4, 1}), new int[][] {{4, 5}},
        -3, 3, NONE, null, null));
    c.add(new Case("binaryCrossEntropy", BinaryCrossEntropy.class,
        in -> F.binaryCrossEntropy(in[0], in[1]), new int[][] {{3, 4}, {3, 4}}, 0.1, 0.9, NONE,
        null, null));
    c.add(new Case("sigmoidCrossEntropy", SigmoidCrossEntropy.class,
        in -> F.sigmoidCrossEntropy(in[0], in[1]), new int[][] {{3, 4}, {3, 4}}, -3, 3, NONE,
        null, new boolean[] {false, true}));
    c.add(new Case("klDivergence", KlDivergence.class,
        in -> F.klDivergence(F.logSoftmax(in[0]), F.softmax(in[1])),
        new int[][] {{3, 4}, {3, 4}}, -2, 2, NONE, null, null));
    c.add(new Case("dropout train", Dropout.class,
        in -> F.dropout(in[0], 0.4f, true, new SplittableRandom(11)), new int[][] {{5, 6}},
        -2, 2, NONE, null, null));
    c.add(new Case("dropout eval", Dropout.class,
        in -> F.dropout(in[0], 0.4f, false, null), new int[][] {{5, 6}},
        -2, 2, NONE, xs -> xs[0], null));
    c.add(new Case("batchNorm train [N,C]", BatchNorm.class,
        in -> F.batchNorm(in[0], in[1], in[2], 1e-5f), new int[][] {{6, 3}, {3}, {3}},
        -2, 2, NONE, FunctionCases::refBatchNorm, null));
    c.add(new Case("batchNorm train [N,C,H,W]", BatchNorm.class,
        in -> F.batchNorm(in[0], in[1], in[2], 1e-5f), new int[][] {{2, 3, 2, 2}, {3}, {3}},
        -2, 2, NONE, null, null));
    c.add(new Case("batchNorm inference", BatchNorm.class,
        in -> F.batchNorm(in[0], in[1], in[2], Tensor.vector(0.1f, -0.2f, 0.3f),
            Tensor.vector(0.5f, 1.5f, 2f), 1e-5f),
        new int[][] {{4, 3}, {3}, {3}}, -2, 2, NONE, null, null));
    c.add(new Case("layerNorm", LayerNorm.class, in -> F.layerNorm(in[0], in[1], in[2], 1e-5f),
        new int[][] {{4, 5}, {5}, {5}}, -2, 2, NONE, null, null));
    c.add(new Case("layerNorm 2 axes", LayerNorm.class,
        in -> F.layerNorm(in[0], in[1], in[2], 1e-5f), new int[][] {{2, 3, 4}, {3, 4}, {3, 4}},
        -2, 2, NONE, null, null));
    c.add(new Case("l2Penalty", Sum.class, in -> F.l2Penalty(0.1f, in[0], in[1]),
        new int[][] {{3, 2}, {4}}, -2, 2, NONE, null, null));
    c.add(new Case("l1Penalty", Abs.class, in -> F.l1Penalty(0.1f, in[0]),
        new int[][] {{3, 2}}, -2, 2, ZERO, null, null));
    c.addAll(ConvolutionCases.all());
    c.addAll(RecurrentCases.all());
    return c;
  }

  private static Case unary(String name, Class<? extends Function> covers, GradCheck.Fn fn,
      int[] shape, double lo, double hi, double[] kinks, DoubleUnaryOperator f) {
    Reference ref = f == null ? null : xs -> {
      float[] x = xs[0].toArray();
      float[] y = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = (float) f.applyAsDouble(x[i]);
      }
      return Tensor.of(y, xs[0].shape());
    };
    return new Case(name, covers, fn, new int[][] {shape}, lo, hi, kinks, ref, null);
  }

  private static Case binary(String name, Class<? extends Function> covers, GradCheck.Fn fn,
      int[][] shapes, double lo, double hi, DoubleBinaryOperator f) {
    Reference ref = xs -> {
      int[] out = dev.kairo.tensor.Shape.broadcast(name, xs[0].shape(), xs[1].shape());
      float[] a = xs[0].expand(out).toArray();
      float[] b = xs[1].expand(out).toArray();
      float[] y = new float[a.length];
      for (int i = 0; i < a.length; i++) {
        y[i] = (float) f.applyAsDouble(a[i], b[i]);
      }
      return Tensor.of(y, out);
    };
    return new Case(name, covers, fn, shapes, lo, hi, NONE, ref, null);
  }

  private static double sumAll(Tensor t) {
    double s = 0;
    for (float v : t.toArray()) {
      s += v;
    }
    return s;
  }

  private static double sqDiff(Tensor[] xs) {
    float[] a = xs[0].toArray();
    float[] b = xs[1].toArray();
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (double) (a[i] - b[i]);
    }
    return s;
  }

  private static Tensor refMatmul(Tensor[] xs) {
    Tensor a = xs[0];
    Tensor b = xs[1];
    int m = a.size(-2);
    int k = a.size(-1);
    int n = b.size(-1);
    int batch = a.numel() / (m * k);
    float[] ad = a.toArray();
    float[] bd = b.toArray();
    float[] out = new float[batch * m * n];
    int bStride = b.rank() == 2 ? 0 : k * n;
    for (int z = 0; z < batch; z++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += ad[z * m * k + i * k + p] * (double) bd[z * bStride + p * n + j];
          }
          out[z * m * n + i * n + j] = (float) s;
        }
      }
    }
    int[] shape = a.shape();
    shape[shape.length - 1] = n;
    return Tensor.of(out, shape);
  }

  private static Tensor refLinear(Tensor[] xs) {
    Tensor y = refMatmul(new Tensor[] {xs[0], xs[1].t()});
    return y.add(xs[2]);
  }

  private static Tensor refSoftmax(Tensor[] xs) {
    int rows = xs[0].size(0);
    int cols = xs[0].size(1);
    float[] x = xs[0].toArray();
    float[] y = new float[x.length];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = 0; j < cols; j++) {
        s += Math.exp(x[r * cols + j]);
      }
      for (int j = 0; j < cols; j++) {
        y[r * cols + j] = (float) (Math.exp(x[r * cols + j]) / s);
      }
    }
    return Tensor.of(y, rows, cols);
  }

  /** Batch norm of [N, C] by hand: per column, biased variance. */
  private static Tensor refBatchNorm(Tensor[] xs) {
    int n = xs[0].size(0);
    int c = xs[0].size(1);
    float[] x = xs[0].toArray();
    float[] y = new float[x.length];
    for (int j = 0; j < c; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x[i * c + j];
      }
      mean /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        var += (x[i * c + j] - mean) * (x[i * c + j] - mean);
      }
      var /= n;
      for (int i = 0; i < n; i++) {
        y[i * c + j] = (float) ((x[i * c + j] - mean) / Math.sqrt(var + 1e-5)
            * xs[1].get(j) + xs[2].get(j));
      }
    }
    return Tensor.of(y, n, c);
  }

  private static Tensor refMaxout(Tensor[] xs) {
    float[] x = xs[0].toArray();
    int rows = xs[0].size(0);
    int cols = xs[0].size(1);
    int groups = cols / 3;
    float[] y = new float[rows * groups];
    for (int r = 0; r < rows; r++) {
      for (int g = 0; g < groups; g++) {
        float m = Float.NEGATIVE_INFINITY;
        for (int p = 0; p < 3; p++) {
          m = Math.max(m, x[r * cols + g * 3 + p]);
        }
        y[r * groups + g] = m;
      }
    }
    return Tensor.of(y, rows, groups);
  }
}
