package dev.kairo.tensor;

/**
 * One array run added into another, vectorised: {@link VectorAdd} on the JDK's Vector API,
 * handed out by {@link Simd#add()} when that API is present. An interface, as
 * {@link GemvKernel} is, so that nothing else names a class that links against
 * {@code jdk.incubator.vector}.
 */
interface AddKernel {
  /**
   * {@code dst[dstOff + i] += src[srcOff + i]} for i < n, each a single float addition (the
   * bits of the scalar loop). {@code src} and {@code dst} must be different arrays.
   */
  void addInto(float[] src, int srcOff, float[] dst, int dstOff, int n);
}
