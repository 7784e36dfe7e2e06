package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import java.util.List;

/**
 * Clips every gradient element into {@code [−clip, clip]} (PyTorch's {@code clip_grad_value_}).
 *
 * <pre>{@code
 * opt.addHook(new ClipGradValue(1.0));
 * }</pre>
 */
public final class ClipGradValue implements GradHook {
  private final float clip;

  /** @param clip the largest absolute value allowed, > 0 */
  public ClipGradValue(double clip) {
    this.clip = (float) Check.positive("ClipGradValue", "clip value", clip);
  }

  @Override
  public void apply(List<Parameter> params) {
    for (Parameter p : params) {
      if (p.grad() != null) {
        p.setGrad(p.grad().clamp(-clip, clip));
      }
    }
  }
}
