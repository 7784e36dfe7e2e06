package dev.kairo.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AddKernel} on the Vector API: whole vectors, then the scalar loop for the rest. The
 * JIT does not vectorise {@code dst[i + shift] += src[i]} itself when the two could be one
 * array at different offsets, so col2im's runs (a few hundred floats) went element by element.
 *
 * <p>Loaded only through {@link Simd#add()}; never name it elsewhere.
 */
final class VectorAdd implements AddKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  public void addInto(float[] src, int srcOff, float[] dst, int dstOff, int n) {
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector.fromArray(S, dst, dstOff + i).add(FloatVector.fromArray(S, src, srcOff + i))
          .intoArray(dst, dstOff + i);
    }
    for (; i < n; i++) {
      dst[dstOff + i] += src[srcOff + i];
    }
  }
}
