package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.functions.normalization.BatchNorm.Stats;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * Batch normalisation (バッチ正規化) over the channel axis 1: BatchNorm1d for [N, C] or
 * [N, C, L], BatchNorm2d for [N, C, H, W]. In training mode it normalises with the batch's
 * statistics and updates running averages (momentum 0.1, unbiased variance, as PyTorch); in
 * evaluation mode it uses the running averages. γ starts at 1, β at 0.
 *
 * <pre>{@code
 * Sequential net = new Sequential(new Linear(784, 256), new BatchNorm(256), Activation.relu());
 * }</pre>
 */
public final class BatchNorm extends Module {
  /** Scale γ, [C]. */
  public final Parameter gamma;
  /** Shift β, [C]. */
  public final Parameter beta;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private final Tensor batchesTracked;
  private final int channels;
  private final float eps;
  private final float momentum;

  /** Batch norm for {@code channels} channels, eps 1e-5, momentum 0.1. */
  public BatchNorm(int channels) {
    this(channels, 1e-5f, 0.1f);
  }

  /** Batch norm with explicit eps > 0 and momentum in (0, 1]. */
  public BatchNorm(int channels, float eps, float momentum) {
    if (channels < 1) {
      throw new IllegalArgumentException("BatchNorm: channels must be >= 1, got " + channels);
    }
    if (!(momentum > 0 && momentum <= 1)) {
      throw new IllegalArgumentException("BatchNorm: momentum must be in (0, 1], got " + momentum);
    }
    this.channels = channels;
    this.eps = eps;
    this.momentum = momentum;
    gamma = param("weight", new Parameter(Tensor.ones(channels)));
    beta = param("bias", new Parameter(Tensor.zeros(channels)));
    runningMean = buffer("running_mean", Tensor.zeros(channels));
    runningVar = buffer("running_var", Tensor.ones(channels));
    batchesTracked = buffer("num_batches_tracked", Tensor.zeros(1));
  }

  @Override
  public Variable forward(Variable x) {
    int[] s = x.shape();
    if (s.length < 2 || s[1] != channels) {
      throw new IllegalArgumentException("BatchNorm(" + channels + "): input " + Shape.str(s)
          + " does not have " + channels + " channels on axis 1");
    }
    if (!isTraining()) {
      return F.batchNorm(x, gamma, beta, runningMean, runningVar, eps);
    }
    Stats stats = new Stats();
    Variable y = F.batchNorm(x, gamma, beta, eps, stats);
    int n = stats.countPerChannel();
    // Running variance uses the unbiased estimate, as PyTorch does.
    Tensor unbiased = stats.variance().mul((float) n / (n - 1));
    runningMean.scaleInPlace(1 - momentum).addInPlace(stats.mean(), momentum);
    runningVar.scaleInPlace(1 - momentum).addInPlace(unbiased, momentum);
    batchesTracked.addInPlace(Tensor.ones(1));
    return y;
  }

  /** The number of channels. */
  public int channels() {
    return channels;
  }

  /** The epsilon added to the variance. */
  public float eps() {
    return eps;
  }

  /** The running-average momentum. */
  public float momentum() {
    return momentum;
  }

  /** The running mean, [C] (a buffer, shared). */
  public Tensor runningMean() {
    return runningMean;
  }

  /** The running variance, [C] (a buffer, shared). */
  public Tensor runningVariance() {
    return runningVar;
  }

  @Override
  public String toString() {
    return "BatchNorm(" + channels + ")";
  }
}
