package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Tensor;

/**
 * A trainable tensor owned by a {@link Module}: a leaf {@link Variable} that always wants its
 * gradient. Optimizers update its data in place.
 *
 * <pre>{@code
 * Parameter w = new Parameter(Tensor.zeros(10, 784));
 * }</pre>
 */
public class Parameter extends Variable {
  /** A parameter holding {@code data}. */
  public Parameter(Tensor data) {
    super(data, true);
  }
}
