package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;

/**
 * Parametric ReLU (He et al. 2015) as a layer: the negative slope is learned, one shared
 * slope or one per channel (axis 1), initialised to 0.25 as in PyTorch.
 *
 * <pre>{@code
 * Module act = new PRelu(64);   // one slope per channel of [N, 64, ...]
 * }</pre>
 */
public final class PRelu extends Module {
  /** The slopes, [channels] (or [1] when shared). */
  public final Parameter slope;
  private final int channels;

  /** One slope shared by every unit. */
  public PRelu() {
    this(1);
  }

  /** One slope per channel (axis 1), or shared when {@code channels == 1}. */
  public PRelu(int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException("PRelu: channels must be >= 1, got " + channels);
    }
    this.channels = channels;
    slope = param("slope", new Parameter(Tensor.full(0.25f, channels)));
  }

  /** The number of slopes (1 when shared). */
  public int channels() {
    return channels;
  }

  @Override
  public Variable forward(Variable x) {
    int[] s = x.shape();
    if (channels == 1) {
      return F.prelu(x, F.reshape(slope, new int[0]));
    }
    if (s.length < 2 || s[1] != channels) {
      throw new IllegalArgumentException("PRelu: input " + dev.kairo.tensor.Shape.str(s)
          + " does not have " + channels + " channels on axis 1");
    }
    int[] view = new int[s.length - 1];
    java.util.Arrays.fill(view, 1);
    view[0] = channels;
    return F.prelu(x, F.reshape(slope, view));
  }

  @Override
  public String toString() {
    return "PRelu(" + channels + ")";
  }
}
