package dev.kairo.data;

/**
 * NumPy's legacy {@code numpy.random.RandomState} (MT19937), re-implemented so that Java code
 * draws exactly the numbers a Python recipe draws from {@code RandomState(seed)} or
 * {@code np.random.seed(seed)}. Kairo uses it where results must match a peer bit for bit
 * ({@code make_moons} and the other scikit-learn generators); anywhere else a
 * {@link java.util.SplittableRandom} is the better generator.
 *
 * <pre>{@code
 * NumpyRandomState rs = new NumpyRandomState(0);
 * double u = rs.randomSample();        // == np.random.RandomState(0).random_sample()
 * double g = rs.standardNormal();      // the next value of the same stream
 * int[] p = rs.permutation(10);        // == rs.permutation(10) in NumPy
 * }</pre>
 *
 * <p>Only the legacy algorithms are reproduced (NumPy keeps them frozen for exactly this
 * reason): 53-bit doubles from two 32-bit words, polar Box-Muller normals with the cached
 * second value, and Fisher-Yates shuffles with masked rejection sampling. Not thread-safe:
 * a stream of numbers is inherently sequential.
 */
public final class NumpyRandomState {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int pos;
  private boolean hasGauss;
  private double gauss;

  /**
   * Seeds like {@code RandomState(seed)} with an integer seed (MT19937 {@code init_genrand}).
   *
   * @throws IllegalArgumentException when the seed lies outside {@code [0, 2^32 - 1]}, which
   *     NumPy rejects as well
   */
  public NumpyRandomState(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException(
          "NumpyRandomState: seed must be between 0 and 2^32 - 1 (as in NumPy), got " + seed);
    }
    int s = (int) seed;
    for (int i = 0; i < N; i++) {
      mt[i] = s;
      // Java's int arithmetic wraps modulo 2^32, exactly like the uint32_t of the C original.
      s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
    }
    pos = N;
  }

  /** The next raw 32-bit output of MT19937, as an unsigned value in a long. */
  public long nextUint32() {
    return nextInt() & 0xffffffffL;
  }

  private int nextInt() {
    if (pos == N) {
      generate();
    }
    int y = mt[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void generate() {
    int i = 0;
    for (; i < N - M; i++) {
      int y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
      mt[i] = mt[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      int y = (mt[i] & UPPER_MASK) | (mt[i + 1] & LOWER_MASK);
      mt[i] = mt[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    pos = 0;
  }

  /** A double in {@code [0, 1)} with 53 random bits: NumPy's {@code random_sample()}. */
  public double randomSample() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** {@code low + (high - low) * randomSample()}: NumPy's {@code uniform(low, high)}. */
  public double uniform(double low, double high) {
    return low + (high - low) * randomSample();
  }

  /**
   * A standard normal value by the legacy polar Box-Muller method; each accepted pair gives
   * two values, the second cached for the next call (NumPy's {@code gauss}/{@code has_gauss}).
   */
  public double standardNormal() {
    if (hasGauss) {
      hasGauss = false;
      return gauss;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * randomSample() - 1.0;
      x2 = 2.0 * randomSample() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    // StrictMath: the fdlibm log is reproducible on every JVM, like the C library's log.
    double f = Math.sqrt(-2.0 * StrictMath.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /** {@code loc + scale * standardNormal()}: NumPy's {@code normal(loc, scale)}. */
  public double normal(double loc, double scale) {
    return loc + scale * standardNormal();
  }

  /** {@code n} values of {@link #normal(double, double)}, in order. */
  public double[] normal(double loc, double scale, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = normal(loc, scale);
    }
    return out;
  }

  /**
   * A uniform integer in {@code [0, max]} by masked rejection sampling: NumPy's
   * {@code random_interval}, the primitive behind legacy {@code shuffle} and
   * {@code permutation}.
   */
  public long randomInterval(long max) {
    if (max < 0) {
      throw new IllegalArgumentException("randomInterval: max must be >= 0, got " + max);
    }
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask |= mask >>> 32;
    long value;
    if (max <= 0xffffffffL) {
      while ((value = nextUint32() & mask) > max) {
        // rejected: draw again, as NumPy does
      }
    } else {
      while ((value = ((nextUint32() << 32) | nextUint32()) & mask) > max) {
        // rejected: draw again
      }
    }
    return value;
  }

  /** A uniform integer in {@code [low, high)}, drawn like NumPy's legacy {@code randint}. */
  public long randint(long low, long high) {
    if (high <= low) {
      throw new IllegalArgumentException("randint: need low < high, got [" + low + ", " + high + ")");
    }
    return low + randomInterval(high - low - 1);
  }

  /** Shuffles {@code values} in place exactly as legacy {@code RandomState.shuffle} does a 1-d array. */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = (int) randomInterval(i);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** {@code [0, n)} in the order legacy {@code RandomState.permutation(n)} returns. */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p);
    return p;
  }
}
