package dev.kairo.functions.array;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Tensor;

/** Reorders axes (transpose is the two-axis case); the gradient is permuted back. */
public final class Permute extends Function {
  private final int[] perm;

  /** @param perm result axis i is input axis perm[i] */
  public Permute(int... perm) {
    this.perm = perm.clone();
  }

  @Override
  protected Tensor forward(Tensor... x) {
    return x[0].permute(perm).contiguous();
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i] < 0 ? perm[i] + perm.length : perm[i]] = i;
    }
    return new Tensor[] {gy.permute(inv).contiguous()};
  }
}
