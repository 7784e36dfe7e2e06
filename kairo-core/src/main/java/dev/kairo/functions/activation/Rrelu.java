package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Randomized leaky ReLU (Xu et al. 2015): {@code y = x if x >= 0 else a·x}. In training, each
 * element draws its own slope a uniformly from [lower, upper]; in evaluation a is the mean
 * (lower + upper) / 2, so inference is deterministic. The drawn slopes are kept for backward.
 */
public final class Rrelu extends Function {
  private final float lower;
  private final float upper;
  private final boolean training;
  private final SplittableRandom rng;
  private Tensor slope;

  /**
   * @param lower smallest slope (PyTorch's default 1/8)
   * @param upper largest slope (default 1/3)
   * @param training draw random slopes (true) or use their mean (false)
   * @param rng the generator for the slopes; only used in training
   */
  public Rrelu(float lower, float upper, boolean training, SplittableRandom rng) {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("rrelu: lower " + lower + " must be <= upper " + upper);
    }
    if (training && rng == null) {
      throw new IllegalArgumentException("rrelu: training mode needs a random generator");
    }
    this.lower = lower;
    this.upper = upper;
    this.training = training;
    this.rng = rng;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    Tensor a = training
        ? Tensor.uniform(lower, upper, rng, x.shape())
        : Tensor.scalar((lower + upper) / 2f);
    slope = Tensor.where(x.ge(0f), Tensor.scalar(1f), a);
    return x.mul(slope);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.mul(slope).sumTo(gy.shape())};
  }
}
