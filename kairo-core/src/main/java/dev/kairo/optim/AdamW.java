package dev.kairo.optim;

import java.util.List;
import dev.kairo.nn.Parameter;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay, applied to the
 * weights directly rather than through the gradient: {@code θ ← θ − lr·λ·θ}, then the Adam
 * step. Default λ = 0.01, as PyTorch.
 *
 * <pre>{@code
 * Optimizer opt = new AdamW(model.parameters(), 1e-3, 0.01);
 * }</pre>
 */
public final class AdamW extends Adam {
  /** Default decoupled weight decay. */
  public static final double WEIGHT_DECAY = 0.01;
  private final double weightDecay;

  /** AdamW with the default decay 0.01. */
  public AdamW(List<Parameter> params, double lr) {
    this(params, lr, WEIGHT_DECAY);
  }

  /** AdamW with decay λ >= 0 and Adam's default betas and ε. */
  public AdamW(List<Parameter> params, double lr, double weightDecay) {
    super(params, lr);
    this.weightDecay = Check.nonNegative("AdamW", "weight decay", weightDecay);
  }

  @Override
  void decay(float[] w) {
    float keep = (float) (1 - learningRate() * weightDecay);
    if (keep != 1f) {
      for (int i = 0; i < w.length; i++) {
        w[i] *= keep;
      }
    }
  }
}
