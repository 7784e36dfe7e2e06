package dev.kairo.data;

import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * A change made to the features of every batch as a {@link DataLoader} gathers it (on the
 * prefetch thread when there is one): data augmentation, normalization. Random transforms
 * draw only from the generator they are given, which the loader seeds from its seed, the
 * epoch and the batch number, so the same seed gives the same augmented batches in every run,
 * with or without prefetch.
 *
 * <pre>{@code
 * BatchTransform augment = ImageTransforms.randomCrop(4).andThen(ImageTransforms.randomHorizontalFlip(0.5));
 * DataLoader loader = DataLoader.builder(train).batchSize(128).shuffle(7).transform(augment).build();
 * Tensor once = augment.apply(x, new SplittableRandom(42));   // outside a loader
 * }</pre>
 *
 * <p>A functional interface (a lambda will do). An implementation returns a new tensor with
 * the same number of rows and leaves its input alone; it must be safe to call from another
 * thread than the one that built it.
 */
public interface BatchTransform {
  /**
   * Transforms features {@code x} ({@code [N, ...]}), drawing any randomness from {@code rng}.
   */
  Tensor apply(Tensor x, SplittableRandom rng);

  /** This transform, then {@code next}, sharing one generator. */
  default BatchTransform andThen(BatchTransform next) {
    return (x, rng) -> next.apply(apply(x, rng), rng);
  }
}
