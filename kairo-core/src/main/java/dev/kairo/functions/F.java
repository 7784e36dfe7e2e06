package dev.kairo.functions;

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
import java.util.SplittableRandom;

/**
 * Every differentiable function, one line each: Kairo's {@code chainer.functions}. Each
 * method builds the function object and applies it; formulas, derivatives and conventions are
 * documented on the function classes.
 *
 * <pre>{@code
 * Variable h = F.relu(F.linear(x, w1, b1));
 * Variable loss = F.meanSquaredError(F.linear(h, w2, b2), t);
 * loss.backward();
 * }</pre>
 */
public final class F {
  private F() {}

  private static Variable c(float v) {
    return Variable.of(Tensor.scalar(v));
  }

  // ----------------------------------------------------------------- arithmetic

  /** {@code a + b}, broadcasting. */
  public static Variable add(Variable a, Variable b) {
    return new Add().apply(a, b);
  }

  /** {@code a + s}. */
  public static Variable add(Variable a, float s) {
    return new Add().apply(a, c(s));
  }

  /** {@code a − b}, broadcasting. */
  public static Variable sub(Variable a, Variable b) {
    return new Sub().apply(a, b);
  }

  /** {@code a − s}. */
  public static Variable sub(Variable a, float s) {
    return new Sub().apply(a, c(s));
  }

  /** Elementwise {@code a · b}, broadcasting. */
  public static Variable mul(Variable a, Variable b) {
    return new Mul().apply(a, b);
  }

  /** {@code a · s}. */
  public static Variable mul(Variable a, float s) {
    return new Mul().apply(a, c(s));
  }

  /** {@code a / b}, broadcasting. */
  public static Variable div(Variable a, Variable b) {
    return new Div().apply(a, b);
  }

  /** {@code a / s}. */
  public static Variable div(Variable a, float s) {
    return new Div().apply(a, c(s));
  }

  /** {@code −x}. */
  public static Variable neg(Variable x) {
    return new Neg().apply(x);
  }

  /** {@code x^p} for a constant p. */
  public static Variable pow(Variable x, float p) {
    return new PowScalar(p).apply(x);
  }

  /** {@code a^b} elementwise, broadcasting (a > 0 for the gradient in b). */
  public static Variable pow(Variable a, Variable b) {
    return new Pow().apply(a, b);
  }

  /** {@code x²}. */
  public static Variable square(Variable x) {
    return new PowScalar(2f).apply(x);
  }

  /** {@code e^x}. */
  public static Variable exp(Variable x) {
    return new Exp().apply(x);
  }

  /** Natural logarithm. */
  public static Variable log(Variable x) {
    return new Log().apply(x);
  }

  /** Square root. */
  public static Variable sqrt(Variable x) {
    return new Sqrt().apply(x);
  }

  /** {@code |x|}. */
  public static Variable abs(Variable x) {
    return new Abs().apply(x);
  }

  /** Elementwise maximum, broadcasting. */
  public static Variable maximum(Variable a, Variable b) {
    return new Maximum().apply(a, b);
  }

  /** Elementwise minimum, broadcasting. */
  public static Variable minimum(Variable a, Variable b) {
    return new Minimum().apply(a, b);
  }

  /** Matrix product, NumPy {@code matmul} semantics (batched, broadcasting). */
  public static Variable matmul(Variable a, Variable b) {
    return new MatMul().apply(a, b);
  }

  /** {@code x·Wᵀ + b}: x [..., in], W [out, in], b [out]. */
  public static Variable linear(Variable x, Variable w, Variable b) {
    return b == null ? new Linear().apply(x, w) : new Linear().apply(x, w, b);
  }

  /** {@code x·Wᵀ} without bias. */
  public static Variable linear(Variable x, Variable w) {
    return new Linear().apply(x, w);
  }

  // ----------------------------------------------------------------- reductions

  /** Sum of all elements (0-d). */
  public static Variable sum(Variable x) {
    return new Sum(null, false).apply(x);
  }

  /** Sum along axes. */
  public static Variable sum(Variable x, int[] axes, boolean keepDims) {
    return new Sum(axes, keepDims).apply(x);
  }

  /** Mean of all elements (0-d). */
  public static Variable mean(Variable x) {
    return new Mean(null, false).apply(x);
  }

  /** Mean along axes. */
  public static Variable mean(Variable x, int[] axes, boolean keepDims) {
    return new Mean(axes, keepDims).apply(x);
  }

