package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;

/**
 * 2-D transposed convolution layer, PyTorch's {@code nn.ConvTranspose2d}: input
 * [N, in, H, W], weight [in, out/groups, kH, kW], bias [out], output [N, out, outH, outW] with
 * {@code outH = (H − 1)·stride − 2·padding + dilation·(kH − 1) + outputPadding + 1}; the
 * learned upsampling of decoders and generators. Initialised as PyTorch does (see
 * {@link ConvLayer}); the maths is {@link F#convTranspose2d}.
 *
 * <pre>{@code
 * ConvTranspose2d up = ConvTranspose2d.builder(64, 32, 3).stride(2).padding(1)
 *     .outputPadding(1).build();   // [N, 64, 7, 7] -> [N, 32, 14, 14]
 * }</pre>
 */
public final class ConvTranspose2d extends ConvLayer {
  /** A k x k transposed convolution with bias, stride 1, from the default generator. */
  public ConvTranspose2d(int in, int out, int kernel) {
    this(builder(in, out, kernel).checked());
  }

  private ConvTranspose2d(ConvBuilder<ConvTranspose2d> b) {
    super(b);
  }

  /** Settings for a k x k transposed convolution from {@code in} to {@code out} channels. */
  public static ConvBuilder<ConvTranspose2d> builder(int in, int out, int kernel) {
    return new ConvBuilder<>("ConvTranspose2d", 2, true, in, out, kernel, ConvTranspose2d::make);
  }

  private static ConvTranspose2d make(ConvBuilder<ConvTranspose2d> b) {
    return new ConvTranspose2d(b);
  }

  @Override
  Variable apply(Variable x) {
    return F.convTranspose2d(x, weight, bias, stride(), padding(), outputPadding(), groups(),
        dilation());
  }
}
