package dev.kairo.functions.math;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Matrix product with NumPy {@code matmul} semantics (1-d operands, broadcast batch axes): dA = dY·Bᵀ, dB = Aᵀ·dY, each summed over broadcast batch axes. */
public final class MatMul extends Function {
  private Tensor a;
  private Tensor b;

  @Override
  protected Tensor forward(Tensor... x) {
    a = x[0];
    b = x[1];
    return a.matmul(b);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor a2 = a.rank() == 1 ? a.unsqueeze(0) : a;
    Tensor b2 = b.rank() == 1 ? b.unsqueeze(1) : b;
    Tensor g = gy;
    if (a.rank() == 1) {
      g = g.unsqueeze(g.rank() - (b.rank() == 1 ? 0 : 1));
    }
    if (b.rank() == 1) {
      g = g.unsqueeze(g.rank());
    }
    Tensor ga = null;
    Tensor gb = null;
    if (needsInputGrad(0)) {
      ga = g.matmul(b2.transpose(-1, -2)).sumTo(a2.shape()).reshape(a.shape());
    }
    if (needsInputGrad(1)) {
      gb = a2.transpose(-1, -2).matmul(g).sumTo(b2.shape()).reshape(b.shape());
    }
    return new Tensor[] {ga, gb};
  }
}
