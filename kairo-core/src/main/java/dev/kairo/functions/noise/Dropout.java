package dev.kairo.functions.noise;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Inverted dropout (Srivastava et al. 2014): in training each element is zeroed with
 * probability p and the survivors are scaled by 1/(1 − p), so evaluation needs no rescaling;
 * in evaluation it is the identity. The mask comes from the given generator, so a seeded
 * generator gives the same mask run after run.
 */
public final class Dropout extends Function {
  private final float p;
  private final boolean training;
  private final SplittableRandom rng;
  private Tensor mask;

  /**
   * @param p drop probability in [0, 1)
   * @param training drop (true) or pass through (false)
   * @param rng the generator for the mask; only used in training
   */
  public Dropout(float p, boolean training, SplittableRandom rng) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
    }
    if (training && p > 0 && rng == null) {
      throw new IllegalArgumentException("dropout: training mode needs a random generator");
    }
    this.p = p;
    this.training = training;
    this.rng = rng;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    if (!training || p == 0) {
      return x;
    }
    float[] m = new float[x.numel()];
    float keep = 1f / (1f - p);
    for (int i = 0; i < m.length; i++) {
      m[i] = rng.nextDouble() >= p ? keep : 0f;
    }
    mask = Tensor.of(m, x.shape());
    return x.mul(mask);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {mask == null ? gy : gy.mul(mask)};
  }
}