  /** Maximum along axes (the gradient goes to the maxima). */
  public static Variable max(Variable x, int[] axes, boolean keepDims) {
    return new Max(axes, keepDims).apply(x);
  }

  // ----------------------------------------------------------------- shapes

  /** A new shape for the same elements (−1 infers one dimension). */
  public static Variable reshape(Variable x, int... shape) {
    return new Reshape(shape).apply(x);
  }

  /** Swaps two axes. */
  public static Variable transpose(Variable x, int axis0, int axis1) {
    int rank = x.shape().length;
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    int a = dev.kairo.tensor.Shape.axis("transpose", axis0, rank);
    int b = dev.kairo.tensor.Shape.axis("transpose", axis1, rank);
    perm[a] = b;
    perm[b] = a;
    return new Permute(perm).apply(x);
  }

  /** Reorders all axes. */
  public static Variable permute(Variable x, int... perm) {
    return new Permute(perm).apply(x);
  }

  /** Joins along an axis. */
  public static Variable concat(int axis, Variable... xs) {
    return new Concat(axis).apply(xs);
  }

  /** Elements {@code [start, end)} along an axis. */
  public static Variable slice(Variable x, int axis, int start, int end) {
    return new Slice(axis, start, end, 1).apply(x);
  }

  /** Elements {@code start, start+step, ...} below end along an axis. */
  public static Variable slice(Variable x, int axis, int start, int end, int step) {
    return new Slice(axis, start, end, step).apply(x);
  }

  /** Slices at the given indices along an axis (rows of a batch, embedding lookup). */
  public static Variable indexSelect(Variable x, int axis, int... indices) {
    return new IndexSelect(axis, indices).apply(x);
  }

  /** Broadcasts to a shape. */
  public static Variable broadcastTo(Variable x, int... shape) {
    return new BroadcastTo(shape).apply(x);
  }

  // ----------------------------------------------------------------- activations

  /** Heaviside step; no useful gradient (see {@link Step}). */
  public static Variable step(Variable x) {
    return new Step().apply(x);
  }

  /** Logistic sigmoid. */
  public static Variable sigmoid(Variable x) {
    return new Sigmoid().apply(x);
  }

  /** Sigmoid with temperature T: {@code σ(x / T)}. */
  public static Variable sigmoid(Variable x, float temperature) {
    return new Sigmoid(temperature).apply(x);
  }

  /** Hyperbolic tangent. */
  public static Variable tanh(Variable x) {
    return new Tanh().apply(x);
  }

  /** {@code max(0, x)}. */
  public static Variable relu(Variable x) {
    return new Relu().apply(x);
  }

  /** Leaky ReLU with slope 0.01. */
  public static Variable leakyRelu(Variable x) {
    return new LeakyRelu(0.01f).apply(x);
  }

  /** Leaky ReLU with the given negative slope. */
  public static Variable leakyRelu(Variable x, float slope) {
    return new LeakyRelu(slope).apply(x);
  }

  /** Parametric ReLU with learned slope {@code a} (broadcast against x). */
  public static Variable prelu(Variable x, Variable a) {
    return new Prelu().apply(x, a);
  }

  /** Randomized ReLU: slopes uniform in [lower, upper] in training, their mean in evaluation. */
  public static Variable rrelu(Variable x, float lower, float upper, boolean training,
      SplittableRandom rng) {
    return new Rrelu(lower, upper, training, rng).apply(x);
  }

  /** Absolute value rectification {@code |x|}. */
  public static Variable absoluteRectification(Variable x) {
    return new Abs().apply(x);
  }

  /** Maxout over groups of {@code pieces} units along axis 1. */
  public static Variable maxout(Variable x, int pieces) {
    return new Maxout(pieces, 1).apply(x);
  }

  /** Maxout over groups of {@code pieces} units along {@code axis}. */
  public static Variable maxout(Variable x, int pieces, int axis) {
    return new Maxout(pieces, axis).apply(x);
  }

  /** GELU, exact ({@code x·Φ(x)}). */
  public static Variable gelu(Variable x) {
    return new Gelu(false).apply(x);
  }

  /** GELU, exact or with the tanh approximation. */
  public static Variable gelu(Variable x, boolean approximate) {
    return new Gelu(approximate).apply(x);
  }

  /** Softplus {@code log(1 + eˣ)}. */
  public static Variable softplus(Variable x) {
    return new Softplus(1f, 20f).apply(x);
  }

