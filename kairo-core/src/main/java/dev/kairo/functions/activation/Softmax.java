package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.Tensor;
import dev.kairo.tensor.Workspace;

/**
 * Softmax along an axis: {@code yᵢ = e^{xᵢ − m} / Σⱼ e^{xⱼ − m}} with m the maximum (for
 * stability). Backward: {@code dx = y ⊙ (dy − Σ dy ⊙ y)}. For training a classifier prefer the
 * fused {@code F.softmaxCrossEntropy}, which is faster and exact for large logits.
 */
public final class Softmax extends Function {
  private final int axis;
  private Tensor y;

  /** @param axis the class axis (−1 = last) */
  public Softmax(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    if (x.rank() > 0 && (axis == -1 || axis == x.rank() - 1)) {
      // The usual case, classes along the last axis: one fused pass per row.
      int width = x.size(-1);
      float[] p = Workspace.floats(x.numel()); // softmaxRows writes every element
      ActivationKernels.softmaxRows(x.denseData(), x.numel() / Math.max(1, width), width, p);
      y = Tensor.of(p, x.shape());
      return y;
    }
    int[] ax = {axis};
    Tensor e = x.sub(x.max(ax, true)).exp();
    y = e.div(e.sum(ax, true));
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    Tensor gyy = gy.mul(y);
    return new Tensor[] {gyy.sub(y.mul(gyy.sum(new int[] {axis}, true)))};
  }
}
