package dev.kairo.functions.recurrent;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * One LSTM layer over a whole sequence, fused: PyTorch's {@code torch.nn.LSTM} for one layer
 * and one direction, gates i, f, g, o in PyTorch's order (see {@link LstmKernel} for the
 * formulas and the GEMM plan).
 *
 * <p>Inputs: x [N, T, I] (batch-first) or [T, N, I] (time-major), h0 [N, H], c0 [N, H],
 * W_ih [4H, I], W_hh [4H, H], and optionally b_ih, b_hh [4H]. Output: [N, T, 2H] (or
 * [T, N, 2H]) holding, for every step t, h_t in the first H columns and c_t in the last H.
 *
 * <p>Why one packed output: Kairo's {@link Function} has one output, and an LSTM has three
 * (the h sequence, the final h and the final c). Every (h_t, c_t) pair is needed by backward
 * anyway, so returning them all costs no extra memory, and the caller takes what it uses with
 * slices ({@code F.lstm} returns the h sequence, h_T and c_T); gradients arriving at any h_t
 * or c_t, including c_T, flow back through one backward. A function per layer over the whole
 * sequence, rather than a cell per step, lets the input projection for all steps be one large
 * GEMM and keeps per-step work to one GEMM plus one fused pass, with no graph nodes per step.
 *
 * <pre>{@code
 * Variable y = new LstmSequence(true).apply(x, h0, c0, wIh, wHh, bIh, bHh);   // [N, T, 2H]
 * Variable hs = F.slice(y, 2, 0, hidden);                                    // [N, T, H]
 * }</pre>
 */
public final class LstmSequence extends Function {
  private final LstmKernel kernel;
  private int[][] shapes;

  /** @param batchFirst x is [N, T, I] (true) or [T, N, I] (false) */
  public LstmSequence(boolean batchFirst) {
    kernel = new LstmKernel("lstm", true, batchFirst);
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
