package dev.kairo.bench;

import dev.kairo.models.ImageClassifiers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload W2 of WORKLOADS.md: the MLP 784-256(ReLU)-128(ReLU)-10 on Fashion-MNIST for 5
 * epochs ({@link FashionRun}'s protocol); training samples/s over epochs 2-5, test accuracy
 * after epoch 5, peak RSS. Prints one JSON line.
 *
 * <pre>
 * java -cp kairo-bench/target/kairo-bench.jar dev.kairo.bench.W2Mlp
 * </pre>
 */
public final class W2Mlp {
  private W2Mlp() {}

  public static void main(String[] args) throws IOException {
    FashionRun run = new FashionRun(ImageClassifiers.mlp(FashionRun.seed()));
    long samples = 0;
    long nanos = 0;
    List<Double> accuracy = new ArrayList<>();
    for (int epoch = 0; epoch < 5; epoch++) {
      FashionRun.Timing t = run.epoch(epoch, 0, Integer.MAX_VALUE);
      if (epoch >= 1) {
        samples += t.samples();
        nanos += t.nanos();
      }
      accuracy.add(run.testAccuracy());
      System.err.printf("W2 epoch %d: %.0f samples/s, test accuracy %.4f%n", epoch + 1,
          t.samples() / (t.nanos() / 1e9), accuracy.get(epoch));
    }
    FashionRun.print("W2", samples / (nanos / 1e9), accuracy.get(4), "test_accuracy_epoch5",
        accuracy);
  }
}
