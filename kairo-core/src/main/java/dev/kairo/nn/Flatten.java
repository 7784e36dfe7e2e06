package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Shape;

/**
 * Flattens every axis after the batch axis, PyTorch's {@code nn.Flatten()} (start dim 1):
 * [N, C, H, W] to [N, C·H·W], between convolutions and linear layers.
 *
 * <pre>{@code
 * Sequential net = new Sequential(new Conv2d(1, 8, 3), new Flatten(), new Linear(8 * 26 * 26, 10));
 * }</pre>
 */
public final class Flatten extends Module {
  @Override
  public Variable forward(Variable x) {
    int[] s = x.shape();
    if (s.length < 2) {
      throw new IllegalArgumentException("Flatten: input " + Shape.str(s)
          + " must have a batch axis and at least one more");
    }
    return s.length == 2 ? x : F.reshape(x, s[0], -1);
  }

  @Override
  public String toString() {
    return "Flatten()";
  }
}
