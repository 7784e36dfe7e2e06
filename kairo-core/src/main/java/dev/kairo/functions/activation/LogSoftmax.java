package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Log-softmax along an axis: {@code yᵢ = xᵢ − m − log Σⱼ e^{xⱼ − m}} (m the maximum), exact
 * even when the softmax itself would underflow. Backward: {@code dx = dy − e^y · Σ dy}.
 */
public final class LogSoftmax extends Function {
  private final int axis;
  private Tensor y;

  /** @param axis the class axis (−1 = last) */
  public LogSoftmax(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0];
    int[] ax = {axis};
    Tensor shifted = x.sub(x.max(ax, true));
    y = shifted.sub(shifted.exp().sum(ax, true).log());
    return y;
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.sub(y.exp().mul(gy.sum(new int[] {axis}, true)))};
  }
}
