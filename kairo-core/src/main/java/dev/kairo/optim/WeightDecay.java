package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import java.util.List;

/**
 * L2 regularisation as a gradient hook: {@code g ← g + λθ}, the gradient of the penalty
 * {@code (λ/2)Σθ²} (seed 000's 2次の正則化項). Applies to every parameter with a gradient;
 * build it with {@link #weightsOnly} to skip biases (1-d parameters), as seed 003 does.
 *
 * <pre>{@code
 * opt.addHook(new WeightDecay(0.01));
 * }</pre>
 */
public final class WeightDecay implements GradHook {
  private final float lambda;
  private final boolean weightsOnly;

  /** Decay every parameter by λ >= 0. */
  public WeightDecay(double lambda) {
    this(lambda, false);
  }

  private WeightDecay(double lambda, boolean weightsOnly) {
    this.lambda = (float) Check.nonNegative("WeightDecay", "lambda", lambda);
    this.weightsOnly = weightsOnly;
  }

  /** Decay only parameters of rank 2 or more (weights, not biases). */
  public static WeightDecay weightsOnly(double lambda) {
    return new WeightDecay(lambda, true);
  }

  @Override
  public void apply(List<Parameter> params) {
    for (Parameter p : params) {
      if (p.grad() != null && lambda != 0 && (!weightsOnly || p.data().rank() >= 2)) {
        p.setGrad(p.grad().add(p.data().mul(lambda)));
      }
    }
  }
}
