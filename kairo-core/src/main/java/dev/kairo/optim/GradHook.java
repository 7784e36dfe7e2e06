package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import java.util.List;

/**
 * Transforms gradients before an optimizer's update (DeZero's optimizer hooks): weight decay,
 * L1 penalty, clipping, freezing. A hook replaces gradients with {@code setGrad}; it never
 * writes into a gradient tensor, which backward may share between parameters.
 */
@FunctionalInterface
public interface GradHook {
  /** Applies the hook to the parameters' current gradients. */
  void apply(List<Parameter> params);
}
