package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import java.util.SplittableRandom;

/**
 * The basic residual block of ResNet (He et al. 2016): {@code relu(bn2(conv2(relu(bn1(conv1
 * x)))) + shortcut(x))} with 3x3 convolutions without bias (padding 1; the first carries the
 * stride). The shortcut is the identity when the shape is kept, else a 1x1 convolution with
 * the stride followed by batch norm (the projection shortcut). Parameter names follow
 * torchvision's {@code BasicBlock}: {@code conv1, bn1, conv2, bn2, downsample.0,
 * downsample.1}.
 *
 * <pre>{@code
 * Sequential net = new Sequential(new Conv2d(3, 16, 3), new ResidualBlock(16, 32, 2));
 * }</pre>
 *
 * <p>Shape: [N, in, H, W] to [N, out, ceil(H/stride), ceil(W/stride)].
 */
public final class ResidualBlock extends Module {
  private final int in;
  private final int out;
  private final int stride;
  private final Conv2d conv1;
  private final BatchNorm bn1;
  private final Conv2d conv2;
  private final BatchNorm bn2;
  private final Sequential downsample;

  /** A block from {@code in} to {@code out} channels, initialised from the default generator. */
  public ResidualBlock(int in, int out, int stride) {
    this(in, out, stride, Init.generator());
  }

  /** A block initialised from a generator seeded with {@code seed}. */
  public ResidualBlock(int in, int out, int stride, long seed) {
    this(in, out, stride, new SplittableRandom(seed));
  }

  /** A block initialised from {@code rng}. */
  public ResidualBlock(int in, int out, int stride, SplittableRandom rng) {
    if (in < 1 || out < 1 || stride < 1) {
      throw new IllegalArgumentException("ResidualBlock: channels and stride must be positive, "
          + "got in=" + in + ", out=" + out + ", stride=" + stride);
    }
    this.in = in;
    this.out = out;
    this.stride = stride;
    conv1 = module("conv1", Conv2d.builder(in, out, 3).stride(stride).padding(1).bias(false)
        .generator(rng).build());
    bn1 = module("bn1", new BatchNorm(out));
    conv2 = module("conv2", Conv2d.builder(out, out, 3).padding(1).bias(false).generator(rng)
        .build());
    bn2 = module("bn2", new BatchNorm(out));
    downsample = in == out && stride == 1 ? null : module("downsample", new Sequential(
        Conv2d.builder(in, out, 1).stride(stride).bias(false).generator(rng).build(),
        new BatchNorm(out)));
  }

  @Override
  public Variable forward(Variable x) {
    int[] s = x.shape();
    if (s.length != 4 || s[1] != in) {
      throw new IllegalArgumentException(this + ": input " + dev.kairo.tensor.Shape.str(s)
          + " must be [N, " + in + ", H, W]");
    }
    Variable h = F.relu(bn1.forward(conv1.forward(x)));
    h = bn2.forward(conv2.forward(h));
    return F.relu(F.add(h, downsample == null ? x : downsample.forward(x)));
  }

  /** Input channels. */
  public int inChannels() {
    return in;
  }

  /** Output channels. */
  public int outChannels() {
    return out;
  }

  /** The stride of the first convolution and of the projection. */
  public int stride() {
    return stride;
  }

  @Override
  public String toString() {
    return "ResidualBlock(" + in + "->" + out + ", stride " + stride
        + (downsample == null ? "" : ", projection") + ")";
  }
}
