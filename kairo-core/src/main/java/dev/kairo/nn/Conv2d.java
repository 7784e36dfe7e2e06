package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;

/**
 * 2-D convolution layer (畳み込み層), PyTorch's {@code nn.Conv2d}: input [N, in, H, W],
 * weight [out, in/groups, kH, kW], bias [out], output [N, out, outH, outW]. Initialised as
 * PyTorch does (see {@link ConvLayer}); the maths is {@link F#conv2d}.
 *
 * <pre>{@code
 * Conv2d c1 = new Conv2d(1, 32, 3);                                  // stride 1, no padding
 * Conv2d c2 = Conv2d.builder(32, 64, 3).padding(1).seed(7).build();  // "same" size
 * Variable y = c2.forward(c1.forward(x));
 * }</pre>
 */
public final class Conv2d extends ConvLayer {
  /** A k x k convolution with bias, stride 1, no padding, from the default generator. */
  public Conv2d(int in, int out, int kernel) {
    this(builder(in, out, kernel).checked());
  }

  private Conv2d(ConvBuilder<Conv2d> b) {
    super(b);
  }

  /** Settings for a k x k convolution from {@code in} to {@code out} channels. */
  public static ConvBuilder<Conv2d> builder(int in, int out, int kernel) {
    return new ConvBuilder<>("Conv2d", 2, false, in, out, kernel, Conv2d::make);
  }

  private static Conv2d make(ConvBuilder<Conv2d> b) {
    return new Conv2d(b);
  }

  @Override
  Variable apply(Variable x) {
    return F.conv2d(x, weight, bias, stride(), padding(), dilation(), groups());
  }
}
