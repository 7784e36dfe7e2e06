package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Tensor;

/**
 * Layer normalisation over the trailing axes {@code normalizedShape}, with learned γ (ones)
 * and β (zeros) of that shape; the same in training and evaluation.
 *
 * <pre>{@code
 * Module ln = new LayerNorm(512);   // normalise the last axis of [..., 512]
 * }</pre>
 */
public final class LayerNorm extends Module {
  /** Scale γ. */
  public final Parameter gamma;
  /** Shift β. */
  public final Parameter beta;
  private final float eps;

  /** Layer norm over trailing axes of the given shape, eps 1e-5. */
  public LayerNorm(int... normalizedShape) {
    this(1e-5f, normalizedShape);
  }

  /** Layer norm with explicit eps > 0. */
  public LayerNorm(float eps, int... normalizedShape) {
    if (normalizedShape.length == 0) {
      throw new IllegalArgumentException("LayerNorm: give the normalized shape, e.g. new LayerNorm(512)");
    }
    this.eps = eps;
    gamma = param("weight", new Parameter(Tensor.ones(normalizedShape)));
    beta = param("bias", new Parameter(Tensor.zeros(normalizedShape)));
  }

  /** The normalized (trailing) shape. */
  public int[] normalizedShape() {
    return gamma.shape();
  }

  /** The epsilon added to the variance. */
  public float eps() {
    return eps;
  }

  @Override
  public Variable forward(Variable x) {
    return F.layerNorm(x, gamma, beta, eps);
  }

  @Override
  public String toString() {
    return "LayerNorm(" + java.util.Arrays.toString(gamma.shape()) + ")";
  }
}
