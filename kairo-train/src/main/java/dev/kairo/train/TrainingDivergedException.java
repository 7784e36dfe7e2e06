package dev.kairo.train;

/**
 * Thrown when the loss becomes NaN or infinite. The message names the epoch and batch; by
 * the time it is thrown, callbacks have run their failure handling (a {@code BestModel}
 * callback has put the best weights back into the model).
 */
public final class TrainingDivergedException extends RuntimeException {
  private final int epoch;
  private final int batch;

  TrainingDivergedException(int epoch, int batch, double loss, double lr) {
    super(String.format("training diverged: the loss became %s at epoch %d, batch %d "
        + "(learning rate %.3g); lower the learning rate, clip gradients or check the data",
        Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity" : "-Infinity", epoch, batch, lr));
    this.epoch = epoch;
    this.batch = batch;
  }

  /** The epoch (1-based) in which the loss became non-finite. */
  public int epoch() {
    return epoch;
  }

  /** The batch (1-based) in which it happened. */
  public int batch() {
    return batch;
  }
}
