package dev.kairo.functions.recurrent;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * One Elman RNN step, fused, as {@code torch.nn.RNNCell}:
 * {@code h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)} with act {@code "tanh"} or
 * {@code "relu"}. The same kernel as a one-step {@link RnnSequence}.
 *
 * <p>Inputs: x [N, I], h [N, H], W_ih [H, I], W_hh [H, H], and optionally b_ih, b_hh [H].
 * Output: h' [N, H].
 *
 * <pre>{@code
 * Variable h1 = new RnnCell("tanh").apply(x, h, wIh, wHh, bIh, bHh);   // [N, H]
 * }</pre>
 */
public final class RnnCell extends Function {
  private final RnnKernel kernel;
  private int[][] shapes;

  /** @param nonlinearity {@code "tanh"} or {@code "relu"} */
  public RnnCell(String nonlinearity) {
    kernel = new RnnKernel("rnnCell", false, true, nonlinearity);
  }

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
