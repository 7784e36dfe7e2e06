package dev.kairo.tensor;

/**
 * The softmax of rows of two logits, vectorised: {@link VectorPairSoftmax} on the JDK's Vector
 * API, handed out by {@link Simd#pairSoftmax()} when that API is present. An interface, as
 * {@link GemvKernel} is, so that nothing else names a class that links against
 * {@code jdk.incubator.vector}.
 */
interface PairSoftmaxKernel {
  /**
   * Rows {@code lo} onward of {@code x} [rows, 2], in blocks of {@link #rowsPerBlock()}: the
   * probabilities into {@code probs}, each row's log-sum-exp into {@code lse}, the same bits as
   * {@code ActivationKernels}' scalar loop. Stops before the first block that holds an
   * infinite or NaN logit, or that would run past {@code hi}, and returns that row: the caller
   * does the rows from there on.
   */
  int softmaxPairs(float[] x, float[] probs, double[] lse, int lo, int hi);

  /** The rows one vector holds. */
  int rowsPerBlock();
}
