package dev.kairo.optim.schedule;

import dev.kairo.optim.Optimizer;

/**
 * Cosine annealing from the base rate down to {@code minLr} over {@code period} epochs
 * (PyTorch's CosineAnnealingLR without restarts):
 * {@code lr = min + (base − min)·(1 + cos(π·epoch/period))/2}, then held at min.
 *
 * <pre>{@code
 * LrSchedule s = new CosineAnnealing(opt, 100, 1e-5);
 * }</pre>
 */
public final class CosineAnnealing extends LrSchedule {
  private final int period;
  private final double minLr;

  /** @param period epochs to reach minLr, >= 1; @param minLr final rate, >= 0 (0 is held as a tiny positive rate) */
  public CosineAnnealing(Optimizer optimizer, int period, double minLr) {
    super(optimizer);
    if (period < 1) {
      throw new IllegalArgumentException("CosineAnnealing: period must be >= 1, got " + period);
    }
    if (!(minLr >= 0 && minLr < baseLr)) {
      throw new IllegalArgumentException("CosineAnnealing: min lr must be in [0, " + baseLr
          + "), got " + minLr);
    }
    this.period = period;
    this.minLr = minLr;
  }

  @Override
  public double rateAt(int epoch) {
    double t = Math.min(epoch, period);
    double lr = minLr + (baseLr - minLr) * (1 + Math.cos(Math.PI * t / period)) / 2;
    // An optimizer refuses lr = 0; the last point of a schedule ending at 0 uses a tiny rate.
    return Math.max(lr, baseLr * 1e-12);
  }
}
