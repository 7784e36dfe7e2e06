package dev.kairo.train.callbacks;

import dev.kairo.tensor.Tensor;
import dev.kairo.train.Callback;
import dev.kairo.train.TrainingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a copy of the model's weights from its best epoch by a monitored value, and puts them
 * back when training ends, also when it ends in failure (a diverged loss), so the model left in
 * memory is the best one seen (choosing the best model, seed 004's step 8).
 *
 * <pre>{@code
 * BestModel best = new BestModel("val_accuracy");
 * trainer = Trainer.builder(...).callbacks(best).build();
 * trainer.fit(train, validation);
 * best.bestEpoch();
 * }</pre>
 */
public final class BestModel implements Callback {
  private final Monitor monitor;
  private Map<String, Tensor> bestState;
  private double best = Double.NaN;
  private int bestEpoch;

  /** Watches {@code monitor} (lower is better for losses, higher for accuracy-like names). */
  public BestModel(String monitor) {
    this.monitor = new Monitor(monitor);
  }

  @Override
  public void onTrainBegin(TrainingContext ctx) {
    bestState = null;
    best = Double.NaN;
    bestEpoch = 0;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
    double v = monitor.read("BestModel", log);
    if (monitor.improves(v, best, 0)) {
      best = v;
      bestEpoch = ctx.epoch();
      Map<String, Tensor> copy = new LinkedHashMap<>();
      ctx.model().stateDict().forEach((k, t) -> copy.put(k, t.copy()));
      bestState = copy;
    }
  }

  @Override
  public void onTrainEnd(TrainingContext ctx, boolean failed) {
    if (bestState != null) {
      ctx.model().loadStateDict(bestState);
    }
  }

  /** The epoch whose weights are kept (0 before any epoch finished). */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The best monitored value (NaN before any epoch finished). */
  public double bestValue() {
    return best;
  }
}
