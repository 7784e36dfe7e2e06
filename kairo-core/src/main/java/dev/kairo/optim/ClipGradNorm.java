package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import java.util.List;

/**
 * Clips gradients by their global L2 norm (PyTorch's {@code clip_grad_norm_}): when
 * {@code ‖g‖ = √Σ‖gᵢ‖² > maxNorm}, every gradient is scaled by {@code maxNorm / (‖g‖ + 1e-6)}.
 * The standard cure for exploding gradients in recurrent networks.
 *
 * <pre>{@code
 * opt.addHook(new ClipGradNorm(5.0));
 * double norm = ClipGradNorm.globalNorm(model.parameters());   // for logging
 * }</pre>
 */
public final class ClipGradNorm implements GradHook {
  private final double maxNorm;

  /** @param maxNorm the largest global norm allowed, > 0 */
  public ClipGradNorm(double maxNorm) {
    this.maxNorm = Check.positive("ClipGradNorm", "max norm", maxNorm);
  }

  /** The global L2 norm of the parameters' gradients (0 if none has one). */
  public static double globalNorm(List<Parameter> params) {
    double s = 0;
    for (Parameter p : params) {
      if (p.grad() != null) {
        for (float v : p.grad().denseData()) {
          s += (double) v * v;
        }
      }
    }
    return Math.sqrt(s);
  }

  @Override
  public void apply(List<Parameter> params) {
    double norm = globalNorm(params);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      for (Parameter p : params) {
        if (p.grad() != null) {
          p.setGrad(p.grad().mul(scale));
        }
      }
    }
  }
}
