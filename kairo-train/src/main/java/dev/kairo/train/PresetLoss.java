package dev.kairo.train;

import dev.kairo.autograd.Variable;
import dev.kairo.data.Batch;

/**
 * A {@link LossFunction} preset that a {@link TrainStep} knows by name, so the {@link Trainer}
 * can run its steps compiled: {@link LossFunction#softmaxCrossEntropy()},
 * {@link LossFunction#softmaxCrossEntropySum()} and {@link LossFunction#meanSquaredError()}.
 */
final class PresetLoss implements LossFunction {
  private final StepLoss kind;

  PresetLoss(StepLoss kind) {
    this.kind = kind;
  }

  /** The step loss this preset is. */
  StepLoss kind() {
    return kind;
  }

  @Override
  public Variable apply(Variable output, Batch batch) {
    return kind.takesLabels() ? kind.eager(output, batch.labels(), null)
        : kind.eager(output, null, batch.y());
  }

  @Override
  public String toString() {
    return kind.toString();
  }
}
