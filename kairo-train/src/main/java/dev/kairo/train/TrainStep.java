package dev.kairo.train;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.nn.Module;
import dev.kairo.optim.Optimizer;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * One training step as one call: forward, loss, {@code zeroGrad()}, backward and the
 * optimizer's {@code step()}, what Keras calls {@code train_on_batch}. It returns the loss and
 * leaves each parameter's gradient in {@code grad()}, as the five-line loop does:
 *
 * <pre>{@code
 * TrainStep step = TrainStep.of(net, StepLoss.SOFTMAX_CROSS_ENTROPY, new Sgd(net.parameters(), 0.1));
 * for (int epoch = 0; epoch < 100; epoch++) {
 *   float loss = step.run(x, labels);          // the same numbers as:
 * }                                            //   Variable l = F.softmaxCrossEntropy(net.forward(
 *                                              //       Variable.of(x)), labels);
 *                                              //   opt.zeroGrad(); l.backward(); opt.step();
 * }</pre>
 *
 * <p><b>Compiled when it can be.</b> A {@code Sequential} of {@code Linear} layers, the
 * activations ReLU, leaky ReLU, tanh, sigmoid and identity, and {@code Flatten}, trained by an optimizer that
 * updates all of it, runs as a straight program ({@code CompiledMlp}): no graph recorded, its
 * arrays kept from one step to the next, the same kernels in the same order, so the same
 * bits as the recorded step. Where a step takes microseconds, the graph and the fresh arrays
 * count: in steady state they were an eighth of seed 003's 2-3-2 step and two fifths of seed
 * 000's 1-1024-1 step. Any other model, or a step under {@link NoGrad}, runs the recorded way;
 * {@link #compiled()} says which, and {@link #toString()} why.
 *
 * <p>{@link #forward}, {@link #backward()} and {@link #update()} are the three parts of
 * {@code run} for a caller that looks in between (the {@link Trainer} checks the loss before
 * any update, and its callbacks see the gradients before the optimizer does).
 *
 * <p>Gradient arrays of a compiled step are reused: a {@code grad()} tensor read after one
 * step is overwritten by the next (copy it to keep it), as in PyTorch, where {@code .grad} is
 * filled in place. Not for use by several threads at once.
 */
public final class TrainStep {
  private final Module model;
  private final StepLoss loss;
  private final Optimizer optimizer;
  private CompiledMlp program;
  private String reason;

  /** Where a step split in three stands: forward, backward and update go in that order. */
  private enum Phase { NONE, FORWARD, BACKWARD }

  private Phase phase = Phase.NONE;
  // What backward needs from forward: the recorded loss, or the compiled program's input and
  // the loss's gradient with respect to the output.
  private Variable recordedLoss;
  private Variable recordedOutput;
  private float[] input;
  private float[] outputGradient;
  private int[] outputShape;

  private TrainStep(Module model, StepLoss loss, Optimizer optimizer) {
    this.model = model;
    this.loss = loss;
    this.optimizer = optimizer;
    compile();
  }

  /** Builds the compiled program of the model as it is now, or says why there is none. */
  private void compile() {
    StringBuilder whyNot = new StringBuilder();
    program = CompiledMlp.compile(model, optimizer.parameters(), whyNot);
    reason = whyNot.toString();
  }

  /**
   * A step of {@code optimizer} on {@code loss} of {@code model}'s output.
   *
   * @throws IllegalArgumentException when an argument is null
   */
  public static TrainStep of(Module model, StepLoss loss, Optimizer optimizer) {
    if (model == null || loss == null || optimizer == null) {
      throw new IllegalArgumentException("TrainStep.of: model, loss and optimizer must all be "
          + "given (got " + model + ", " + loss + ", " + optimizer + ")");
    }
    return new TrainStep(model, loss, optimizer);
  }

  /** Whether the loss compares with class labels (else with a target tensor). */
  boolean takesLabels() {
    return loss.takesLabels();
  }

  /** Whether steps run as a compiled program rather than through a recorded graph. */
  public boolean compiled() {
    return program != null;
  }

  /**
   * One step on inputs {@code x} [batch, in] against class {@code labels} (one per row).
   *
   * @return the loss before the update
   * @throws IllegalArgumentException when the loss takes target values, or the shapes or
   *     labels do not fit (the message names the layer or the op, and the shapes)
   */
  public float run(Tensor x, int[] labels) {
    float value = forward(x, labels);
    backward();
    update();
    return value;
  }

  /**
   * One step on inputs {@code x} [batch, in] against {@code target} (the output's shape).
   *
   * @return the loss before the update
   * @throws IllegalArgumentException when the loss takes labels, or the shapes do not fit
   */
  public float run(Tensor x, Tensor target) {
    float value = forward(x, target);
    backward();
    update();
    return value;
  }

  /**
   * The first third of {@link #run(Tensor, int[])}: the output and the loss, with what
   * {@link #backward()} needs kept. Nothing is updated yet, so a caller can look at the loss
   * (is it finite?) before it changes the model.
   *
   * @return the loss
   */
  public float forward(Tensor x, int[] labels) {
    if (!loss.takesLabels()) {
      throw new IllegalArgumentException("TrainStep: " + loss + " compares outputs with "
          + "target values; pass a target tensor, not labels");
    }
    return forward(x, labels, null);
  }

  /** {@link #forward(Tensor, int[])} against target values. */
  public float forward(Tensor x, Tensor target) {
    if (loss.takesLabels()) {
      throw new IllegalArgumentException("TrainStep: " + loss + " takes class labels (int[]), "
          + "not a target tensor");
    }
    return forward(x, null, target);
  }

  // Kept short, its cold paths in methods of their own: grown past C2's inlining limit for hot
  // methods (325 bytes of bytecode), it cost W5b a fifth of its time.
  private float forward(Tensor x, int[] labels, Tensor target) {
    if (x == null || (labels == null && target == null)) {
      throw missing(x, labels, target);
    }
    phase = Phase.NONE;
    recordedLoss = null;
    recordedOutput = null;
    if (program != null && program.stale()) {
      recompile();
    }
    if (program == null || !NoGrad.isGradEnabled() || !fits(x, target)) {
      return recordedForward(x, labels, target);
    }
    int batch = x.size(0);
    input = x.denseData();
    float[] out = program.forward(input, batch);
    if (outputShape == null || outputShape[0] != batch) {
      outputShape = new int[] {batch, program.outWidth()};
    }
    float value = labels != null ? crossEntropy(labels) : squaredError(out, target);
    phase = Phase.FORWARD;
    return value;
  }

  private float crossEntropy(int[] labels) {
    float value = program.crossEntropy(labels, loss == StepLoss.SOFTMAX_CROSS_ENTROPY_SUM,
        outputShape);
    outputGradient = program.lossGradient();
    return value;
  }

  /** Small outputs (regression): the Tensor ops of F.meanSquaredError / F.sumSquaredError. */
  private float squaredError(float[] out, Tensor target) {
    Tensor diff = Tensor.of(out, outputShape).sub(target);
    if (loss == StepLoss.MEAN_SQUARED_ERROR) {
      outputGradient = diff.mul(2f / diff.numel()).denseData();
      return diff.square().mean().item();
    }
    outputGradient = diff.denseData();
    return diff.square().sum().mul(0.5f).item();
  }

  /** Not compilable, or the input does not fit: the recorded ops (which give the errors too). */
  private float recordedForward(Tensor x, int[] labels, Tensor target) {
    recordedOutput = model.forward(Variable.of(x));
    recordedLoss = loss.eager(recordedOutput, labels, target);
    phase = Phase.FORWARD;
    return recordedLoss.item();
  }

  /** A layer was added since the program was built: it must follow the model. */
  private void recompile() {
    compile();
    outputShape = null;
  }

  private IllegalArgumentException missing(Tensor x, int[] labels, Tensor target) {
    return new IllegalArgumentException("TrainStep: the inputs and the "
        + (loss.takesLabels() ? "labels" : "targets") + " must be given (got "
        + (x == null ? "no inputs" : "inputs " + Shape.str(x.shape()))
        + (labels == null && target == null ? ", none" : "") + ")");
  }

  /**
   * The second third: {@code zeroGrad()}, then every parameter's gradient of the loss of the
   * last {@link #forward} into its {@code grad()}.
   *
   * @throws IllegalStateException unless a forward came just before
   */
  public void backward() {
    if (phase != Phase.FORWARD) {
      throw new IllegalStateException("TrainStep.backward: call forward first (once per "
          + "backward)");
    }
    optimizer.zeroGrad();
    if (recordedLoss != null) {
      recordedLoss.backward();
    } else {
      program.backward(input, outputGradient);
    }
    phase = Phase.BACKWARD;
  }

  /**
   * The last third: the optimizer's {@code step()} on the gradients of {@link #backward()}.
   *
   * @throws IllegalStateException unless a backward came just before
   */
  public void update() {
    if (phase != Phase.BACKWARD) {
      throw new IllegalStateException("TrainStep.update: call backward first");
    }
    optimizer.step();
    phase = Phase.NONE;
  }

  /**
   * The model's output in the last {@link #forward}, [batch, out]. Compiled, it shares the
   * step's array, which the next forward overwrites: copy it to keep it.
   *
   * @throws IllegalStateException before the first forward
   */
  public Tensor output() {
    if (recordedOutput != null) {
      return recordedOutput.data();
    }
    if (outputShape == null) {
      throw new IllegalStateException("TrainStep.output: no forward yet");
    }
    return Tensor.of(program.output(), outputShape);
  }

  /** Whether {@code x} (and the target) have the shapes the compiled program takes. */
  private boolean fits(Tensor x, Tensor target) {
    if (!program.takes(x)) {
      return false;
    }
    return target == null || (target.rank() == 2 && target.size(0) == x.size(0)
        && target.size(1) == program.outWidth());
  }

  @Override
  public String toString() {
    return "TrainStep(" + loss + ", " + optimizer.getClass().getSimpleName() + ", "
        + (program != null ? "compiled" : "recorded: " + reason) + ")";
  }
}
