package dev.kairo.functions.recurrent;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * One Elman RNN layer over a whole sequence, fused: {@code torch.nn.RNN} for one layer and
 * one direction, {@code h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)} with act {@code "tanh"}
 * or {@code "relu"} (see {@link RnnKernel}).
 *
 * <p>Inputs: x [N, T, I] (batch-first) or [T, N, I] (time-major), h0 [N, H], W_ih [H, I],
 * W_hh [H, H], and optionally b_ih, b_hh [H]. Output: the h sequence [N, T, H] (or
 * [T, N, H]); the final state is its last step.
 *
 * <pre>{@code
 * Variable hs = new RnnSequence("tanh", true).apply(x, h0, wIh, wHh, bIh, bHh);   // [N, T, H]
 * }</pre>
 */
public final class RnnSequence extends Function {
  private final RnnKernel kernel;
  private int[][] shapes;

  /**
   * @param nonlinearity {@code "tanh"} or {@code "relu"}
   * @param batchFirst x is [N, T, I] (true) or [T, N, I] (false)
   */
  public RnnSequence(String nonlinearity, boolean batchFirst) {
    kernel = new RnnKernel("rnn", true, batchFirst, nonlinearity);
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
