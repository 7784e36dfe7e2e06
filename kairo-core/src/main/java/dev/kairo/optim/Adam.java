package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015), with bias correction as PyTorch computes it:
 * <pre>
 *   m = β1·m + (1 − β1)·g
 *   v = β2·v + (1 − β2)·g²
 *   θ = θ − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 * Defaults: lr 1e-3, β1 0.9, β2 0.999, ε 1e-8. {@link AdamW} adds decoupled weight decay.
 *
 * <pre>{@code
 * Optimizer opt = new Adam(model.parameters(), 1e-3);
 * }</pre>
 */
public class Adam extends Optimizer {
  /** Default β1. */
  public static final double BETA1 = 0.9;
  /** Default β2. */
  public static final double BETA2 = 0.999;
  /** Default ε. */
  public static final double EPS = 1e-8;

  /** Per-parameter state: the first and second moment estimates. */
  record Moments(float[] m, float[] v) {}

  private final double beta1;
  private final double beta2;
  private final float eps;
  private final Map<Parameter, Moments> state = new IdentityHashMap<>();

  /** Adam with the default betas and ε. */
  public Adam(List<Parameter> params, double lr) {
    this(params, lr, BETA1, BETA2, EPS);
  }

  /** Adam with explicit β1, β2 in [0, 1) and ε > 0. */
  public Adam(List<Parameter> params, double lr, double beta1, double beta2, double eps) {
    super(params, lr);
    String name = getClass().getSimpleName();
    this.beta1 = Check.unitInterval(name, "beta1", beta1);
    this.beta2 = Check.unitInterval(name, "beta2", beta2);
    this.eps = (float) Check.positive(name, "epsilon", eps);
  }

  @Override
  protected Map<String, float[]> parameterState(Parameter p) {
    Moments s = state.get(p);
    return s == null ? Map.of() : Map.of("exp_avg", s.m(), "exp_avg_sq", s.v());
  }

  @Override
  protected void restoreParameterState(Parameter p, Map<String, float[]> saved) {
    state.put(p, new Moments(require(saved, "exp_avg"), require(saved, "exp_avg_sq")));
  }

  @Override
  protected void update(Parameter p, Tensor grad) {
    float[] w = storage(p);
    decay(w);
    float[] g = grad.denseData();
    Moments s = state.computeIfAbsent(p, k -> new Moments(new float[w.length], new float[w.length]));
    float[] m = s.m();
    float[] v = s.v();
    long t = stepCount();
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    float stepSize = (float) (learningRate() / bc1);
    float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float c1 = 1 - b1;
    float c2 = 1 - b2;
    for (int i = 0; i < w.length; i++) {
      float gi = g[i];
      float mi = b1 * m[i] + c1 * gi;
      float vi = b2 * v[i] + c2 * gi * gi;
      m[i] = mi;
      v[i] = vi;
      w[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBc2 + eps);
    }
  }

  /** Hook for AdamW's decoupled decay, applied before the moment update. */
  void decay(float[] w) {}
}
