package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;

/**
 * 1-D convolution layer, PyTorch's {@code nn.Conv1d}: input [N, in, L], weight
 * [out, in/groups, k], bias [out], output [N, out, outL], for sequences and signals.
 * Initialised as PyTorch does (see {@link ConvLayer}); the maths is {@link F#conv1d}.
 *
 * <pre>{@code
 * Conv1d c = Conv1d.builder(12, 32, 5).padding(2).build();   // [N, 12, 100] -> [N, 32, 100]
 * }</pre>
 */
public final class Conv1d extends ConvLayer {
  /** A width-k convolution with bias, stride 1, no padding, from the default generator. */
  public Conv1d(int in, int out, int kernel) {
    this(builder(in, out, kernel).checked());
  }

  private Conv1d(ConvBuilder<Conv1d> b) {
    super(b);
  }

  /** Settings for a width-k convolution from {@code in} to {@code out} channels. */
  public static ConvBuilder<Conv1d> builder(int in, int out, int kernel) {
    return new ConvBuilder<>("Conv1d", 1, false, in, out, kernel, Conv1d::make);
  }

  private static Conv1d make(ConvBuilder<Conv1d> b) {
    return new Conv1d(b);
  }

  @Override
  Variable apply(Variable x) {
    return F.conv1d(x, weight, bias, stride()[0], padding()[0], dilation()[0], groups());
  }
}
