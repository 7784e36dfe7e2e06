package dev.kairo.train;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;

/**
 * The losses a {@link TrainStep} knows, each defined by the {@code F} ops it stands for: a
 * compiled step computes exactly their numbers, and a step that cannot be compiled calls them.
 *
 * <pre>{@code
 * TrainStep step = TrainStep.of(net, StepLoss.SOFTMAX_CROSS_ENTROPY_SUM, opt);
 * }</pre>
 */
public enum StepLoss {
  /** {@code F.softmaxCrossEntropy(out, labels)}: the mean over the rows. */
  SOFTMAX_CROSS_ENTROPY(true),
  /** {@code F.mul(F.softmaxCrossEntropy(out, labels), n)}: summed over the n rows (seed 003). */
  SOFTMAX_CROSS_ENTROPY_SUM(true),
  /** {@code F.meanSquaredError(out, target)}: the mean over every element. */
  MEAN_SQUARED_ERROR(false),
  /** {@code F.sumSquaredError(out, target)}: {@code ½ Σ (out − target)²} (seed 000). */
  HALF_SUM_SQUARED_ERROR(false);

  private final boolean classification;

  StepLoss(boolean classification) {
    this.classification = classification;
  }

  /** Whether the targets are class labels ({@code int[]}) rather than a tensor of values. */
  public boolean takesLabels() {
    return classification;
  }

  /** The loss recorded on the graph, as the {@code F} ops compute it. */
  Variable eager(Variable out, int[] labels, Tensor target) {
    switch (this) {
      case SOFTMAX_CROSS_ENTROPY:
        return F.softmaxCrossEntropy(out, labels);
      case SOFTMAX_CROSS_ENTROPY_SUM:
        return F.mul(F.softmaxCrossEntropy(out, labels), labels.length);
      case MEAN_SQUARED_ERROR:
        return F.meanSquaredError(out, Variable.of(target));
      default:
        return F.sumSquaredError(out, Variable.of(target));
    }
  }
}
