package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Keeps some parameters fixed by dropping their gradients before the update (fine-tuning,
 * greedy layer-wise pre-training).
 *
 * <pre>{@code
 * opt.addHook(new Freeze(encoder.parameters()));
 * }</pre>
 */
public final class Freeze implements GradHook {
  private final Set<Parameter> frozen = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Freezes the given parameters. */
  public Freeze(List<Parameter> params) {
    frozen.addAll(params);
  }

  @Override
  public void apply(List<Parameter> params) {
    for (Parameter p : params) {
      if (frozen.contains(p)) {
        p.zeroGrad();
      }
    }
  }
}