  /** Softplus {@code (1/β) log(1 + e^{βx})}. */
  public static Variable softplus(Variable x, float beta) {
    return new Softplus(beta, 20f).apply(x);
  }

  /** ELU with α = 1. */
  public static Variable elu(Variable x) {
    return new Elu(1f).apply(x);
  }

  /** ELU with the given α. */
  public static Variable elu(Variable x, float alpha) {
    return new Elu(alpha).apply(x);
  }

  /** SELU. */
  public static Variable selu(Variable x) {
    return new Selu().apply(x);
  }

  /** The identity. */
  public static Variable identity(Variable x) {
    return new Identity().apply(x);
  }

  /** Softmax along the last axis. */
  public static Variable softmax(Variable x) {
    return new Softmax(-1).apply(x);
  }

  /** Softmax along an axis. */
  public static Variable softmax(Variable x, int axis) {
    return new Softmax(axis).apply(x);
  }

  /** Log-softmax along the last axis. */
  public static Variable logSoftmax(Variable x) {
    return new LogSoftmax(-1).apply(x);
  }

  /** Log-softmax along an axis. */
  public static Variable logSoftmax(Variable x, int axis) {
    return new LogSoftmax(axis).apply(x);
  }

  // ----------------------------------------------------------------- losses

  /** {@code mean((y − t)²)}, not halved (Chainer's {@code F.mean_squared_error}). */
  public static Variable meanSquaredError(Variable y, Variable t) {
    return new MeanSquaredError().apply(y, t);
  }

  /** {@code ½ Σ (y − t)²}. */
  public static Variable sumSquaredError(Variable y, Variable t) {
    return new SumSquaredError().apply(y, t);
  }

  /** Mean softmax cross-entropy of logits [N, C] against class labels. */
  public static Variable softmaxCrossEntropy(Variable logits, int[] labels) {
    return new SoftmaxCrossEntropy(labels).apply(logits);
  }

  /** Mean binary cross-entropy of probabilities against targets in [0, 1]. */
  public static Variable binaryCrossEntropy(Variable p, Variable t) {
    return new BinaryCrossEntropy().apply(p, t);
  }

  /** Mean binary cross-entropy from logits (sigmoid fused, exact). */
  public static Variable sigmoidCrossEntropy(Variable logits, Variable t) {
    return new SigmoidCrossEntropy().apply(logits, t);
  }

  /** Mean absolute error. */
  public static Variable l1Loss(Variable y, Variable t) {
    return new L1Loss().apply(y, t);
  }

  /** Huber loss with threshold δ. */
  public static Variable huberLoss(Variable y, Variable t, float delta) {
    return new HuberLoss(delta).apply(y, t);
  }

  /** KL(q ‖ p) per sample, from log-probabilities {@code logP} and probabilities {@code q}. */
  public static Variable klDivergence(Variable logP, Variable q) {
    return new KlDivergence().apply(logP, q);
  }

  // ----------------------------------------------------------------- normalization

  /** Batch normalisation with the batch's statistics over axis 1 of x [N, C, *]. */
  public static Variable batchNorm(Variable x, Variable gamma, Variable beta, float eps) {
    return BatchNorm.training(eps).apply(x, gamma, beta);
  }

  /** Batch normalisation with the batch's statistics, reported to {@code stats}. */
  public static Variable batchNorm(Variable x, Variable gamma, Variable beta, float eps,
      BatchNorm.Stats stats) {
    return BatchNorm.training(eps, stats).apply(x, gamma, beta);
  }

  /** Batch normalisation with fixed (running) statistics mean [C] and var [C]. */
  public static Variable batchNorm(Variable x, Variable gamma, Variable beta, Tensor mean,
      Tensor var, float eps) {
    return BatchNorm.inference(eps, mean, var).apply(x, gamma, beta);
  }

  /** Layer normalisation over the trailing axes that gamma and beta span. */
  public static Variable layerNorm(Variable x, Variable gamma, Variable beta, float eps) {
    return new LayerNorm(eps).apply(x, gamma, beta);
  }

  // ----------------------------------------------------------------- regularization

  /** Inverted dropout with drop probability p. */
  public static Variable dropout(Variable x, float p, boolean training, SplittableRandom rng) {
    return new Dropout(p, training, rng).apply(x);
  }

