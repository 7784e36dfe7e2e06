package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent (確率的勾配降下法), optionally with momentum or Nesterov
 * momentum, with PyTorch's update rule:
 * <pre>
 *   v = μv + g                         (momentum μ; v = g on the first step)
 *   g' = g + μv  (Nesterov)  or  g' = v
 *   θ = θ − lr·g'
 * </pre>
 * The momentum convention is PyTorch's, unlike Sutskever et al.: the learning rate multiplies
 * the velocity, not the gradient inside it. Weight decay is a hook ({@link WeightDecay}).
 *
 * <pre>{@code
 * Optimizer sgd = new Sgd(model.parameters(), 0.01);
 * Optimizer momentum = new Sgd(model.parameters(), 0.01, 0.9, false);
 * Optimizer nesterov = new Sgd(model.parameters(), 0.01, 0.9, true);
 * }</pre>
 */
public final class Sgd extends Optimizer {
  private final float momentum;
  private final boolean nesterov;
  private final Map<Parameter, float[]> velocity = new IdentityHashMap<>();

  /** Plain SGD. */
  public Sgd(List<Parameter> params, double lr) {
    this(params, lr, 0, false);
  }

  /** SGD with momentum μ in [0, 1) and optional Nesterov momentum. */
  public Sgd(List<Parameter> params, double lr, double momentum, boolean nesterov) {
    super(params, lr);
    this.momentum = (float) Check.unitInterval("Sgd", "momentum", momentum);
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("Sgd: Nesterov momentum needs momentum > 0");
    }
    this.nesterov = nesterov;
  }

  @Override
  protected Map<String, float[]> parameterState(Parameter p) {
    float[] v = velocity.get(p);
    return v == null ? Map.of() : Map.of("velocity", v);
  }

  @Override
  protected void restoreParameterState(Parameter p, Map<String, float[]> state) {
    velocity.put(p, require(state, "velocity"));
  }

  @Override
  protected void update(Parameter p, Tensor grad) {
    float lr = (float) learningRate();
    float[] w = storage(p);
    float[] g = grad.denseData();
    if (momentum == 0) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * g[i];
      }
      return;
    }
    float[] v = velocity.get(p);
    if (v == null) {
      v = g.clone();
      velocity.put(p, v);
    } else {
      for (int i = 0; i < v.length; i++) {
        v[i] = momentum * v[i] + g[i];
      }
    }
    if (nesterov) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * (g[i] + momentum * v[i]);
      }
    } else {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * v[i];
      }
    }
  }
}
