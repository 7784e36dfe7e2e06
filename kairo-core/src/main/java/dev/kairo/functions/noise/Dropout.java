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
    DropoutMask.check("dropout", p, training, rng);
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
    float[] m = DropoutMask.draw(x.numel(), p, rng);
    mask = Tensor.of(m, x.shape());
    return x.mul(mask);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {mask == null ? gy : gy.mul(mask)};
  }
}
