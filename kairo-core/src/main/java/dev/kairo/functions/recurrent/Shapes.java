package dev.kairo.functions.recurrent;

import dev.kairo.tensor.Tensor;
import java.util.function.IntPredicate;

/** Small helpers the recurrent functions share: input shapes and which gradients are wanted. */
final class Shapes {
  private Shapes() {}

  static int[][] of(Tensor[] in) {
    int[][] s = new int[in.length][];
    for (int i = 0; i < in.length; i++) {
      s[i] = in[i].shape();
    }
    return s;
  }

  static boolean[] needs(IntPredicate needsInputGrad, int n) {
    boolean[] need = new boolean[n];
    for (int i = 0; i < n; i++) {
      need[i] = needsInputGrad.test(i);
    }
    return need;
  }
}
