package dev.kairo.functions.normalization;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over the channel axis 1 of x [N, C, *]: each
 * channel is normalised by a mean and variance, then scaled by γ [C] and shifted by β [C].
 *
 * <p>Training ({@link #training}): the statistics are the batch's, over N and the spatial
 * axes (variance biased, as in the paper); a {@link Stats} sink receives them so a layer can
 * update its running averages. Backward:
 * {@code dx = (γ/σ)/M · (M·dy − Σdy − x̂·Σ(dy·x̂))}, {@code dγ = Σ dy·x̂}, {@code dβ = Σ dy}.
 * Evaluation ({@link #inference}): fixed statistics, so the transform is affine and
 * {@code dx = dy·γ/σ}.
 */
public final class BatchNorm extends Function {
  /** Receives the batch statistics of a training forward, for running averages. */
  public static final class Stats {
    private Tensor mean;
    private Tensor variance;
    private int count;

    /** The batch mean per channel, [C]. */
    public Tensor mean() {
      return mean;
    }

    /** The biased batch variance per channel, [C]. */
    public Tensor variance() {
      return variance;
    }

    /** The number of values per channel in the batch. */
    public int countPerChannel() {
      return count;
    }
  }

  private final float eps;
  private final Stats sink;
  private final Tensor fixedMean;
  private final Tensor fixedVar;
  private Tensor xhat;
  private Tensor invStd;
  private Tensor gamma;
  private Tensor mean;
  private Tensor var;
  private int[] stat;
  private int[] axes;
  private int count;

  private BatchNorm(float eps, Tensor fixedMean, Tensor fixedVar, Stats sink) {
    if (!(eps > 0)) {
      throw new IllegalArgumentException("batchNorm: eps must be positive, got " + eps);
    }
    this.eps = eps;
    this.fixedMean = fixedMean;
    this.fixedVar = fixedVar;
    this.sink = sink;
  }

  /** Normalises with the batch's own statistics. */
  public static BatchNorm training(float eps) {
    return new BatchNorm(eps, null, null, null);
  }

  /** Normalises with the batch's own statistics and reports them to {@code sink}. */
  public static BatchNorm training(float eps, Stats sink) {
    return new BatchNorm(eps, null, null, sink);
  }

  /** Normalises with given (running) statistics, each [C]. */
  public static BatchNorm inference(float eps, Tensor mean, Tensor var) {
    return new BatchNorm(eps, mean, var, null);
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    gamma = in[1];
    Tensor beta = in[2];
    if (x.rank() < 2) {
      throw new IllegalArgumentException("batchNorm: input must be [N, C, ...], got "
          + Shape.str(x.shape()));
    }
    int c = x.size(1);
    if (gamma.rank() != 1 || gamma.size(0) != c || beta.rank() != 1 || beta.size(0) != c) {
      throw new IllegalArgumentException("batchNorm: gamma " + Shape.str(gamma.shape())
          + " and beta " + Shape.str(beta.shape()) + " must be [" + c + "] for input "
          + Shape.str(x.shape()));
    }
    stat = new int[x.rank()];
    java.util.Arrays.fill(stat, 1);
    stat[1] = c;
    axes = new int[x.rank() - 1];
    axes[0] = 0;
    for (int i = 2; i < x.rank(); i++) {
      axes[i - 1] = i;
    }
    count = x.numel() / Math.max(1, c);
    if (fixedMean == null) {
      if (count < 2) {
        throw new IllegalArgumentException("batchNorm: training needs more than one value per "
            + "channel, got input " + Shape.str(x.shape()));
      }
      mean = x.mean(axes, false);
      var = x.variance(axes, 0, false);
      if (sink != null) {
        sink.mean = mean;
        sink.variance = var;
        sink.count = count;
      }
    } else {
      mean = fixedMean;
      var = fixedVar;
    }
    invStd = var.add(eps).sqrt().pow(-1f).reshape(stat);
    xhat = x.sub(mean.reshape(stat)).mul(invStd);
    return xhat.mul(gamma.reshape(stat)).add(beta.reshape(stat));
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor dBeta = gy.sum(axes, false);
    Tensor dGamma = gy.mul(xhat).sum(axes, false);
    Tensor scale = invStd.mul(gamma.reshape(stat));
    Tensor dx;
    if (fixedMean != null) {
      dx = gy.mul(scale);
    } else {
      Tensor inner = gy.sub(dBeta.reshape(stat).div((float) count))
          .sub(xhat.mul(dGamma.reshape(stat).div((float) count)));
      dx = inner.mul(scale);
    }
    return new Tensor[] {needsInputGrad(0) ? dx : null, needsInputGrad(1) ? dGamma : null,
        needsInputGrad(2) ? dBeta : null};
  }
}
