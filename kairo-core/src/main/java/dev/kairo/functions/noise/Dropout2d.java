package dev.kairo.functions.noise;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Channel dropout (Tompson et al. 2015, PyTorch's {@code dropout2d}): in training, each whole
 * channel of x [N, C, *] (one feature map of one image) is zeroed with probability p and the
 * surviving channels are scaled by 1/(1 − p); in evaluation it is the identity. Neighbouring
 * pixels of a feature map are strongly correlated, so dropping single pixels (plain
 * {@link Dropout}) barely regularises a convolutional network; dropping maps does. The mask
 * comes from the given generator, one draw per (image, channel) in order.
 *
 * <pre>{@code
 * Variable y = F.dropout2d(x, 0.2f, true, new SplittableRandom(42));
 * }</pre>
 */
public final class Dropout2d extends MaskedDropout {
  /**
   * @param p drop probability in [0, 1)
   * @param training drop (true) or pass through (false)
   * @param rng the generator for the mask; only used in training
   */
  public Dropout2d(float p, boolean training, SplittableRandom rng) {
    super("dropout2d", p, training, rng);
  }

  @Override
  void check(Tensor x) {
    if (x.rank() < 2) {
      throw new IllegalArgumentException("dropout2d: input " + Shape.str(x.shape())
          + " must be [N, C, ...]");
    }
  }

  /** One value per (image, channel), broadcast over the feature map. */
  @Override
  int[] maskShape(Tensor x) {
    int[] ms = new int[x.rank()];
    java.util.Arrays.fill(ms, 1);
    ms[0] = x.size(0);
    ms[1] = x.size(1);
    return ms;
  }
}
