package dev.kairo.train;

import dev.kairo.nn.Activation;
import dev.kairo.nn.Flatten;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import dev.kairo.nn.Parameter;
import dev.kairo.nn.Sequential;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.LossKernels;
import dev.kairo.tensor.Rows;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The training step of a plain multilayer perceptron as one straight program: a
 * {@link Sequential} of {@link Linear} layers and element-wise activations (ReLU, leaky ReLU,
 * tanh, sigmoid, identity) run forward into arrays it keeps, then backward into arrays it
 * keeps, with no graph recorded and nothing allocated per step beyond what a loss on
 * regression targets needs. Every number comes from the kernels the {@code F} ops call, in
 * the same order, so a compiled step gives the same bits as the recorded one; the tests
 * compare them.
 *
 * <p>Made by {@link TrainStep}; {@link #compile} says why a model does not qualify.
 */
final class CompiledMlp {
  private static final int LINEAR = 0;
  private static final int LEAKY_RELU = 1;
  private static final int TANH = 2;
  private static final int SIGMOID = 3;

  private final int[] kind;
  private final Linear[] linear;
  private final float[] slope;
  /** The output width of each stage; {@link #inWidth} is the input's. */
  private final int[] width;
  private final int inWidth;
  private final float[][] weightGrad;
  private final float[][] biasGrad;
  private final Tensor[] weightGradTensor;
  private final Tensor[] biasGradTensor;
  /** Whether the model starts with a Flatten, so inputs of any rank with rows of inWidth fit. */
  private final boolean flattensInput;
  /** The containers the stages came from, and how many layers each had been given then. */
  private final Sequential[] containers;
  private final int[] layersAdded;
  /** Arrays for the last two batch sizes seen (a loader's last batch is often smaller). */
  private Buffers current;
  private Buffers previous;

  private CompiledMlp(List<Module> stages, List<Sequential> from, boolean flattensInput) {
    this.flattensInput = flattensInput;
    containers = from.toArray(new Sequential[0]);
    layersAdded = new int[containers.length];
    for (int i = 0; i < containers.length; i++) {
      layersAdded[i] = containers[i].layersAdded();
    }
    int n = stages.size();
    kind = new int[n];
    linear = new Linear[n];
    slope = new float[n];
    width = new int[n];
    weightGrad = new float[n][];
    biasGrad = new float[n][];
    weightGradTensor = new Tensor[n];
    biasGradTensor = new Tensor[n];
    int in = -1;
    int w = -1;
    for (int s = 0; s < n; s++) {
      Module m = stages.get(s);
      if (m instanceof Linear) {
        Linear l = (Linear) m;
        kind[s] = LINEAR;
        linear[s] = l;
        if (s == 0) {
          in = l.inFeatures();
        }
        w = l.outFeatures();
        weightGrad[s] = new float[w * l.inFeatures()];
        weightGradTensor[s] = Tensor.of(weightGrad[s], w, l.inFeatures());
        if (l.bias != null) {
          biasGrad[s] = new float[w];
          biasGradTensor[s] = Tensor.of(biasGrad[s], w);
        }
      } else {
        Activation a = (Activation) m;
        String k = a.kind();
        kind[s] = k.equals("tanh") ? TANH : k.equals("sigmoid") ? SIGMOID : LEAKY_RELU;
        slope[s] = k.equals("leaky_relu") ? (float) a.argument() : 0f;
      }
      width[s] = w;
    }
    inWidth = in;
  }

  /**
   * The compiled program of {@code model} when {@code optimizer} updates all of it, or a
   * sentence saying why not (returned through {@code whyNot}).
   */
  static CompiledMlp compile(Module model, List<Parameter> optimized, StringBuilder whyNot) {
    if (model.getClass() != Sequential.class) {
      whyNot.append("the model is a ").append(model.getClass().getSimpleName())
          .append(", not a Sequential");
      return null;
    }
    List<Module> stages = new ArrayList<>();
    List<Sequential> containers = new ArrayList<>();
    if (!flatten((Sequential) model, stages, containers, whyNot)) {
      return null;
    }
    int linears = 0;
    for (Module m : stages) {
      linears += m instanceof Linear ? 1 : 0;
    }
    if (linears == 0) {
      whyNot.append("it has no Linear layer");
      return null;
    }
    // Stages before the first Linear would only change what the first Linear reads; their
    // widths are those of the input, unknown here. Kept simple: the model starts with one.
    if (!(stages.get(0) instanceof Linear)) {
      whyNot.append("its first layer is not a Linear");
      return null;
    }
    Set<Module> distinctLayers = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Parameter> params = model.parameters();
    Set<Parameter> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(params);
    for (Module m : stages) {
      if (m instanceof Linear && !distinctLayers.add(m)) {
        distinct.clear(); // the same Linear twice: flagged below
      }
    }
    if (distinct.size() != params.size()) {
      whyNot.append("a layer appears twice (its gradients would add up)");
      return null;
    }
    Set<Parameter> updated = Collections.newSetFromMap(new IdentityHashMap<>());
    updated.addAll(optimized);
    for (Parameter p : params) {
      if (!p.requiresGrad() || !updated.contains(p)) {
        whyNot.append("the optimizer does not update every parameter of the model");
        return null;
      }
    }
    for (int s = 1; s < stages.size(); s++) {
      if (stages.get(s) instanceof Linear) {
        Linear prev = null;
        for (int t = s - 1; t >= 0 && prev == null; t--) {
          prev = stages.get(t) instanceof Linear ? (Linear) stages.get(t) : null;
        }
        if (prev.outFeatures() != ((Linear) stages.get(s)).inFeatures()) {
          whyNot.append("layer widths do not chain (").append(prev.outFeatures()).append(" into ")
              .append(((Linear) stages.get(s)).inFeatures()).append(')');
          return null;
        }
      }
    }
    return new CompiledMlp(stages, containers, startsWithFlatten((Sequential) model));
  }

  /** Appends the stages of {@code seq} (nested Sequentials opened, identities dropped). */
  private static boolean flatten(Sequential seq, List<Module> out, List<Sequential> containers,
      StringBuilder whyNot) {
    containers.add(seq);
    for (int i = 0; i < seq.size(); i++) {
      Module m = seq.get(i);
      if (m.getClass() == Sequential.class) {
        if (!flatten((Sequential) m, out, containers, whyNot)) {
          return false;
        }
      } else if (m.getClass() == Linear.class) {
        out.add(m);
      } else if (m.getClass() == Flatten.class) {
        // First: the input's rows as they lie in memory (see fits). Later: on the [batch,
        // width] arrays between layers, Flatten returns its input as it is.
        continue;
      } else if (m.getClass() == Activation.class && compilable((Activation) m)) {
        if (!((Activation) m).kind().equals("identity")) {
          out.add(m);
        }
      } else {
        whyNot.append("layer ").append(m).append(" is not a Linear, a Flatten or one of the "
            + "activations relu, leaky_relu, tanh, sigmoid, identity");
        return false;
      }
    }
    return true;
  }

  /** Whether the first layer, opening nested Sequentials, is a Flatten. */
  private static boolean startsWithFlatten(Sequential seq) {
    Module first = seq.size() == 0 ? null : seq.get(0);
    if (first != null && first.getClass() == Sequential.class) {
      return startsWithFlatten((Sequential) first);
    }
    return first != null && first.getClass() == Flatten.class;
  }

  /**
   * Whether this program takes {@code x} as it is: [batch, in] with batch at least 1, or, after
   * a leading Flatten, [batch, ...] whose other axes hold in values per row.
   */
  boolean takes(Tensor x) {
    if (x.rank() < 2 || x.size(0) < 1) {
      return false;
    }
    return x.rank() == 2 ? x.size(1) == inWidth
        : flattensInput && x.numel() / x.size(0) == inWidth;
  }

  private static boolean compilable(Activation a) {
    switch (a.kind().toLowerCase(Locale.ROOT)) {
      case "relu":
      case "leaky_relu":
      case "tanh":
      case "identity":
        return true;
      case "sigmoid":
        return a.argument() == 1; // with a temperature the op divides first: not compiled
      default:
        return false;
    }
  }

  /** Whether a layer was added to the model since this program was built from it. */
  boolean stale() {
    for (int i = 0; i < containers.length; i++) {
      if (containers[i].layersAdded() != layersAdded[i]) {
        return true;
      }
    }
    return false;
  }

  /** The width of the network's output. */
  int outWidth() {
    return width[width.length - 1];
  }

  /**
   * Forward: {@code x} [batch, in] through every stage. Returns the output array
   * [batch, out], which stays this program's and is overwritten by the next call.
   */
  float[] forward(float[] x, int batch) {
    Buffers b = buffers(batch);
    float[] in = x;
    for (int s = 0; s < kind.length; s++) {
      float[] out = b.out[s];
      switch (kind[s]) {
        case LINEAR:
          Linear l = linear[s];
          dev.kairo.functions.connection.Linear.affine(in, data(l.weight),
              l.bias == null ? null : data(l.bias), batch, l.inFeatures(), width[s], out);
          break;
        case LEAKY_RELU:
          ActivationKernels.leakyRectify(in, slope[s], out);
          break;
        case TANH:
          ActivationKernels.tanh(in, out);
          break;
        default:
          ActivationKernels.sigmoid(in, out);
          break;
      }
      in = out;
    }
    return in;
  }

  /**
   * The softmax cross-entropy of the last {@link #forward} output against {@code labels}: its
   * value (mean, or sum when {@code summed}), with the gradient of that value with respect to
   * the output left in this program's loss-gradient array.
   */
  float crossEntropy(int[] labels, boolean summed, int[] outShape) {
    Buffers b = current;
    int n = b.batch;
    int c = outWidth();
    float[] logits = b.out[kind.length - 1];
    LossKernels.checkLabels("softmaxCrossEntropy", labels, n, c, outShape);
    ActivationKernels.softmaxRows(logits, n, c, b.probs, b.lse);
    float mean = (float) (LossKernels.crossEntropySum(b.lse, logits, labels, n, c) / n);
    // As the ops compute it: the sum is F.mul(mean, n), whose backward seeds the mean with n.
    float seed = summed ? n : 1f;
    LossKernels.crossEntropyGradient(b.probs, labels, n, c, seed / n, b.lossGrad);
    return summed ? mean * n : mean;
  }

  /** The output array of the last {@link #forward}. */
  float[] output() {
    return current.out[kind.length - 1];
  }

  /** The array the loss's gradient with respect to the output goes into. */
  float[] lossGradient() {
    return current.lossGrad;
  }

  /**
   * Backward from {@code gy}, the loss's gradient with respect to the output of the last
   * {@link #forward}, for input {@code x}; then every parameter's gradient is set to this
   * program's array for it (overwritten by the next step, as PyTorch's {@code .grad}).
   */
  void backward(float[] x, float[] gy) {
    Buffers b = current;
    int batch = b.batch;
    float[] g = gy;
    for (int s = kind.length - 1; s >= 0; s--) {
      // Stage 0 is a Linear (see compile), whose input x needs no gradient.
      float[] in = s == 0 ? x : b.out[s - 1];
      float[] gIn = s == 0 ? null : b.grad[s - 1];
      switch (kind[s]) {
        case LINEAR:
          Linear l = linear[s];
          int fanIn = l.inFeatures();
          if (s > 0) {
            dev.kairo.functions.connection.Linear.inputGradient(g, data(l.weight), batch, fanIn,
                width[s], gIn);
          }
          dev.kairo.functions.connection.Linear.weightGradient(g, in, batch, fanIn, width[s],
              weightGrad[s]);
          if (l.bias != null) {
            Rows.columnSums(g, batch, width[s], biasGrad[s]);
          }
          break;
        case LEAKY_RELU:
          ActivationKernels.maskNonPositive(g, in, slope[s], gIn);
          break;
        case TANH:
          ActivationKernels.mulOneMinusSquare(g, b.out[s], gIn);
          break;
        default:
          ActivationKernels.mulLogisticSlope(g, b.out[s], 1f, gIn);
          break;
      }
      g = gIn;
    }
    for (int s = 0; s < kind.length; s++) {
      if (kind[s] == LINEAR) {
        linear[s].weight.setGrad(weightGradTensor[s]);
        if (linear[s].bias != null) {
          linear[s].bias.setGrad(biasGradTensor[s]);
        }
      }
    }
  }

  private static float[] data(Parameter p) {
    return p.data().denseData();
  }

  private Buffers buffers(int batch) {
    if (current == null || current.batch != batch) {
      Buffers swap = previous != null && previous.batch == batch ? previous : new Buffers(batch);
      previous = current;
      current = swap;
    }
    return current;
  }

  /** The arrays of one batch size: each stage's output and the gradient with respect to it. */
  private final class Buffers {
    final int batch;
    final float[][] out;
    final float[][] grad;
    final float[] lossGrad;
    final float[] probs;
    final double[] lse;

    Buffers(int batch) {
      this.batch = batch;
      int n = kind.length;
      out = new float[n][];
      grad = new float[n][];
      for (int s = 0; s < n; s++) {
        out[s] = new float[batch * width[s]];
        grad[s] = s < n - 1 ? new float[batch * width[s]] : null;
      }
      lossGrad = new float[batch * width[n - 1]];
      probs = new float[batch * width[n - 1]];
      lse = new double[batch];
    }
  }
}