  /**
   * The L2 penalty {@code (λ/2) Σ w²} over the given weights, seed 000's 2次の正則化項; its
   * gradient is {@code λw}. Add it to the loss (or use the optimizer's weight decay).
   */
  public static Variable l2Penalty(float lambda, Variable... weights) {
    Variable total = null;
    for (Variable w : weights) {
      Variable s = sum(square(w));
      total = total == null ? s : add(total, s);
    }
    if (total == null) {
      throw new IllegalArgumentException("l2Penalty: no weights given");
    }
    return mul(total, lambda / 2f);
  }

  /** The L1 penalty {@code λ Σ |w|}, which pushes weights to exactly zero. */
  public static Variable l1Penalty(float lambda, Variable... weights) {
    Variable total = null;
    for (Variable w : weights) {
      Variable s = sum(abs(w));
      total = total == null ? s : add(total, s);
    }
    if (total == null) {
      throw new IllegalArgumentException("l1Penalty: no weights given");
    }
    return mul(total, lambda);
  }

  // ---- convolution and pooling
  // (classes named in full so this block merges without touching the imports)

  /** 2-D convolution, stride 1, no padding; {@code b} may be null. */
  public static Variable conv2d(Variable x, Variable w, Variable b) {
    return conv2d(x, w, b, 1, 0, 1, 1);
  }

  /**
   * 2-D convolution of x [N, C, H, W] with W [O, C/groups, kH, kW] and optional b [O] (null
   * for none), as PyTorch's {@code conv2d}; formulas and backward on
   * {@link dev.kairo.functions.conv.Convolution}.
   *
   * <pre>{@code
   * Variable y = F.conv2d(x, w, b, 1, 1, 1, 1);   // 3x3 kernel, "same" size
   * }</pre>
   */
  public static Variable conv2d(Variable x, Variable w, Variable b, int stride, int padding,
      int dilation, int groups) {
    return conv2d(x, w, b, new int[] {stride, stride}, new int[] {padding, padding},
        new int[] {dilation, dilation}, groups);
  }

  /** 2-D convolution with {h, w} pairs for stride, padding and dilation. */
  public static Variable conv2d(Variable x, Variable w, Variable b, int[] stride, int[] padding,
      int[] dilation, int groups) {
    var f = new dev.kairo.functions.conv.Convolution(stride, padding, dilation, groups);
    return b == null ? f.apply(x, w) : f.apply(x, w, b);
  }

  /** 1-D convolution of x [N, C, L] with W [O, C/groups, k] and optional b [O]. */
  public static Variable conv1d(Variable x, Variable w, Variable b, int stride, int padding,
      int dilation, int groups) {
    var f = new dev.kairo.functions.conv.Convolution(new int[] {stride},
        new int[] {padding}, new int[] {dilation}, groups);
    return b == null ? f.apply(x, w) : f.apply(x, w, b);
  }

  /**
   * 2-D transposed convolution of x [N, C, H, W] with W [C, O/groups, kH, kW] and optional
   * b [O], arguments in PyTorch's order; see
   * {@link dev.kairo.functions.conv.ConvolutionTranspose}.
   */
  public static Variable convTranspose2d(Variable x, Variable w, Variable b, int stride,
      int padding, int outputPadding, int groups, int dilation) {
    return convTranspose2d(x, w, b, new int[] {stride, stride}, new int[] {padding, padding},
        new int[] {outputPadding, outputPadding}, groups, new int[] {dilation, dilation});
  }

  /** 2-D transposed convolution with {h, w} pairs. */
  public static Variable convTranspose2d(Variable x, Variable w, Variable b, int[] stride,
      int[] padding, int[] outputPadding, int groups, int[] dilation) {
    var f = new dev.kairo.functions.conv.ConvolutionTranspose(stride, padding, outputPadding,
        groups, dilation);
    return b == null ? f.apply(x, w) : f.apply(x, w, b);
  }

  /** 1-D transposed convolution of x [N, C, L] with W [C, O/groups, k]. */
  public static Variable convTranspose1d(Variable x, Variable w, Variable b, int stride,
      int padding, int outputPadding, int groups, int dilation) {
    var f = new dev.kairo.functions.conv.ConvolutionTranspose(new int[] {stride},
        new int[] {padding}, new int[] {outputPadding}, groups, new int[] {dilation});
    return b == null ? f.apply(x, w) : f.apply(x, w, b);
  }

  /** Max pooling over k x k windows with stride k. */
  public static Variable maxPool2d(Variable x, int kernel) {
    return maxPool2d(x, kernel, kernel, 0);
  }

