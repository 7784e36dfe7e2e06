package dev.kairo.nn;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.PackedMlp;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * A model ready to serve predictions: outputs, or class probabilities, with no graph, for one
 * sample or a batch. What a program that ships a trained model calls, where PyTorch users
 * write {@code with torch.inference_mode(): model(x)} or freeze the model with TorchScript.
 *
 * <pre>{@code
 * model.eval();
 * Predictor predictor = Predictor.of(model);
 * Tensor probs = predictor.probabilities(image);   // [1, 10] for a [1, 784] image
 * }</pre>
 *
 * <p><b>A plain MLP is packed.</b> A {@link Sequential} of {@link Linear} layers, ReLU, leaky
 * ReLU, tanh, sigmoid, identity and {@link Flatten} (what {@link MlpStages} accepts) is copied,
 * when the predictor is made, into the layout its inference reads fastest
 * ({@link PackedMlp}): one sample goes through all its layers in a single parallel call, each
 * layer's weights read front to back from cache, and a batch in one parallel call too. On
 * W6's network (784-256-128-10) in steady state on two cores, one sample took 3.3-4.8 µs
 * against 5.4-5.6 µs for {@code model.forward} under {@link NoGrad}, and a batch of 128
 * 195 µs against 222. The outputs agree with {@code model.forward}'s to float
 * rounding (sums are taken in another order), and repeat bit for bit for the same thread
 * count.
 *
 * <p>Because it is a copy, <b>training the model afterwards does not change a packed
 * predictor</b>: make a new one (it takes about a millisecond per megabyte of weights).
 * {@link #packed()} says whether the model was packed, and {@link #toString()} why not.
 *
 * <p>Any other model runs as itself: {@code model.forward} under {@code NoGrad}, in whatever
 * mode the model is (call {@code eval()} first, as in PyTorch, so that dropout and batch norm
 * behave for inference). Safe to call from several threads at once when the model's own
 * forward is.
 */
public final class Predictor {
  private final Module model;
  private final MlpStages stages;
  private final PackedMlp packed;
  private final String reason;

  private Predictor(Module model, MlpStages stages, PackedMlp packed, String reason) {
    this.model = model;
    this.stages = stages;
    this.packed = packed;
    this.reason = reason;
  }

  /** A predictor for {@code model}: packed when it is a plain MLP (see the class comment). */
  public static Predictor of(Module model) {
    StringBuilder why = new StringBuilder();
    MlpStages stages = MlpStages.of(model, why);
    if (stages == null) {
      return new Predictor(model, null, null, why.toString());
    }
    int n = stages.size();
    float[][] weights = new float[n][];
    float[][] biases = new float[n][];
    for (int s = 0; s < n; s++) {
      if (stages.kind(s) == PackedMlp.LINEAR) {
        Linear l = stages.linear(s);
        weights[s] = l.weight.data().denseData();
        biases[s] = l.bias == null ? null : l.bias.data().denseData();
      }
    }
    PackedMlp packed = PackedMlp.pack(stages.inWidth(), stages.kinds(), stages.widths(),
        stages.slopes(), weights, biases);
    return new Predictor(model, stages, packed, null);
  }

  /** Whether the model was packed (a plain MLP), rather than run as itself. */
  public boolean packed() {
    return packed != null;
  }

  /**
   * The model's output for {@code x}: the same shape as {@code model.forward} gives, computed
   * with no graph.
   *
   * @throws IllegalArgumentException naming the expected and actual shapes, when a packed
   *     model is given an input whose rows do not hold its input width (any other model
   *     reports bad input as its layers do)
   */
  public Tensor predict(Tensor x) {
    if (packed == null) {
      try (NoGrad g = NoGrad.enter()) {
        return model.forward(Variable.of(x)).data();
      }
    }
    return Tensor.of(packedForward(x), x.size(0), packed.outWidth());
  }

  /** The packed model's output for {@code x}, a fresh [rows, out] array. */
  private float[] packedForward(Tensor x) {
    if (!stages.takes(x)) {
      throw badInput(x);
    }
    return packed.forward(x.denseData(), x.size(0));
  }

  /** The error for an input the packed model cannot take, naming both shapes and the layer. */
  private IllegalArgumentException badInput(Tensor x) {
    String flattened = x.rank() > 2 && x.size(0) > 0
        ? " (flattened: [" + x.size(0) + ", " + x.numel() / x.size(0) + "])" : "";
    String flattenNote = x.rank() > 2 && !flattened.isEmpty() && !stages.flattensInput()
        ? "; the model does not start with Flatten, so it takes rank-2 inputs only" : "";
    return new IllegalArgumentException("Predictor: input " + Shape.str(x.shape()) + flattened
        + " does not fit the model's first layer, " + stages.linear(0) + ", which takes [batch, "
        + stages.inWidth() + "] (batch at least 1)" + flattenNote);
  }

  /**
   * Softmax probabilities over the last axis of {@link #predict}'s output: for a classifier
   * whose last layer gives logits, each row's class probabilities.
   */
  public Tensor probabilities(Tensor x) {
    if (packed == null) {
      Tensor logits = predict(x);
      int width = logits.size(-1);
      int rows = logits.numel() / Math.max(1, width);
      float[] p = new float[logits.numel()];
      ActivationKernels.softmaxRows(logits.denseData(), rows, width, p, new double[rows]);
      return Tensor.of(p, logits.shape());
    }
    // The packed output is a fresh array: softmax in place, row by row, with no parallel call
    // (a few classes per row), in code this method's compiled form takes in whole.
    float[] out = packedForward(x);
    int width = packed.outWidth();
    int rows = out.length / width;
    for (int r = 0; r < rows; r++) {
      ActivationKernels.softmaxRow(out, r * width, width, out);
    }
    return Tensor.of(out, rows, width);
  }

  @Override
  public String toString() {
    return packed != null
        ? "Predictor(packed MLP " + packed.inWidth() + " -> " + packed.outWidth() + ")"
        : "Predictor(runs " + model.getClass().getSimpleName() + ".forward: " + reason + ")";
  }
}
