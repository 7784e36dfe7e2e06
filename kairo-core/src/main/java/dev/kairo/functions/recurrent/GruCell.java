package dev.kairo.functions.recurrent;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * One GRU step, fused, as {@code torch.nn.GRUCell}:
 * {@code n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn))}, {@code h' = (1 − z)⊙n + z⊙h}
 * (see {@link GruKernel}). The same kernel as a one-step {@link GruSequence}.
 *
 * <p>Inputs: x [N, I], h [N, H], W_ih [3H, I], W_hh [3H, H], and optionally b_ih, b_hh [3H].
 * Output: h' [N, H].
 *
 * <pre>{@code
 * Variable h1 = new GruCell().apply(x, h, wIh, wHh, bIh, bHh);   // [N, H]
 * }</pre>
 */
public final class GruCell extends Function {
  private final GruKernel kernel = new GruKernel("gruCell", false, true);
  private int[][] shapes;

  @Override
  protected Tensor forward(Tensor... in) {
    shapes = Shapes.of(in);
    return kernel.forward(in);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return kernel.backward(gy, Shapes.needs(this::needsInputGrad, shapes.length), shapes);
  }
}
