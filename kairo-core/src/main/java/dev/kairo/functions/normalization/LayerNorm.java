package dev.kairo.functions.normalization;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * Layer normalisation (Ba et al. 2016): each sample is normalised over its last {@code k}
 * axes (the {@code normalized shape}), then scaled by γ and shifted by β of that shape.
 * Independent of the batch, so it behaves the same in training and evaluation.
 * Backward per row of D values: {@code dx = (1/σ)/D · (D·dx̂ − Σdx̂ − x̂·Σ(dx̂·x̂))} with
 * {@code dx̂ = dy·γ}; {@code dγ = Σ_rows dy·x̂}; {@code dβ = Σ_rows dy}.
 */
public final class LayerNorm extends Function {
  private final float eps;
  private Tensor xhat;
  private Tensor invStd;
  private Tensor gamma;
  private int[] xShape;
  private int rows;
  private int width;

  /** @param eps added to the variance, > 0 */
  public LayerNorm(float eps) {
    if (!(eps > 0)) {
      throw new IllegalArgumentException("layerNorm: eps must be positive, got " + eps);
    }
    this.eps = eps;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    gamma = in[1];
    Tensor beta = in[2];
    xShape = x.shape();
    int[] ns = gamma.shape();
    boolean ok = ns.length >= 1 && ns.length <= xShape.length && Shape.same(ns, beta.shape());
    for (int i = 0; ok && i < ns.length; i++) {
      ok = ns[i] == xShape[xShape.length - ns.length + i];
    }
    if (!ok) {
      throw new IllegalArgumentException("layerNorm: gamma " + Shape.str(ns) + " and beta "
          + Shape.str(beta.shape()) + " must equal the trailing axes of input "
          + Shape.str(xShape));
    }
    width = Shape.numel(ns);
    rows = x.numel() / Math.max(1, width);
    Tensor x2 = x.reshape(rows, width);
    int[] ax = {1};
    Tensor mean = x2.mean(ax, true);
    invStd = x2.variance(ax, 0, true).add(eps).sqrt().pow(-1f);
    xhat = x2.sub(mean).mul(invStd);
    return xhat.mul(gamma.reshape(1, width)).add(beta.reshape(1, width)).reshape(xShape);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor g2 = gy.reshape(rows, width);
    Tensor dGamma = g2.mul(xhat).sum(0).reshape(gamma.shape());
    Tensor dBeta = g2.sum(0).reshape(gamma.shape());
    Tensor dxhat = g2.mul(gamma.reshape(1, width));
    int[] ax = {1};
    Tensor dx = dxhat.sub(dxhat.mean(ax, true)).sub(xhat.mul(dxhat.mul(xhat).mean(ax, true)))
        .mul(invStd).reshape(xShape);
    return new Tensor[] {needsInputGrad(0) ? dx : null, needsInputGrad(1) ? dGamma : null,
        needsInputGrad(2) ? dBeta : null};
  }
}
