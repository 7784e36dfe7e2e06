package dev.kairo.train;

import dev.kairo.autograd.Variable;
import dev.kairo.data.Batch;

/**
 * The loss of a model's output on a batch. The presets cover classification (logits against
 * class labels) and regression (outputs against target values).
 *
 * <pre>{@code
 * LossFunction ce = LossFunction.softmaxCrossEntropy();
 * LossFunction custom = (out, batch) -> F.huberLoss(out, Variable.of(batch.y()), 1f);
 * }</pre>
 */
@FunctionalInterface
public interface LossFunction {
  /** The scalar loss of {@code output} on {@code batch}. */
  Variable apply(Variable output, Batch batch);

  /** Mean softmax cross-entropy of logits [N, C] against the batch's class labels. */
  static LossFunction softmaxCrossEntropy() {
    return new PresetLoss(StepLoss.SOFTMAX_CROSS_ENTROPY);
  }

  /**
   * Softmax cross-entropy summed over the batch's rows (the mean times the batch size), seed
   * 003's loss: with full-batch steps its gradient is the sum of the per-example gradients.
   */
  static LossFunction softmaxCrossEntropySum() {
    return new PresetLoss(StepLoss.SOFTMAX_CROSS_ENTROPY_SUM);
  }

  /** Mean squared error against the batch's targets (same shape as the output). */
  static LossFunction meanSquaredError() {
    return new PresetLoss(StepLoss.MEAN_SQUARED_ERROR);
  }
}
