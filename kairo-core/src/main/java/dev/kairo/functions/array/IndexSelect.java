package dev.kairo.functions.array;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Gathers slices at given indices along an axis (embedding lookup, mini-batch rows); repeated indices accumulate their gradients. */
public final class IndexSelect extends Function {
  private final int axis;
  private final int[] indices;
  private int[] xShape;

  /** @param axis the axis; @param indices positions along it (negative counts from the end) */
  public IndexSelect(int axis, int... indices) {
    this.axis = axis;
    this.indices = indices.clone();
  }

  @Override
  protected Tensor forward(Tensor... x) {
    xShape = x[0].shape();
    return x[0].indexSelect(axis, indices);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor gx = Tensor.zeros(xShape);
    int n = xShape[axis < 0 ? axis + xShape.length : axis];
    for (int i = 0; i < indices.length; i++) {
      int ix = indices[i] < 0 ? indices[i] + n : indices[i];
      gx.slice(axis, ix, ix + 1).addInPlace(gy.slice(axis, i, i + 1));
    }
    return new Tensor[] {gx};
  }
}
