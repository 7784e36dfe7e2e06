package dev.kairo.functions.recurrent;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * One GRU layer over a whole sequence, fused: {@code torch.nn.GRU} for one layer and one
 * direction, gates r, z, n in PyTorch's order and formulation (see {@link GruKernel}).
 *
 * <p>Inputs: x [N, T, I] (batch-first) or [T, N, I] (time-major), h0 [N, H], W_ih [3H, I],
 * W_hh [3H, H], and optionally b_ih, b_hh [3H]. Output: the h sequence [N, T, H] (or
 * [T, N, H]); the final state is its last step. One function per layer and sequence, rather
 * than a cell per step, makes the input projection one large GEMM and adds no graph nodes per
 * step.
 *
 * <pre>{@code
 * Variable hs = new GruSequence(true).apply(x, h0, wIh, wHh, bIh, bHh);   // [N, T, H]
 * }</pre>
 */
public final class GruSequence extends Function {
  private final GruKernel kernel;
  private int[][] shapes;

  /** @param batchFirst x is [N, T, I] (true) or [T, N, I] (false) */
  public GruSequence(boolean batchFirst) {
    kernel = new GruKernel("gru", true, batchFirst);
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
