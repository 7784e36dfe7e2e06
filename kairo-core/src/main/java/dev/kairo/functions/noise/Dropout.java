package dev.kairo.functions.noise;

import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Inverted dropout (Srivastava et al. 2014): in training each element is zeroed with
 * probability p and the survivors are scaled by 1/(1 − p), so evaluation needs no rescaling;
 * in evaluation it is the identity. The mask comes from the given generator, so a seeded
 * generator gives the same mask run after run.
 */
public final class Dropout extends MaskedDropout {
  /**
   * @param p drop probability in [0, 1)
   * @param training drop (true) or pass through (false)
   * @param rng the generator for the mask; only used in training
   */
  public Dropout(float p, boolean training, SplittableRandom rng) {
    super("dropout", p, training, rng);
  }

  @Override
  int[] maskShape(Tensor x) {
    return x.shape();
  }
}
