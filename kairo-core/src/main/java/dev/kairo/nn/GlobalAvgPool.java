package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Shape;

/**
 * Global average pooling (Lin et al. 2013; Keras's {@code GlobalAveragePooling2D}): the mean
 * of each feature map, [N, C, H, W] (or [N, C, L]) to [N, C], the usual bridge from
 * convolutions to a classifier in place of a large flatten + linear.
 *
 * <pre>{@code
 * Sequential head = new Sequential(new GlobalAvgPool(), new Linear(64, 10));
 * }</pre>
 */
public final class GlobalAvgPool extends Module {
  @Override
  public Variable forward(Variable x) {
    if (x.shape().length < 3) {
      throw new IllegalArgumentException("GlobalAvgPool: input " + Shape.str(x.shape())
          + " must be [N, C, H, W] or [N, C, L]");
    }
    return F.globalAvgPool(x);
  }

  @Override
  public String toString() {
    return "GlobalAvgPool()";
  }
}
