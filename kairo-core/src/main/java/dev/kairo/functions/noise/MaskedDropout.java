package dev.kairo.functions.noise;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * What {@link Dropout} and {@link Dropout2d} share: in training, x times a mask of zeros and
 * 1/(1 − p) drawn from the given generator (broadcast over the input when the mask is
 * smaller), the same mask in backward; in evaluation, the identity. Subclasses say the mask's
 * shape.
 */
abstract class MaskedDropout extends Function {
  private final float p;
  private final boolean training;
  private final SplittableRandom rng;
  private Tensor mask;

  MaskedDropout(String op, float p, boolean training, SplittableRandom rng) {
    DropoutMask.check(op, p, training, rng);
    this.p = p;
    this.training = training;
    this.rng = rng;
  }

  /** Throws, naming the op, when x cannot be dropped this way (in training or not). */
  void check(Tensor x) {}

  /** The mask's shape for x: x's own, or one per (image, channel), broadcast over the rest. */
  abstract int[] maskShape(Tensor x);

  @Override
  protected final Tensor forward(Tensor... in) {
    Tensor x = in[0];
    check(x);
    if (!training || p == 0) {
      return x;
    }
    int[] shape = maskShape(x);
    mask = Tensor.of(DropoutMask.draw(Shape.numel(shape), p, rng), shape);
    return x.mul(mask);
  }

  @Override
  protected final Tensor[] backward(Tensor gy) {
    return new Tensor[] {mask == null ? gy : gy.mul(mask)};
  }
}
