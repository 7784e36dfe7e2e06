package dev.kairo.models;

import dev.kairo.nn.Activation;
import dev.kairo.nn.BatchNorm;
import dev.kairo.nn.Conv2d;
import dev.kairo.nn.Dropout;
import dev.kairo.nn.Flatten;
import dev.kairo.nn.Linear;
import dev.kairo.nn.MaxPool2d;
import dev.kairo.nn.Sequential;
import java.util.SplittableRandom;

/**
 * The image classifiers of Kairo's Fashion-MNIST recipes, for 1 x 28 x 28 inputs and 10
 * classes, initialised as PyTorch does by default and seeded.
 *
 * <pre>{@code
 * Sequential mlp = ImageClassifiers.mlp(0);          // 784-256-128-10 ReLU (workload W2)
 * Sequential cnn = ImageClassifiers.cnn(0);          // Kairo's default CNN (batch norm, dropout)
 * Sequential w3 = ImageClassifiers.benchmarkCnn(0);  // workload W3's CNN, exactly
 * }</pre>
 *
 * <p>The MLP flattens its input itself, so all three take [N, 1, 28, 28] (the MLP also takes
 * [N, 784]).
 */
public final class ImageClassifiers {
  private ImageClassifiers() {}

  /** W2's network: flatten, 784-256 ReLU, 256-128 ReLU, 128-10 (logits). */
  public static Sequential mlp(long seed) {
    return mlp(seed, 256, 128);
  }

  /** A flatten-then-ReLU MLP from 784 inputs through {@code hidden} widths to 10 logits. */
  public static Sequential mlp(long seed, int... hidden) {
    SplittableRandom rng = new SplittableRandom(seed);
    Sequential s = new Sequential(new Flatten());
    int width = 28 * 28;
    for (int h : hidden) {
      s.add(new Linear(width, h, true, rng));
      s.add(Activation.relu());
      width = h;
    }
    s.add(new Linear(width, 10, true, rng));
    return s;
  }

  /**
   * W3's network: conv(1→32, 3×3, pad 1)-ReLU-maxpool 2-conv(32→64, 3×3, pad 1)-ReLU-maxpool
   * 2-flatten(3136)-FC(3136→128)-ReLU-FC(128→10).
   */
  public static Sequential benchmarkCnn(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(
        Conv2d.builder(1, 32, 3).padding(1).generator(rng).build(), Activation.relu(),
        new MaxPool2d(2),
        Conv2d.builder(32, 64, 3).padding(1).generator(rng).build(), Activation.relu(),
        new MaxPool2d(2),
        new Flatten(),
        new Linear(64 * 7 * 7, 128, true, rng), Activation.relu(),
        new Linear(128, 10, true, rng));
  }

  /**
   * Kairo's default CNN: W3's layers with batch normalisation after each convolution (which
   * lets Adam take larger steps early) and dropout 0.25 before the last layer. The
   * convolutions have no bias, since batch norm's shift replaces it.
   */
  public static Sequential cnn(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(
        Conv2d.builder(1, 32, 3).padding(1).bias(false).generator(rng).build(), new BatchNorm(32),
        Activation.relu(), new MaxPool2d(2),
        Conv2d.builder(32, 64, 3).padding(1).bias(false).generator(rng).build(), new BatchNorm(64),
        Activation.relu(), new MaxPool2d(2),
        new Flatten(),
        new Linear(64 * 7 * 7, 128, true, rng), Activation.relu(),
        new Dropout(0.25, rng.nextLong()),
        new Linear(128, 10, true, rng));
  }
}
