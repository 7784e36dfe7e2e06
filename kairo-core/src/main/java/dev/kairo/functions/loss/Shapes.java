package dev.kairo.functions.loss;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/** Loss inputs must match exactly: a loss never broadcasts a prediction against its target. */
final class Shapes {
  private Shapes() {}

  static void requireSame(String op, Tensor y, Tensor t) {
    if (!Shape.same(y.shape(), t.shape())) {
      throw new IllegalArgumentException(op + ": prediction shape " + Shape.str(y.shape())
          + " does not match target shape " + Shape.str(t.shape())
          + " (losses do not broadcast; reshape one of them)");
    }
  }
}
