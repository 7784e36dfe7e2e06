package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import java.util.SplittableRandom;

/**
 * Randomized leaky ReLU as a layer: random slopes in [lower, upper] in training mode, their
 * mean in evaluation mode. Defaults (1/8, 1/3) as PyTorch.
 *
 * <pre>{@code
 * Module act = new RRelu(new SplittableRandom(0));
 * }</pre>
 */
public final class RRelu extends Module {
  private final float lower;
  private final float upper;
  private final SplittableRandom rng;

  /** Slopes in [1/8, 1/3]. */
  public RRelu(SplittableRandom rng) {
    this(1f / 8, 1f / 3, rng);
  }

  /** Slopes in [lower, upper]. */
  public RRelu(float lower, float upper, SplittableRandom rng) {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("RRelu: lower " + lower + " must be <= upper " + upper);
    }
    this.lower = lower;
    this.upper = upper;
    this.rng = rng;
  }

  /** The smallest slope. */
  public float lower() {
    return lower;
  }

  /** The largest slope. */
  public float upper() {
    return upper;
  }

  @Override
  public Variable forward(Variable x) {
    return F.rrelu(x, lower, upper, isTraining(), rng);
  }

  @Override
  public String toString() {
    return "RRelu(" + lower + ", " + upper + ")";
  }
}
