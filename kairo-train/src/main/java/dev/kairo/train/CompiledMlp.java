package dev.kairo.train;

import dev.kairo.nn.Linear;
import dev.kairo.nn.MlpStages;
import dev.kairo.nn.Module;
import dev.kairo.nn.Parameter;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.LossKernels;
import dev.kairo.tensor.PackedMlp;
import dev.kairo.tensor.Rows;
import dev.kairo.tensor.Tensor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The training step of a plain multilayer perceptron as one straight program: a
 * {@code Sequential} of {@link Linear} layers and element-wise activations (ReLU, leaky ReLU,
 * tanh, sigmoid, identity) run forward into arrays it keeps, then backward into arrays it
 * keeps, with no graph recorded and nothing allocated per step beyond what a loss on
 * regression targets needs. Every number comes from the kernels the {@code F} ops call, in
 * the same order, so a compiled step gives the same bits as the recorded one; the tests
 * compare them.
 *
 * <p>Made by {@link TrainStep}; {@link #compile} says why a model does not qualify.
 */
final class CompiledMlp {
  private static final int LINEAR = PackedMlp.LINEAR;
  private static final int LEAKY_RELU = PackedMlp.LEAKY_RELU;
  private static final int TANH = PackedMlp.TANH;

  private final MlpStages stages;
  private final int[] kind;
  private final Linear[] linear;
  private final float[] slope;
  /** The output width of each stage. */
  private final int[] width;
  private final float[][] weightGrad;
  private final float[][] biasGrad;
  private final Tensor[] weightGradTensor;
  private final Tensor[] biasGradTensor;
  /** Arrays for the last two batch sizes seen (a loader's last batch is often smaller). */
  private Buffers current;
  private Buffers previous;

  private CompiledMlp(MlpStages stages) {
    this.stages = stages;
    kind = stages.kinds();
    width = stages.widths();
    slope = stages.slopes();
    int n = kind.length;
    linear = new Linear[n];
    weightGrad = new float[n][];
    biasGrad = new float[n][];
    weightGradTensor = new Tensor[n];
    biasGradTensor = new Tensor[n];
    for (int s = 0; s < n; s++) {
      if (kind[s] == LINEAR) {
        Linear l = stages.linear(s);
        linear[s] = l;
        weightGrad[s] = new float[width[s] * l.inFeatures()];
        weightGradTensor[s] = Tensor.of(weightGrad[s], width[s], l.inFeatures());
        if (l.bias != null) {
          biasGrad[s] = new float[width[s]];
          biasGradTensor[s] = Tensor.of(biasGrad[s], width[s]);
        }
      }
    }
  }

  /**
   * The compiled program of {@code model} when it is a plain MLP ({@link MlpStages}) and
   * {@code optimizer} updates all of it, or a sentence saying why not (through
   * {@code whyNot}).
   */
  static CompiledMlp compile(Module model, List<Parameter> optimized, StringBuilder whyNot) {
    MlpStages stages = MlpStages.of(model, whyNot);
    if (stages == null) {
      return null;
    }
    Set<Module> distinctLayers = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Parameter> params = model.parameters();
    Set<Parameter> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(params);
    for (Module m : stages.modules()) {
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
    return new CompiledMlp(stages);
  }

  /**
   * Whether this program takes {@code x} as it is: [batch, in] with batch at least 1, or, after
   * a leading Flatten, [batch, ...] whose other axes hold in values per row.
   */
  boolean takes(Tensor x) {
    return stages.takes(x);
  }

  /** Whether a layer was added to the model since this program was built from it. */
  boolean stale() {
    return stages.stale();
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
