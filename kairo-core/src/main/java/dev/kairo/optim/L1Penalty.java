package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import java.util.List;

/**
 * L1 regularisation as a gradient hook: {@code g ← g + λ·sign(θ)}, the (sub)gradient of
 * {@code λΣ|θ|}, which drives small weights to exactly zero.
 *
 * <pre>{@code
 * opt.addHook(new L1Penalty(1e-4));
 * }</pre>
 */
public final class L1Penalty implements GradHook {
  private final float lambda;

  /** @param lambda λ >= 0 */
  public L1Penalty(double lambda) {
    this.lambda = (float) Check.nonNegative("L1Penalty", "lambda", lambda);
  }

  @Override
  public void apply(List<Parameter> params) {
    for (Parameter p : params) {
      if (p.grad() != null && lambda != 0) {
        p.setGrad(p.grad().add(p.data().sign().mul(lambda)));
      }
    }
  }
}
