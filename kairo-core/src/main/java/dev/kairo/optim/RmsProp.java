package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSProp (Hinton's lecture 6e), as PyTorch: {@code v = αv + (1 − α)g²}; without momentum
 * {@code θ = θ − lr·g / (√v + ε)}; with momentum μ, {@code b = μb + g/(√v + ε)},
 * {@code θ = θ − lr·b}. Defaults: lr 0.01, α 0.99, ε 1e-8, μ 0.
 *
 * <pre>{@code
 * Optimizer opt = new RmsProp(model.parameters(), 0.001);
 * }</pre>
 */
public final class RmsProp extends Optimizer {
  /** Per-parameter state: the running mean square and the momentum buffer (or null). */
  record State(float[] meanSquare, float[] buffer) {}

  private final float alpha;
  private final float eps;
  private final float momentum;
  private final Map<Parameter, State> state = new IdentityHashMap<>();

  /** RMSProp with α 0.99, ε 1e-8, no momentum. */
  public RmsProp(List<Parameter> params, double lr) {
    this(params, lr, 0.99, 1e-8, 0);
  }

  /** RMSProp with explicit α in [0, 1), ε > 0 and momentum in [0, 1). */
  public RmsProp(List<Parameter> params, double lr, double alpha, double eps, double momentum) {
    super(params, lr);
    this.alpha = (float) Check.unitInterval("RmsProp", "alpha", alpha);
    this.eps = (float) Check.positive("RmsProp", "epsilon", eps);
    this.momentum = (float) Check.unitInterval("RmsProp", "momentum", momentum);
  }

  @Override
  protected Map<String, float[]> parameterState(Parameter p) {
    State s = state.get(p);
    if (s == null) {
      return Map.of();
    }
    return s.buffer() == null ? Map.of("square_avg", s.meanSquare())
        : Map.of("square_avg", s.meanSquare(), "momentum_buffer", s.buffer());
  }

  @Override
  protected void restoreParameterState(Parameter p, Map<String, float[]> saved) {
    state.put(p, new State(require(saved, "square_avg"),
        momentum > 0 ? require(saved, "momentum_buffer") : null));
  }

  @Override
  protected void update(Parameter p, Tensor grad) {
    float[] w = storage(p);
    float[] g = grad.denseData();
    State s = state.computeIfAbsent(p,
        k -> new State(new float[w.length], momentum > 0 ? new float[w.length] : null));
    float[] ms = s.meanSquare();
    float lr = (float) learningRate();
    for (int i = 0; i < w.length; i++) {
      ms[i] = alpha * ms[i] + (1 - alpha) * g[i] * g[i];
      float step = g[i] / ((float) Math.sqrt(ms[i]) + eps);
      if (momentum > 0) {
        s.buffer()[i] = momentum * s.buffer()[i] + step;
        step = s.buffer()[i];
      }
      w[i] -= lr * step;
    }
  }
}
