package dev.kairo.train.callbacks;

import dev.kairo.optim.schedule.LrSchedule;
import dev.kairo.train.Callback;
import dev.kairo.train.TrainingContext;
import java.util.Map;

/**
 * Steps a learning-rate schedule as training runs: once per epoch, or once per batch for
 * schedules counted in steps (warm-up, a cosine over the whole run).
 *
 * <pre>{@code
 * Adam opt = new Adam(model.parameters(), 2e-3);
 * int steps = epochs * loader.numBatches();
 * trainer = Trainer.builder(model, opt, loss).epochs(epochs)
 *     .callbacks(LrScheduler.perBatch(new CosineAnnealing(opt, steps, 0))).build();
 * }</pre>
 */
public final class LrScheduler implements Callback {
  private final LrSchedule schedule;
  private final boolean perBatch;

  private LrScheduler(LrSchedule schedule, boolean perBatch) {
    this.schedule = schedule;
    this.perBatch = perBatch;
  }

  /** Steps {@code schedule} after every epoch. */
  public static LrScheduler perEpoch(LrSchedule schedule) {
    return new LrScheduler(schedule, false);
  }

  /** Steps {@code schedule} after every batch (its "epochs" are then optimizer steps). */
  public static LrScheduler perBatch(LrSchedule schedule) {
    return new LrScheduler(schedule, true);
  }

  @Override
  public void onBatchEnd(TrainingContext ctx, int batch, double loss, int batchSize) {
    if (perBatch) {
      schedule.step();
    }
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
    if (!perBatch) {
      schedule.step();
    }
  }
}