  /** Max pooling over k x k windows with the given stride and (−∞) padding. */
  public static Variable maxPool2d(Variable x, int kernel, int stride, int padding) {
    return maxPool2d(x, new int[] {kernel, kernel}, new int[] {stride, stride},
        new int[] {padding, padding}, new int[] {1, 1});
  }

  /**
   * Max pooling with {h, w} pairs for kernel, stride, padding and dilation; see
   * {@link dev.kairo.functions.pooling.MaxPool2d}.
   */
  public static Variable maxPool2d(Variable x, int[] kernel, int[] stride, int[] padding,
      int[] dilation) {
    return new dev.kairo.functions.pooling.MaxPool2d(kernel, stride, padding, dilation)
        .apply(x);
  }

  /** Average pooling over k x k windows with stride k. */
  public static Variable avgPool2d(Variable x, int kernel) {
    return avgPool2d(x, kernel, kernel, 0);
  }

  /** Average pooling with stride and zero padding, counted in the divisor (PyTorch default). */
  public static Variable avgPool2d(Variable x, int kernel, int stride, int padding) {
    return avgPool2d(x, new int[] {kernel, kernel}, new int[] {stride, stride},
        new int[] {padding, padding}, true);
  }

  /**
   * Average pooling with {h, w} pairs; {@code countIncludePad} as in PyTorch; see
   * {@link dev.kairo.functions.pooling.AvgPool2d}.
   */
  public static Variable avgPool2d(Variable x, int[] kernel, int[] stride, int[] padding,
      boolean countIncludePad) {
    return new dev.kairo.functions.pooling.AvgPool2d(kernel, stride, padding, countIncludePad)
        .apply(x);
  }

