package dev.kairo.nn;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Weight initialisation (重みの初期値), always from an explicit or the per-thread default
 * generator, so a seeded run is reproducible.
 *
 * <pre>{@code
 * Init.manualSeed(0);                                  // like torch.manual_seed(0)
 * Tensor w = Init.kaimingUniform(Init.generator(), 256, 784);
 * }</pre>
 *
 * <p>Fan-in and fan-out follow PyTorch: for a weight [out, in, k...], fan-in is in·k..., fan-out
 * is out·k....
 */
public final class Init {
  private static final ThreadLocal<SplittableRandom> DEFAULT =
      ThreadLocal.withInitial(() -> new SplittableRandom(0));

  private Init() {}

  /** Reseeds this thread's default generator, which layers use when given none. */
  public static void manualSeed(long seed) {
    DEFAULT.set(new SplittableRandom(seed));
  }

  /** This thread's default generator (seed 0 until {@link #manualSeed} is called). */
  public static SplittableRandom generator() {
    return DEFAULT.get();
  }

  /** Uniform in [low, high). */
  public static Tensor uniform(SplittableRandom rng, double low, double high, int... shape) {
    return Tensor.uniform(low, high, rng, shape);
  }

  /** Normal N(mean, std²). */
  public static Tensor normal(SplittableRandom rng, double mean, double std, int... shape) {
    return Tensor.normal(mean, std, rng, shape);
  }

  /**
   * PyTorch's default for Linear and Conv weights, {@code kaiming_uniform_(a=√5)}:
   * U(−b, b) with {@code b = 1/√fanIn}.
   */
  public static Tensor kaimingUniform(SplittableRandom rng, int... shape) {
    double bound = 1 / Math.sqrt(fanIn(shape));
    return Tensor.uniform(-bound, bound, rng, shape);
  }

  /** He (Kaiming) normal for ReLU networks: N(0, 2/fanIn). */
  public static Tensor heNormal(SplittableRandom rng, int... shape) {
    return Tensor.normal(0, Math.sqrt(2.0 / fanIn(shape)), rng, shape);
  }

  /** LeCun normal, Chainer's default for {@code L.Linear}: N(0, 1/fanIn). */
  public static Tensor lecunNormal(SplittableRandom rng, int... shape) {
    return Tensor.normal(0, Math.sqrt(1.0 / fanIn(shape)), rng, shape);
  }

  /** Xavier/Glorot uniform for tanh and sigmoid networks: U(±√(6/(fanIn+fanOut))). */
  public static Tensor xavierUniform(SplittableRandom rng, int... shape) {
    double bound = Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape)));
    return Tensor.uniform(-bound, bound, rng, shape);
  }

  /** Xavier/Glorot normal: N(0, 2/(fanIn+fanOut)). */
  public static Tensor xavierNormal(SplittableRandom rng, int... shape) {
    return Tensor.normal(0, Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape))), rng, shape);
  }

  /** He (Kaiming) uniform for ReLU networks: U(±√(6/fanIn)). */
  public static Tensor heUniform(SplittableRandom rng, int... shape) {
    double bound = Math.sqrt(6.0 / fanIn(shape));
    return Tensor.uniform(-bound, bound, rng, shape);
  }

  /** All zeros (biases; never all weights of a layer, which would keep its units identical). */
  public static Tensor zeros(int... shape) {
    return Tensor.zeros(shape);
  }

  /**
   * Orthogonal (Saxe et al. 2014), as PyTorch's {@code orthogonal_}: the weight, viewed as
   * [shape[0], rest], has orthonormal rows (or columns, whichever are fewer), times
   * {@code gain}. Drawn as a normal matrix orthonormalised by modified Gram-Schmidt in double
   * precision, which is the Q of its QR decomposition with a positive diagonal in R.
   *
   * <pre>{@code
   * Tensor w = Init.orthogonal(new SplittableRandom(0), 1.0, 128, 128);  // w·wᵀ = I
   * }</pre>
   */
  public static Tensor orthogonal(SplittableRandom rng, double gain, int... shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("orthogonal: needs a shape of rank >= 2, got "
          + Shape.str(shape));
    }
    int rows = shape[0];
    int cols = Shape.numel(shape) / rows;
    int tall = Math.max(rows, cols);
    int narrow = Math.min(rows, cols);
    double[][] q = new double[narrow][tall];    // the narrow side's vectors, each of length tall
    for (double[] v : q) {
      for (int i = 0; i < tall; i++) {
        v[i] = rng.nextGaussian();
      }
    }
    for (int j = 0; j < narrow; j++) {
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (int i = 0; i < tall; i++) {
          dot += q[p][i] * q[j][i];
        }
        for (int i = 0; i < tall; i++) {
          q[j][i] -= dot * q[p][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < tall; i++) {
        norm += q[j][i] * q[j][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < tall; i++) {
        q[j][i] /= norm;
      }
    }
    float[] w = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        w[r * cols + c] = (float) (gain * (rows <= cols ? q[r][c] : q[c][r]));
      }
    }
    return Tensor.of(w, shape);
  }

  /** Fan-in of a weight shape [out, in, k...] (the size of a 1-d shape). */
  public static int fanIn(int... shape) {
    if (shape.length == 0) {
      throw new IllegalArgumentException("fanIn: a 0-d tensor has no fan-in");
    }
    if (shape.length == 1) {
      return shape[0];
    }
    return Shape.numel(shape) / shape[0];
  }

  /** Fan-out of a weight shape [out, in, k...]. */
  public static int fanOut(int... shape) {
    if (shape.length < 2) {
      return shape.length == 0 ? 1 : shape[0];
    }
    return Shape.numel(shape) / shape[1];
  }
}
