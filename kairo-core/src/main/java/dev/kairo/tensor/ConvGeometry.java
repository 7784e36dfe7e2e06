package dev.kairo.tensor;

/**
 * The sizes of one 2-D sliding-window operation (convolution or pooling) on one image of
 * {@code channels} planes: input, kernel, stride, padding, dilation and the output they give.
 * A 1-D operation is the 2-D one with height 1, kernel height 1, stride 1, no padding, so
 * every kernel handles both.
 *
 * <pre>{@code
 * ConvGeometry g = ConvGeometry.of("conv2d", "input [8, 3, 28, 28]", 3,
 *     new int[] {28, 28}, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1});
 * g.outH();   // 28
 * }</pre>
 *
 * <p>Output size per axis: {@code (in + 2·pad − dil·(k − 1) − 1) / stride + 1} (floor), as in
 * PyTorch.
 */
public record ConvGeometry(int channels, int inH, int inW, int kH, int kW, int strideH,
    int strideW, int padH, int padW, int dilH, int dilW, int outH, int outW) {

  /**
   * The geometry of an operation with spatial sizes given per axis (arrays of length 1 for
   * 1-D, 2 for 2-D).
   *
   * @param op the operation, for error messages ({@code "conv2d"})
   * @param what the operands, for error messages ({@code "input [1, 3, 2, 2], weight [...]"})
   * @throws IllegalArgumentException naming the operation and the operands when a setting is
   *     out of range or the output would be empty
   */
  public static ConvGeometry of(String op, String what, int channels, int[] in, int[] kernel,
      int[] stride, int[] padding, int[] dilation) {
    int d = in.length;
    if (d < 1 || d > 2 || kernel.length != d || stride.length != d || padding.length != d
        || dilation.length != d) {
      throw new IllegalArgumentException(op + ": " + what + ": kernel, stride, padding and "
          + "dilation need " + d + " value(s) each");
    }
    int[] out = new int[d];
    for (int i = 0; i < d; i++) {
      if (kernel[i] < 1 || stride[i] < 1 || dilation[i] < 1 || padding[i] < 0) {
        throw new IllegalArgumentException(op + ": " + what + ": kernel " + Shape.str(kernel)
            + ", stride " + Shape.str(stride) + " and dilation " + Shape.str(dilation)
            + " must be >= 1 and padding " + Shape.str(padding) + " >= 0");
      }
      out[i] = outputSize(in[i], kernel[i], stride[i], padding[i], dilation[i]);
      if (out[i] < 1) {
        String axis = d == 1 ? "length" : i == 0 ? "height" : "width";
        throw new IllegalArgumentException(op + ": " + what + " give an output " + axis + " of "
            + out[i] + " (input " + in[i] + ", kernel " + kernel[i] + ", stride " + stride[i]
            + ", padding " + padding[i] + ", dilation " + dilation[i] + "); the padded input "
            + (in[i] + 2 * padding[i]) + " must be at least the dilated kernel "
            + (dilation[i] * (kernel[i] - 1) + 1));
      }
    }
    if (d == 1) {
      return new ConvGeometry(channels, 1, in[0], 1, kernel[0], 1, stride[0], 0, padding[0], 1,
          dilation[0], 1, out[0]);
    }
    return new ConvGeometry(channels, in[0], in[1], kernel[0], kernel[1], stride[0], stride[1],
        padding[0], padding[1], dilation[0], dilation[1], out[0], out[1]);
  }

  /**
   * The geometry of the convolution whose input gradient is a transposed convolution of an
   * input with spatial sizes {@code in}: its input is the transposed output
   * ({@link #transposedSize}), of {@code channels} planes, its output {@code in}.
   *
   * @throws IllegalArgumentException naming the operation and operands when a setting is out
   *     of range, {@code outputPadding} is not smaller than the stride or the dilation, or the
   *     output would be empty
   */
  public static ConvGeometry transposed(String op, String what, int channels, int[] in,
      int[] kernel, int[] stride, int[] padding, int[] dilation, int[] outputPadding) {
    int d = in.length;
    if (d < 1 || d > 2 || kernel.length != d || stride.length != d || padding.length != d
        || dilation.length != d || outputPadding.length != d) {
      throw new IllegalArgumentException(op + ": " + what + ": kernel, stride, padding, "
          + "dilation and output padding need " + d + " value(s) each");
    }
    int[] out = new int[d];
    for (int i = 0; i < d; i++) {
      if (kernel[i] < 1 || stride[i] < 1 || dilation[i] < 1 || padding[i] < 0
          || outputPadding[i] < 0) {
        throw new IllegalArgumentException(op + ": " + what + ": kernel " + Shape.str(kernel)
            + ", stride " + Shape.str(stride) + " and dilation " + Shape.str(dilation)
            + " must be >= 1, padding " + Shape.str(padding) + " and output padding "
            + Shape.str(outputPadding) + " >= 0");
      }
      if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]) {
        throw new IllegalArgumentException(op + ": " + what + ": output padding "
            + Shape.str(outputPadding) + " must be smaller than the stride " + Shape.str(stride)
            + " or the dilation " + Shape.str(dilation));
      }
      out[i] = transposedSize(in[i], kernel[i], stride[i], padding[i], dilation[i],
          outputPadding[i]);
      if (out[i] < 1) {
        throw new IllegalArgumentException(op + ": " + what + " give an output "
            + (d == 1 ? "length" : i == 0 ? "height" : "width") + " of " + out[i] + " (input "
            + in[i] + ", kernel " + kernel[i] + ", stride " + stride[i] + ", padding "
            + padding[i] + ", dilation " + dilation[i] + ", output padding " + outputPadding[i]
            + "); it must be at least 1");
      }
    }
    if (d == 1) {
      return new ConvGeometry(channels, 1, out[0], 1, kernel[0], 1, stride[0], 0, padding[0], 1,
          dilation[0], 1, in[0]);
    }
    return new ConvGeometry(channels, out[0], out[1], kernel[0], kernel[1], stride[0], stride[1],
        padding[0], padding[1], dilation[0], dilation[1], in[0], in[1]);
  }

  /** {@code floor((in + 2·pad − dil·(k − 1) − 1) / stride) + 1}; may be below 1. */
  public static int outputSize(int in, int kernel, int stride, int padding, int dilation) {
    int span = in + 2 * padding - dilation * (kernel - 1) - 1;
    return span < 0 ? 0 : span / stride + 1;
  }

  /**
   * The output size of a transposed convolution: {@code (in − 1)·stride − 2·pad +
   * dil·(k − 1) + outputPadding + 1}.
   */
  public static int transposedSize(int in, int kernel, int stride, int padding, int dilation,
      int outputPadding) {
    return (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
  }

  /** Input elements per channel. */
  public int inSize() {
    return inH * inW;
  }

  /** Output positions per channel. */
  public int outSize() {
    return outH * outW;
  }

  /** Kernel taps per channel. */
  public int kernelSize() {
    return kH * kW;
  }

  /** Rows of the column matrix: {@code channels · kH · kW}. */
  public int colRows() {
    return channels * kH * kW;
  }

  /**
   * Whether the column matrix equals the input (1x1 kernel, stride 1, no padding), so
   * im2col can be skipped.
   */
  public boolean isPointwise() {
    return kH == 1 && kW == 1 && strideH == 1 && strideW == 1 && padH == 0 && padW == 0;
  }

  /** The same geometry for a group of {@code c} channels. */
  public ConvGeometry withChannels(int c) {
    return new ConvGeometry(c, inH, inW, kH, kW, strideH, strideW, padH, padW, dilH, dilW,
        outH, outW);
  }
}
