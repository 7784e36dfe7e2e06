package dev.kairo.functions.math;

import dev.kairo.tensor.Shape;

/** Shape bookkeeping shared by the reductions: which axes, and the keepDims shape. */
final class Reduction {
  private Reduction() {}

  /** All axes of a tensor of rank {@code rank} when {@code axes} is null, else the given ones. */
  static int[] axes(String op, int[] axes, int rank) {
    if (axes == null) {
      int[] all = new int[rank];
      for (int i = 0; i < rank; i++) {
        all[i] = i;
      }
      return all;
    }
    return Shape.axes(op, axes, rank);
  }

  /** The input shape with the reduced axes set to 1 (the keepDims result shape). */
  static int[] keptShape(int[] shape, int[] axes) {
    int[] s = shape.clone();
    for (int a : axes) {
      s[a] = 1;
    }
    return s;
  }

  static int count(int[] shape, int[] axes) {
    int n = 1;
    for (int a : axes) {
      n *= shape[a];
    }
    return n;
  }
}
