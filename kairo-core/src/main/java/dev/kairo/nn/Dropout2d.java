package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Shape;
import java.util.SplittableRandom;

/**
 * Channel dropout as a layer, PyTorch's {@code nn.Dropout2d}: in training mode whole feature
 * maps of [N, C, H, W] are zeroed with probability p (the rest scaled by 1/(1 − p)); in
 * evaluation mode it passes everything through. The maths is {@link F#dropout2d}.
 *
 * <pre>{@code
 * Module drop = new Dropout2d(0.2, 42L);
 * }</pre>
 *
 * <p>As {@link Dropout}: each training call draws its mask from a generator seeded with
 * (seed, call number), and the call number is a saved buffer, so a resumed run draws the same
 * masks as an uninterrupted one.
 */
public final class Dropout2d extends DropoutLayer {
  /** Channel dropout with probability p in [0, 1) and masks derived from {@code seed}. */
  public Dropout2d(double p, long seed) {
    super("Dropout2d", p, seed);
  }

  /** Channel dropout with a seed drawn from the default generator ({@link Init#generator()}). */
  public Dropout2d(double p) {
    this(p, Init.generator().nextLong());
  }

  @Override
  void check(Variable x) {
    if (x.shape().length < 3) {
      throw new IllegalArgumentException("Dropout2d: input " + Shape.str(x.shape())
          + " must be [N, C, H, W]");
    }
  }

  @Override
  Variable drop(Variable x, float p, boolean training, SplittableRandom rng) {
    return F.dropout2d(x, p, training, rng);
  }
}
