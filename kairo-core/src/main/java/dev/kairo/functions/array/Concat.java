package dev.kairo.functions.array;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Joins inputs along an existing axis; the gradient is split back into the parts. */
public final class Concat extends Function {
  private final int axis;
  private int[] sizes;

  /** @param axis the axis to join along */
  public Concat(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor forward(Tensor... x) {
    sizes = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      if (x[i].rank() == 0) {
        throw new IllegalArgumentException("concat: input " + i + " is 0-d");
      }
      sizes[i] = x[i].size(axis);
    }
    return Tensor.concat(axis, x);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor[] parts = gy.split(axis, sizes);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = needsInputGrad(i) ? parts[i].contiguous() : null;
    }
    return parts;
  }
}
