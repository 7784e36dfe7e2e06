package dev.kairo.train;

import dev.kairo.nn.Module;
import dev.kairo.optim.Optimizer;

/**
 * What callbacks see of a running training: the model, the optimizer, the history so far, the
 * position in the loop, and a way to stop early.
 */
public final class TrainingContext {
  private final Module model;
  private final Optimizer optimizer;
  private final History history;
  private final int epochs;
  private final int batchesPerEpoch;
  private int epoch;
  private boolean stopRequested;
  private String stopReason;

  TrainingContext(Module model, Optimizer optimizer, History history, int epochs,
      int batchesPerEpoch) {
    this.model = model;
    this.optimizer = optimizer;
    this.history = history;
    this.epochs = epochs;
    this.batchesPerEpoch = batchesPerEpoch;
  }

  /** The model being trained. */
  public Module model() {
    return model;
  }

  /** The optimizer. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Epochs completed so far. */
  public History history() {
    return history;
  }

  /** The number of epochs asked for. */
  public int epochs() {
    return epochs;
  }

  /** Batches in each epoch. */
  public int batchesPerEpoch() {
    return batchesPerEpoch;
  }

  /** The current epoch, 1-based. */
  public int epoch() {
    return epoch;
  }

  void setEpoch(int e) {
    epoch = e;
  }

  /** Asks the trainer to stop after this epoch. */
  public void requestStop(String reason) {
    stopRequested = true;
    stopReason = reason;
  }

  /** Whether a callback asked to stop. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /** Why training stopped early, or null. */
  public String stopReason() {
    return stopReason;
  }
}
