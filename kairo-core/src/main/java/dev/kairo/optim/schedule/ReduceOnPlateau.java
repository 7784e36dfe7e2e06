package dev.kairo.optim.schedule;

import dev.kairo.optim.Optimizer;

/**
 * Cuts the learning rate by {@code factor} when a monitored value (validation loss, say) has
 * not improved by more than a relative {@code threshold} for {@code patience} epochs
 * (PyTorch's ReduceLROnPlateau, mode "min", relative threshold), never below {@code minLr}.
 *
 * <pre>{@code
 * ReduceOnPlateau s = new ReduceOnPlateau(opt, 0.1, 10, 1e-4, 1e-6);
 * s.step(validationLoss);   // once per epoch
 * }</pre>
 */
public final class ReduceOnPlateau {
  private final Optimizer optimizer;
  private final double factor;
  private final int patience;
  private final double threshold;
  private final double minLr;
  private double best = Double.POSITIVE_INFINITY;
  private int badEpochs;

  /**
   * @param factor multiplier in (0, 1)
   * @param patience epochs without improvement before a cut, >= 0
   * @param threshold relative improvement that counts, >= 0
   * @param minLr the floor, >= 0
   */
  public ReduceOnPlateau(Optimizer optimizer, double factor, int patience, double threshold,
      double minLr) {
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("ReduceOnPlateau: factor must be in (0, 1), got " + factor);
    }
    if (patience < 0 || !(threshold >= 0) || !(minLr >= 0)) {
      throw new IllegalArgumentException("ReduceOnPlateau: patience, threshold and min lr must be "
          + ">= 0, got " + patience + ", " + threshold + ", " + minLr);
    }
    this.optimizer = optimizer;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.minLr = minLr;
  }

  /**
   * Records this epoch's value; returns true when the rate was cut.
   *
   * @throws IllegalArgumentException when the value is NaN
   */
  public boolean step(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("ReduceOnPlateau: monitored value is NaN");
    }
    if (value < best * (1 - threshold) || best == Double.POSITIVE_INFINITY) {
      best = value;
      badEpochs = 0;
      return false;
    }
    if (++badEpochs > patience) {
      badEpochs = 0;
      double lr = Math.max(optimizer.learningRate() * factor, minLr);
      if (lr < optimizer.learningRate() && lr > 0) {
        optimizer.setLearningRate(lr);
        return true;
      }
    }
    return false;
  }
}
