package dev.kairo.optim.schedule;

import dev.kairo.optim.Optimizer;

/**
 * {@code lr = base·γ^epoch} (PyTorch's ExponentialLR).
 *
 * <pre>{@code
 * LrSchedule s = new ExponentialDecay(opt, 0.95);
 * }</pre>
 */
public final class ExponentialDecay extends LrSchedule {
  private final double gamma;

  /** @param gamma factor per epoch in (0, 1] */
  public ExponentialDecay(Optimizer optimizer, double gamma) {
    super(optimizer);
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("ExponentialDecay: gamma must be in (0, 1], got " + gamma);
    }
    this.gamma = gamma;
  }

  @Override
  public double rateAt(int epoch) {
    return baseLr * Math.pow(gamma, epoch);
  }
}
