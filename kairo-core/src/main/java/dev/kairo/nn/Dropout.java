package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Dropout as a layer: drops units with probability p in training mode (scaling the rest by
 * 1/(1 − p)), passes everything through in evaluation mode. One of seed 002's cures for
 * over-fitting (過学習).
 *
 * <pre>{@code
 * Module drop = new Dropout(0.5, 42L);
 * }</pre>
 *
 * <p>Each training call draws its mask from a generator seeded with (seed, call number); the
 * call number is a buffer, saved with the model, so a run resumed from a checkpoint draws the
 * same masks as an uninterrupted one.
 */
public final class Dropout extends Module {
  private final float p;
  private final long seed;
  private final Tensor calls;

  /** Dropout with probability p in [0, 1) and masks derived from {@code seed}. */
  public Dropout(double p, long seed) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
    }
    this.p = (float) p;
    this.seed = seed;
    this.calls = buffer("calls", Tensor.zeros(1));
  }

  /** Dropout with a seed drawn from the default generator ({@link Init#generator()}). */
  public Dropout(double p) {
    this(p, Init.generator().nextLong());
  }

  /** The drop probability. */
  public float probability() {
    return p;
  }

  /** The seed of the masks. */
  public long seed() {
    return seed;
  }

  @Override
  public Variable forward(Variable x) {
    if (!isTraining() || p == 0) {
      return F.dropout(x, p, false, null);
    }
    long n = (long) calls.get(0);
    calls.set(n + 1, 0);
    return F.dropout(x, p, true, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n));
  }

  @Override
  public String toString() {
    return "Dropout(" + p + ")";
  }
}
