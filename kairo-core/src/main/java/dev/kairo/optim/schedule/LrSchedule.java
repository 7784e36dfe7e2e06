package dev.kairo.optim.schedule;

import dev.kairo.optim.Optimizer;

/**
 * Changes an optimizer's learning rate as training goes (seed 002's 学習率の調整が難しい: the
 * learning rate is hard to set once for the whole run). Call {@link #step()} once per epoch
 * (or per batch, for warm-up), after the optimizer's step.
 *
 * <pre>{@code
 * LrSchedule sched = new CosineAnnealing(opt, 50, 0);
 * for (int epoch = 0; epoch < 50; epoch++) {
 *   trainOneEpoch();
 *   sched.step();
 * }
 * }</pre>
 */
public abstract class LrSchedule {
  protected final Optimizer optimizer;
  protected final double baseLr;
  private int epoch;

  protected LrSchedule(Optimizer optimizer) {
    this.optimizer = optimizer;
    this.baseLr = optimizer.learningRate();
  }

  /** Advances one epoch and sets the optimizer's learning rate for the next. */
  public void step() {
    epoch++;
    optimizer.setLearningRate(rateAt(epoch));
  }

  /** The number of {@link #step()} calls so far. */
  public int epoch() {
    return epoch;
  }

  /** The learning rate after {@code epoch} steps (epoch 0 is the start). */
  public abstract double rateAt(int epoch);
}