  /**
   * Global average pooling: the mean of x [N, C, *] over every axis after the channels, giving
   * [N, C] (a composite of {@link #mean}).
   */
  public static Variable globalAvgPool(Variable x) {
    int r = x.shape().length;
    if (r < 3) {
      throw new IllegalArgumentException("globalAvgPool: input "
          + dev.kairo.tensor.Shape.str(x.shape()) + " must be [N, C, ...] with a spatial axis");
    }
    int[] axes = new int[r - 2];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 2;
    }
    return mean(x, axes, false);
  }

  /**
   * Channel dropout: whole feature maps dropped with probability p; see
   * {@link dev.kairo.functions.noise.Dropout2d}.
   */
  public static Variable dropout2d(Variable x, float p, boolean training, SplittableRandom rng) {
    return new dev.kairo.functions.noise.Dropout2d(p, training, rng).apply(x);
  }

  // ---- recurrent
  // Fused cells and whole-sequence layers with PyTorch's gate order and weight layout
  // (dev.kairo.functions.recurrent). Biases: pass both or neither (null, null). A null initial
  // state means zeros. Names are fully qualified to keep this block self-contained.

  /**
   * One LSTM step ({@code torch.nn.LSTMCell}): gates i, f, g, o from
   * {@code x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh}, {@code c' = f⊙c + i⊙g}, {@code h' = o⊙tanh(c')}.
   * x [N, I], h and c [N, H], W_ih [4H, I], W_hh [4H, H], biases [4H]. Returns {h', c'}.
   *
   * <pre>{@code
   * Variable[] hc = F.lstmCell(x, h, c, wIh, wHh, bIh, bHh);   // hc[0] = h', hc[1] = c'
   * }</pre>
   */
  public static Variable[] lstmCell(Variable x, Variable h, Variable c, Variable wIh,
      Variable wHh, Variable bIh, Variable bHh) {
    int hidden = wHh.shape()[1];
    Variable hc = new dev.kairo.functions.recurrent.LstmCell().apply(
        rnnInputs(new Variable[] {x, h, c, wIh, wHh}, bIh, bHh));
    return new Variable[] {slice(hc, 1, 0, hidden), slice(hc, 1, hidden, 2 * hidden)};
  }

  /**
   * One GRU step ({@code torch.nn.GRUCell}): {@code n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn))},
   * {@code h' = (1 − z)⊙n + z⊙h}; x [N, I], h [N, H], W_ih [3H, I], W_hh [3H, H], biases [3H].
   */
  public static Variable gruCell(Variable x, Variable h, Variable wIh, Variable wHh,
      Variable bIh, Variable bHh) {
    return new dev.kairo.functions.recurrent.GruCell().apply(
        rnnInputs(new Variable[] {x, h, wIh, wHh}, bIh, bHh));
  }

  /**
   * One Elman RNN step ({@code torch.nn.RNNCell}): {@code h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ +
   * b_hh)}, act {@code "tanh"} or {@code "relu"}; W_ih [H, I], W_hh [H, H], biases [H].
   */
  public static Variable rnnCell(Variable x, Variable h, Variable wIh, Variable wHh,
      Variable bIh, Variable bHh, String nonlinearity) {
    return new dev.kairo.functions.recurrent.RnnCell(nonlinearity).apply(
        rnnInputs(new Variable[] {x, h, wIh, wHh}, bIh, bHh));
  }

  /**
   * One LSTM layer over a sequence x [N, T, I] (batch-first) or [T, N, I], fused
   * ({@link dev.kairo.functions.recurrent.LstmSequence}). h0, c0 [N, H] or null for zeros.
   * Returns {h sequence [N, T, H] (or [T, N, H]), h_T [N, H], c_T [N, H]}.
   *
   * <pre>{@code
   * Variable y = F.lstm(x, null, null, wIh, wHh, bIh, bHh, true)[0];   // zero initial state
   * }</pre>
   */
  public static Variable[] lstm(Variable x, Variable h0, Variable c0, Variable wIh,
      Variable wHh, Variable bIh, Variable bHh, boolean batchFirst) {
    int hidden = wHh.shape()[1];
    Variable[] in = {x, rnnState(x, h0, hidden, batchFirst), rnnState(x, c0, hidden, batchFirst),
        wIh, wHh};
    Variable y = new dev.kairo.functions.recurrent.LstmSequence(batchFirst)
        .apply(rnnInputs(in, bIh, bHh));
    Variable last = rnnLastStep(y, batchFirst);
    return new Variable[] {slice(y, 2, 0, hidden), slice(last, 1, 0, hidden),
        slice(last, 1, hidden, 2 * hidden)};
  }

  /**
   * One GRU layer over a sequence, fused ({@link dev.kairo.functions.recurrent.GruSequence});
   * h0 [N, H] or null. Returns {h sequence, h_T [N, H]}.
   */
  public static Variable[] gru(Variable x, Variable h0, Variable wIh, Variable wHh,
      Variable bIh, Variable bHh, boolean batchFirst) {
    Variable[] in = {x, rnnState(x, h0, wHh.shape()[1], batchFirst), wIh, wHh};
    Variable y = new dev.kairo.functions.recurrent.GruSequence(batchFirst)
        .apply(rnnInputs(in, bIh, bHh));
    return new Variable[] {y, rnnLastStep(y, batchFirst)};
  }

  /**
   * One Elman RNN layer over a sequence, fused ({@link dev.kairo.functions.recurrent.RnnSequence});
   * act {@code "tanh"} or {@code "relu"}, h0 [N, H] or null. Returns {h sequence, h_T [N, H]}.
   */
  public static Variable[] rnn(Variable x, Variable h0, Variable wIh, Variable wHh,
      Variable bIh, Variable bHh, String nonlinearity, boolean batchFirst) {
    Variable[] in = {x, rnnState(x, h0, wHh.shape()[1], batchFirst), wIh, wHh};
    Variable y = new dev.kairo.functions.recurrent.RnnSequence(nonlinearity, batchFirst)
        .apply(rnnInputs(in, bIh, bHh));
    return new Variable[] {y, rnnLastStep(y, batchFirst)};
  }

  private static Variable[] rnnInputs(Variable[] fixed, Variable bIh, Variable bHh) {
    if ((bIh == null) != (bHh == null)) {
      throw new IllegalArgumentException("recurrent: give both biases (bias_ih, bias_hh) or "
          + "neither");
    }
    if (bIh == null) {
      return fixed;
    }
    Variable[] all = java.util.Arrays.copyOf(fixed, fixed.length + 2);
    all[fixed.length] = bIh;
    all[fixed.length + 1] = bHh;
    return all;
  }

  private static Variable rnnState(Variable x, Variable s, int hidden, boolean batchFirst) {
    if (s != null) {
      return s;
    }
    int[] xs = x.shape();
    int n = xs.length == 3 && !batchFirst ? xs[1] : xs[0];
    return Variable.of(Tensor.zeros(n, hidden));
  }

  /** The last time step of y [N, T, W] or [T, N, W], as [N, W]. */
  private static Variable rnnLastStep(Variable y, boolean batchFirst) {
    int[] s = y.shape();
    int axis = batchFirst ? 1 : 0;
    return reshape(slice(y, axis, s[axis] - 1, s[axis]), batchFirst ? s[0] : s[1], s[2]);
  }
}
