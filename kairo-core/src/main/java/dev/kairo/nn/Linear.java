package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Shape;
import java.util.SplittableRandom;

/**
 * The fully connected layer (全結合層, Chainer's {@code L.Linear}): {@code y = x·Wᵀ + b} with
 * W [out, in] and b [out]. Initialised as PyTorch does: W and b uniform in ±1/√in.
 *
 * <pre>{@code
 * Linear fc = new Linear(3, 2);
 * Variable u = fc.forward(Variable.of(Tensor.matrix(new float[][] {{1, 2, 3}})));  // [1, 2]
 * }</pre>
 *
 * <p>Shape: input [..., in], output [..., out].
 */
public class Linear extends Module implements ReluFusable {
  /** The weight W, [out, in]. */
  public final Parameter weight;
  /** The bias b, [out], or null. */
  public final Parameter bias;
  private final int in;
  private final int out;
  private String label = "Linear";

  /** A layer with bias, initialised from the default generator ({@link Init#generator()}). */
  public Linear(int in, int out) {
    this(in, out, true, Init.generator());
  }

  /** A layer initialised from {@code rng}, with or without bias. */
  public Linear(int in, int out, boolean withBias, SplittableRandom rng) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("Linear: sizes must be positive, got in=" + in
          + ", out=" + out);
    }
    this.in = in;
    this.out = out;
    double bound = 1 / Math.sqrt(in);
    weight = param("weight", new Parameter(Init.uniform(rng, -bound, bound, out, in)));
    bias = withBias ? param("bias", new Parameter(Init.uniform(rng, -bound, bound, out))) : null;
  }

  /** Gives the layer a name for error messages ({@code Linear 'fc2': ...}); returns this. */
  public Linear named(String name) {
    this.label = "Linear '" + name + "'";
    return this;
  }

  @Override
  public Variable forward(Variable x) {
    check(x);
    return F.linear(x, weight, bias);
  }

  /**
   * {@inheritDoc} Only a plain {@code Linear} fuses: a subclass may override {@link #forward},
   * and fusing would skip it.
   */
  @Override
  public Variable forwardThenRelu(Variable x) {
    if (getClass() != Linear.class) {
      return null;
    }
    check(x);
    var f = new dev.kairo.functions.connection.Linear(true);
    return bias == null ? f.apply(x, weight) : f.apply(x, weight, bias);
  }

  private void check(Variable x) {
    int[] s = x.shape();
    if (s.length == 0 || s[s.length - 1] != in) {
      throw new IllegalArgumentException(label + ": input " + Shape.str(s)
          + " does not match weight " + Shape.str(weight.shape()) + " (expected [..., " + in + "])");
    }
  }

  /** Input width. */
  public int inFeatures() {
    return in;
  }

  /** Output width. */
  public int outFeatures() {
    return out;
  }

  @Override
  public String toString() {
    return "Linear(" + in + " -> " + out + (bias == null ? ", no bias" : "") + ")";
  }
}
