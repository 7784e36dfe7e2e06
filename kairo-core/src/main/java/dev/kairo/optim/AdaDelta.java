package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdaDelta (Zeiler 2012), as PyTorch:
 * <pre>
 *   v = ρv + (1 − ρ)g²
 *   δ = √(u + ε) / √(v + ε) · g
 *   u = ρu + (1 − ρ)δ²
 *   θ = θ − lr·δ
 * </pre>
 * The step has the units of θ, so the usual learning rate is 1. Defaults: lr 1, ρ 0.9, ε 1e-6.
 *
 * <pre>{@code
 * Optimizer opt = new AdaDelta(model.parameters(), 1.0);
 * }</pre>
 */
public final class AdaDelta extends Optimizer {
  /** Per-parameter state: running mean squares of gradients and of updates. */
  record State(float[] squareAvg, float[] deltaAvg) {}

  private final float rho;
  private final float eps;
  private final Map<Parameter, State> state = new IdentityHashMap<>();

  /** AdaDelta with ρ 0.9, ε 1e-6. */
  public AdaDelta(List<Parameter> params, double lr) {
    this(params, lr, 0.9, 1e-6);
  }

  /** AdaDelta with explicit ρ in [0, 1) and ε > 0. */
  public AdaDelta(List<Parameter> params, double lr, double rho, double eps) {
    super(params, lr);
    this.rho = (float) Check.unitInterval("AdaDelta", "rho", rho);
    this.eps = (float) Check.positive("AdaDelta", "epsilon", eps);
  }

  @Override
  protected Map<String, float[]> parameterState(Parameter p) {
    State s = state.get(p);
    return s == null ? Map.of() : Map.of("square_avg", s.squareAvg(), "acc_delta", s.deltaAvg());
  }

  @Override
  protected void restoreParameterState(Parameter p, Map<String, float[]> saved) {
    state.put(p, new State(require(saved, "square_avg"), require(saved, "acc_delta")));
  }

  @Override
  protected void update(Parameter p, Tensor grad) {
    float[] w = storage(p);
    float[] g = grad.denseData();
    State s = state.computeIfAbsent(p, k -> new State(new float[w.length], new float[w.length]));
    float[] v = s.squareAvg();
    float[] u = s.deltaAvg();
    float lr = (float) learningRate();
    for (int i = 0; i < w.length; i++) {
      v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
      float delta = (float) (Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps)) * g[i];
      u[i] = rho * u[i] + (1 - rho) * delta * delta;
      w[i] -= lr * delta;
    }
  }
}
