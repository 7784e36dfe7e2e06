package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/**
 * Gaussian error linear unit (Hendrycks and Gimpel 2016), used in GPT and BERT:
 * {@code y = x·Φ(x)} where Φ is the standard normal CDF; derivative {@code Φ(x) + x·φ(x)}.
 * With {@code approximate}, Φ is replaced by the tanh form
 * {@code ½(1 + tanh(√(2/π)(x + 0.044715x³)))}, as PyTorch's {@code approximate='tanh'}.
 */
public final class Gelu extends Function {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
  private final boolean approximate;
  private float[] dydx;
  private int[] shape;

  /** @param approximate use the tanh approximation instead of the exact erf form */
  public Gelu(boolean approximate) {
    this.approximate = approximate;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    float[] x = in[0].toArray();
    shape = in[0].shape();
    float[] y = new float[x.length];
    dydx = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      if (approximate) {
        double u = SQRT_2_OVER_PI * (v + 0.044715 * v * v * v);
        double t = Math.tanh(u);
        y[i] = (float) (0.5 * v * (1 + t));
        double du = SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
        dydx[i] = (float) (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du);
      } else {
        double cdf = 0.5 * (1 + Erf.erf(v * INV_SQRT_2));
        double pdf = INV_SQRT_2PI * Math.exp(-0.5 * v * v);
        y[i] = (float) (v * cdf);
        dydx[i] = (float) (cdf + v * pdf);
      }
    }
    return Tensor.of(y, shape);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    return new Tensor[] {gy.mul(Tensor.of(dydx, shape))};
  }
}
