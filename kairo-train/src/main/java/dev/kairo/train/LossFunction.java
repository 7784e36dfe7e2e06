package dev.kairo.train;

import dev.kairo.autograd.Variable;
import dev.kairo.data.Batch;
import dev.kairo.functions.F;

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
    return (out, batch) -> F.softmaxCrossEntropy(out, batch.labels());
  }

  /** Mean squared error against the batch's targets (same shape as the output). */
  static LossFunction meanSquaredError() {
    return (out, batch) -> F.meanSquaredError(out, Variable.of(batch.y()));
  }
}
