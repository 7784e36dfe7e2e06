package dev.kairo.bench;

import dev.kairo.models.SequenceClassifier;
import java.io.IOException;
import java.util.List;

/**
 * Workload W4 of WORKLOADS.md: each Fashion-MNIST image as 28 steps of 28 features, one LSTM
 * layer of 128, the last hidden state into FC(128 → 10) ({@link FashionRun}'s protocol);
 * samples/s over 100 batches after 5 warm-up batches, test accuracy after 1 epoch. Prints one
 * JSON line.
 *
 * <pre>
 * java -cp kairo-bench/target/kairo-bench.jar dev.kairo.bench.W4Lstm
 * </pre>
 */
public final class W4Lstm {
  private W4Lstm() {}

  public static void main(String[] args) throws IOException {
    FashionRun run = new FashionRun(new SequenceClassifier(28, 128, 10, FashionRun.seed()));
    FashionRun.Timing t = run.epoch(0, 5, 105);
    double acc = run.testAccuracy();
    double sps = t.samples() / (t.nanos() / 1e9);
    System.err.printf("W4 epoch 1: %.0f samples/s (batches 6-105), test accuracy %.4f%n", sps, acc);
    FashionRun.print("W4", sps, acc, "test_accuracy_epoch1", List.of(acc));
  }
}
