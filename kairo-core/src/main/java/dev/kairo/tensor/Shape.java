package dev.kairo.tensor;

import java.util.Arrays;

/**
 * Static helpers for shapes ({@code int[]} dimension lists): element counts, strides,
 * broadcasting and axis checks, each failing with a message that names the operation and
 * the shapes involved.
 *
 * <pre>{@code
 * int[] out = Shape.broadcast("add", new int[] {128, 1}, new int[] {10}); // [128, 10]
 * }</pre>
 */
public final class Shape {
  private Shape() {}

  /** Number of elements of a tensor of this shape (1 for a 0-d scalar). */
  public static int numel(int... shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + str(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "shape " + str(shape) + " has more than 2^31 elements, beyond a Java array");
      }
    }
    return (int) n;
  }

  /** Row-major (C order) strides of a contiguous tensor of this shape. */
  public static int[] contiguousStrides(int... shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= Math.max(shape[i], 1);
    }
    return strides;
  }

  /**
   * The broadcast shape of two shapes, NumPy rules: align on the right, each pair of
   * dimensions must be equal or one of them 1.
   *
   * @throws IllegalArgumentException naming {@code op} and both shapes when they do not broadcast
   */
  public static int[] broadcast(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            op + ": shapes " + str(a) + " and " + str(b) + " do not broadcast (dimension "
                + i + " of the result: " + da + " vs " + db + ")");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** Normalises a possibly negative axis ({@code -1} = last) and checks it is in range. */
  public static int axis(String op, int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " is out of range for a tensor of rank " + rank
              + " (valid: " + (-Math.max(rank, 1)) + " to " + (Math.max(rank, 1) - 1) + ")");
    }
    return a;
  }

  /** Normalises a list of axes, rejecting duplicates. */
  public static int[] axes(String op, int[] axes, int rank) {
    int[] out = new int[axes.length];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      out[i] = axis(op, axes[i], rank);
      if (seen[out[i]]) {
        throw new IllegalArgumentException(op + ": axis " + axes[i] + " repeated in "
            + Arrays.toString(axes));
      }
      seen[out[i]] = true;
    }
    return out;
  }

  /** Whether two shapes are equal. */
  public static boolean same(int[] a, int[] b) {
    return Arrays.equals(a, b);
  }

  /** {@code [2, 3]}-style text of a shape. */
  public static String str(int... shape) {
    return Arrays.toString(shape);
  }

  /**
   * Resolves a reshape target, one dimension of which may be {@code -1} (inferred).
   *
   * @throws IllegalArgumentException when the element counts do not match
   */
  public static int[] resolveReshape(int[] from, int[] to) {
    int n = numelNoCheck(from);
    int[] out = to.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException("reshape: only one dimension may be -1 in " + str(to));
        }
        infer = i;
      } else if (out[i] < 0) {
        throw new IllegalArgumentException("reshape: negative dimension in " + str(to));
      } else {
        known *= out[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || n % known != 0) {
        throw new IllegalArgumentException(
            "reshape: cannot reshape " + str(from) + " (" + n + " elements) into " + str(to));
      }
      out[infer] = (int) (n / known);
    } else if (known != n) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape " + str(from) + " (" + n + " elements) into " + str(to)
              + " (" + known + " elements)");
    }
    return out;
  }

  private static int numelNoCheck(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
