package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdaGrad (Duchi et al. 2011), as PyTorch: {@code s = s + g²},
 * {@code θ = θ − lr·g / (√s + ε)}. Each weight's step shrinks with its accumulated gradient.
 * Defaults: lr 0.01, ε 1e-10.
 *
 * <pre>{@code
 * Optimizer opt = new AdaGrad(model.parameters(), 0.01);
 * }</pre>
 */
public final class AdaGrad extends Optimizer {
  private final float eps;
  private final Map<Parameter, float[]> sums = new IdentityHashMap<>();

  /** AdaGrad with ε = 1e-10. */
  public AdaGrad(List<Parameter> params, double lr) {
    this(params, lr, 1e-10);
  }

  /** AdaGrad with explicit ε > 0. */
  public AdaGrad(List<Parameter> params, double lr, double eps) {
    super(params, lr);
    this.eps = (float) Check.positive("AdaGrad", "epsilon", eps);
  }

  @Override
  protected Map<String, float[]> parameterState(Parameter p) {
    float[] s = sums.get(p);
    return s == null ? Map.of() : Map.of("sum", s);
  }

  @Override
  protected void restoreParameterState(Parameter p, Map<String, float[]> state) {
    sums.put(p, require(state, "sum"));
  }

  @Override
  protected void update(Parameter p, Tensor grad) {
    float[] w = storage(p);
    float[] g = grad.denseData();
    float[] s = sums.computeIfAbsent(p, k -> new float[w.length]);
    float lr = (float) learningRate();
    for (int i = 0; i < w.length; i++) {
      s[i] += g[i] * g[i];
      w[i] -= lr * g[i] / ((float) Math.sqrt(s[i]) + eps);
    }
  }
}
