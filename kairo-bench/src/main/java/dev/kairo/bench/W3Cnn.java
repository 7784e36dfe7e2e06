package dev.kairo.bench;

import dev.kairo.models.ImageClassifiers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload W3 of WORKLOADS.md: the CNN conv(1→32)-ReLU-pool-conv(32→64)-ReLU-pool-FC(3136→128)
 * -ReLU-FC(128→10) on Fashion-MNIST ({@link FashionRun}'s protocol); samples/s over 100
 * batches after 5 warm-up batches, test accuracy after epochs 1 and 2, peak RSS. With
 * {@code --model cnn} it runs Kairo's default CNN recipe instead (batch norm, dropout), the
 * one {@code kairo train --model cnn} uses. Prints one JSON line.
 *
 * <pre>
 * java -cp kairo-bench/target/kairo-bench.jar dev.kairo.bench.W3Cnn [--model cnn]
 * </pre>
 */
public final class W3Cnn {
  private W3Cnn() {}

  public static void main(String[] args) throws IOException {
    boolean kairoRecipe = args.length >= 2 && args[0].equals("--model") && args[1].equals("cnn");
    FashionRun run = new FashionRun(kairoRecipe ? ImageClassifiers.cnn(FashionRun.seed())
        : ImageClassifiers.benchmarkCnn(FashionRun.seed()));
    List<Double> accuracy = new ArrayList<>();
    FashionRun.Timing timed = run.epoch(0, 5, 105);
    accuracy.add(run.testAccuracy());
    System.err.printf("W3 epoch 1: %.0f samples/s (batches 6-105), test accuracy %.4f%n",
        timed.samples() / (timed.nanos() / 1e9), accuracy.get(0));
    run.epoch(1, 0, 0);
    accuracy.add(run.testAccuracy());
    System.err.printf("W3 epoch 2: test accuracy %.4f%n", accuracy.get(1));
    FashionRun.print(kairoRecipe ? "W3-kairo-cnn" : "W3", timed.samples() / (timed.nanos() / 1e9),
        accuracy.get(1), "test_accuracy_epoch2", accuracy);
  }
}
