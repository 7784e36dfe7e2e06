package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * What {@link Dropout} and {@link Dropout2d} share: the probability check, the seed, and the
 * call counter that makes masks reproducible. Each training call draws its mask from a
 * generator seeded with (seed, call number); the call number is a buffer, saved with the
 * model, so a run resumed from a checkpoint draws the same masks as an uninterrupted one.
 * Subclasses say which function of {@code F} drops what.
 */
abstract class DropoutLayer extends Module {
  private final String layer;
  private final float p;
  private final long seed;
  private final Tensor calls;

  DropoutLayer(String layer, double p, long seed) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException(layer + ": p must be in [0, 1), got " + p);
    }
    this.layer = layer;
    this.p = (float) p;
    this.seed = seed;
    this.calls = buffer("calls", Tensor.zeros(1));
  }

  /** The drop probability. */
  public final float probability() {
    return p;
  }

  /** The seed of the masks. */
  public final long seed() {
    return seed;
  }

  @Override
  public final Variable forward(Variable x) {
    check(x);
    if (!isTraining() || p == 0) {
      return drop(x, p, false, null);
    }
    long n = (long) calls.get(0);
    calls.set(n + 1, 0);
    return drop(x, p, true, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n));
  }

  /** Throws, naming the layer, when {@code x} cannot be dropped this way; nothing by default. */
  void check(Variable x) {}

  /** The dropout function: in training, masks from {@code rng}; otherwise the identity. */
  abstract Variable drop(Variable x, float p, boolean training, SplittableRandom rng);

  @Override
  public final String toString() {
    return layer + "(" + p + ")";
  }
}
