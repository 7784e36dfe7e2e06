package dev.kairo.optim.schedule;

import dev.kairo.optim.Optimizer;

/**
 * Linear warm-up: the rate climbs from {@code base/warmup} to the base over {@code warmup}
 * steps, then follows {@code after} (or stays at the base when {@code after} is null).
 * Usually stepped per batch. The optimizer starts at the first warm-up rate.
 *
 * <pre>{@code
 * LrSchedule s = new LinearWarmup(opt, 500, null);
 * }</pre>
 */
public final class LinearWarmup extends LrSchedule {
  private final int warmup;
  private final LrSchedule after;

  /** @param warmup steps of warm-up, >= 1; @param after the schedule that follows, or null */
  public LinearWarmup(Optimizer optimizer, int warmup, LrSchedule after) {
    super(optimizer);
    if (warmup < 1) {
      throw new IllegalArgumentException("LinearWarmup: warm-up steps must be >= 1, got " + warmup);
    }
    this.warmup = warmup;
    this.after = after;
    optimizer.setLearningRate(rateAt(0));
  }

  @Override
  public double rateAt(int epoch) {
    if (epoch < warmup) {
      return baseLr * (epoch + 1) / warmup;
    }
    return after == null ? baseLr : after.rateAt(epoch - warmup);
  }
}
