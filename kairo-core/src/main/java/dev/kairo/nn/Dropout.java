package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
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
public final class Dropout extends DropoutLayer {
  /** Dropout with probability p in [0, 1) and masks derived from {@code seed}. */
  public Dropout(double p, long seed) {
    super("Dropout", p, seed);
  }

  /** Dropout with a seed drawn from the default generator ({@link Init#generator()}). */
  public Dropout(double p) {
    this(p, Init.generator().nextLong());
  }

  @Override
  Variable drop(Variable x, float p, boolean training, SplittableRandom rng) {
    return F.dropout(x, p, training, rng);
  }
}
