package dev.kairo.functions.recurrent;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * One LSTM step, fused, as {@code torch.nn.LSTMCell}: gates i, f, g, o in PyTorch's order,
 * {@code c' = f⊙c + i⊙g}, {@code h' = o⊙tanh(c')} (see {@link LstmKernel}).
 *
 * <p>Inputs: x [N, I], h [N, H], c [N, H], W_ih [4H, I], W_hh [4H, H], and optionally b_ih,
 * b_hh [4H]. Output: [N, 2H], h' in the first H columns and c' in the last H: one output
 * carries both states (see {@link LstmSequence} for why), and {@code F.lstmCell} slices it.
 * The same kernel as a one-step {@link LstmSequence}; use that for whole sequences.
 *
 * <pre>{@code
 * Variable hc = new LstmCell().apply(x, h, c, wIh, wHh, bIh, bHh);   // [N, 2H]
 * }</pre>
 */
public final class LstmCell extends Function {
  private final LstmKernel kernel = new LstmKernel("lstmCell", false, true);
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
