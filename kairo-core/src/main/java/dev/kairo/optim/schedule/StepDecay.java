package dev.kairo.optim.schedule;

import dev.kairo.optim.Optimizer;

/**
 * Multiplies the learning rate by γ every {@code stepSize} epochs (PyTorch's StepLR):
 * {@code lr = base·γ^⌊epoch/stepSize⌋}.
 *
 * <pre>{@code
 * LrSchedule s = new StepDecay(opt, 30, 0.1);
 * }</pre>
 */
public final class StepDecay extends LrSchedule {
  private final int stepSize;
  private final double gamma;

  /** @param stepSize epochs between decays, >= 1; @param gamma factor in (0, 1] */
  public StepDecay(Optimizer optimizer, int stepSize, double gamma) {
    super(optimizer);
    if (stepSize < 1) {
      throw new IllegalArgumentException("StepDecay: step size must be >= 1, got " + stepSize);
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("StepDecay: gamma must be in (0, 1], got " + gamma);
    }
    this.stepSize = stepSize;
    this.gamma = gamma;
  }

  @Override
  public double rateAt(int epoch) {
    return baseLr * Math.pow(gamma, epoch / stepSize);
  }
}
