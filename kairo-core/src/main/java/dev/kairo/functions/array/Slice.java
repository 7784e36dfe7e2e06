package dev.kairo.functions.array;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elements start, start+step, ... below end along one axis; the gradient is scattered back into zeros. */
public final class Slice extends Function {
  private final int axis;
  private final int start;
  private final int end;
  private final int step;
  private int[] xShape;

  /** @param axis the axis; @param start first index; @param end bound (exclusive); @param step stride */
  public Slice(int axis, int start, int end, int step) {
    this.axis = axis;
    this.start = start;
    this.end = end;
    this.step = step;
  }

  @Override
  protected Tensor forward(Tensor... x) {
    xShape = x[0].shape();
    return x[0].slice(axis, start, end, step).contiguous();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor gx = Tensor.zeros(xShape);
    gx.slice(axis, start, end, step).addInPlace(gy);
    return new Tensor[] {gx};
  }
}
