package dev.kairo.train.callbacks;

import dev.kairo.train.Callback;
import dev.kairo.train.TrainingContext;
import java.util.Map;

/**
 * Stops training when a monitored value has not improved for {@code patience} epochs (the
 * simplest cure for over-fitting, 過学習: stop when validation stops getting better).
 *
 * <pre>{@code
 * new EarlyStopping("val_loss", 5)            // lower is better for losses
 * new EarlyStopping("val_accuracy", 3, 1e-3)  // higher is better for accuracy
 * }</pre>
 */
public final class EarlyStopping implements Callback {
  private final Monitor monitor;
  private final int patience;
  private final double minDelta;
  private double best = Double.NaN;
  private int bestEpoch;
  private int wait;

  /** Stops after {@code patience} epochs without improvement. */
  public EarlyStopping(String monitor, int patience) {
    this(monitor, patience, 0);
  }

  /** Improvements smaller than {@code minDelta} do not count. */
  public EarlyStopping(String monitor, int patience, double minDelta) {
    if (patience < 0 || !(minDelta >= 0)) {
      throw new IllegalArgumentException("EarlyStopping: patience and min delta must be >= 0, got "
          + patience + " and " + minDelta);
    }
    this.monitor = new Monitor(monitor);
    this.patience = patience;
    this.minDelta = minDelta;
  }

  @Override
  public void onTrainBegin(TrainingContext ctx) {
    best = Double.NaN;
    wait = 0;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
    double v = monitor.read("EarlyStopping", log);
    if (monitor.improves(v, best, minDelta)) {
      best = v;
      bestEpoch = ctx.epoch();
      wait = 0;
    } else if (++wait > patience) {
      ctx.requestStop(String.format("%s did not improve for %d epochs (best %.5g at epoch %d)",
          monitor.name, wait, best, bestEpoch));
    }
  }

  /** The epoch with the best value so far. */
  public int bestEpoch() {
    return bestEpoch;
  }
}
