package dev.kairo.train;

import java.util.Map;

/**
 * Hooks into the {@link Trainer}'s loop (Chainer's extensions, Keras's callbacks). Every
 * method has an empty default; implement the ones you need.
 *
 * <pre>{@code
 * Callback printer = new Callback() {
 *   public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
 *     System.out.println(log);
 *   }
 * };
 * }</pre>
 */
public interface Callback {
  /** Before the first epoch. */
  default void onTrainBegin(TrainingContext ctx) {}

  /** Before each epoch (1-based). */
  default void onEpochBegin(TrainingContext ctx, int epoch) {}

  /** After {@code backward()}, before the optimizer's step: gradients are available. */
  default void afterBackward(TrainingContext ctx) {}

  /** After each optimizer step, with the batch's loss and size. */
  default void onBatchEnd(TrainingContext ctx, int batch, double loss, int batchSize) {}

  /** After each epoch's validation, with that epoch's values (already in the history). */
  default void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {}

  /** After the last epoch, or when training fails ({@code failed} true) before the error is thrown. */
  default void onTrainEnd(TrainingContext ctx, boolean failed) {}
}
