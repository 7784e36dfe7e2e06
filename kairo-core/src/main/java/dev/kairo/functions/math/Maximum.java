package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Elementwise maximum of two tensors with broadcasting; the gradient goes to the larger input (to {@code a} on ties). */
public final class Maximum extends Function {
  private Tensor mask;
  private int[] aShape;
  private int[] bShape;

  @Override
  protected Tensor forward(Tensor... x) {
    aShape = x[0].shape();
    bShape = x[1].shape();
    mask = x[0].ge(x[1]);
    return x[0].maximum(x[1]);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor ga = gy.mul(mask);
    return new Tensor[] {
        needsInputGrad(0) ? ga.sumTo(aShape) : null,
        needsInputGrad(1) ? gy.sub(ga).sumTo(bShape) : null};
  }
}
