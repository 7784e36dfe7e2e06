package dev.kairo.tensor;

/**
 * Row-wise helpers on dense row-major arrays that several ops share.
 *
 * <pre>{@code
 * Rows.fill(bias, y, batch, out);               // every row of y[batch, out] is the bias
 * Rows.columnSums(gy, batch, out, new float[out]); // and back: the bias gradient
 * }</pre>
 */
public final class Rows {
  private Rows() {}

  /**
   * Fills each of the {@code rows} rows of {@code dst} ({@code cols} wide, packed) with the
   * first {@code cols} floats of {@code row}: one row, then the filled part copied onto the
   * rest, doubling, so about {@code log2(rows)} copies in all. A copy per row cost seed 003's
   * 200 rows of 2 or 3 floats 200 calls each, about an eighth of its training step.
   */
  public static void fill(float[] row, float[] dst, int rows, int cols) {
    if (rows == 0) {
      return;
    }
    System.arraycopy(row, 0, dst, 0, cols);
    int total = rows * cols;
    for (int filled = cols; filled < total; filled *= 2) {
      System.arraycopy(dst, 0, dst, filled, Math.min(filled, total - filled));
    }
  }

  /**
   * The sum over rows of a dense [rows, cols] array into {@code out} (the first {@code cols}
   * floats; returned), each column summed in double in row order, so the loop shapes below
   * do not change a bit; one row is copied as it is (summing it in double and rounding back
   * gave the same floats, at a quarter of a per-sample step's time in W5b). Wide rows are
   * walked row by row, which vectorises across the columns; one to three columns (seed 003's
   * units) with a local sum each ({@link #narrowColumnSums}); four to fifteen column by
   * column, where a row-by-row inner loop that short was mostly overhead. A bias gradient.
   */
  public static float[] columnSums(float[] g, int rows, int cols, float[] out) {
    if (rows == 1) {
      System.arraycopy(g, 0, out, 0, cols);
      return out;
    }
    if (cols <= 3) {
      return narrowColumnSums(g, rows, cols, out);
    }
    if (cols < 16) {
      for (int j = 0; j < cols; j++) {
        double s = 0;
        for (int p = j; p < rows * cols; p += cols) {
          s += g[p];
        }
        out[j] = (float) s;
      }
      return out;
    }
    double[] acc = new double[cols];
    for (int r = 0; r < rows; r++) {
      int p = r * cols;
      for (int j = 0; j < cols; j++) {
        acc[j] += g[p + j];
      }
    }
    for (int j = 0; j < cols; j++) {
      out[j] = (float) acc[j];
    }
    return out;
  }

  /**
   * {@link #columnSums} for one to three columns, with a running sum per column in a local:
   * the same additions in the same order, but the columns' chains of dependent adds run side
   * by side instead of one after the other (seed 003's 200 rows: a third of the time).
   */
  private static float[] narrowColumnSums(float[] g, int rows, int cols, float[] out) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    int n = rows * cols;
    if (cols == 1) {
      for (int p = 0; p < n; p++) {
        s0 += g[p];
      }
    } else if (cols == 2) {
      // "p + 1 < n", not "p < n" (the same for n a multiple of 2): with the last index in the
      // bound, C2's hoisted range check holds; with "p < n" it failed once and recompiled.
      for (int p = 0; p + 1 < n; p += 2) {
        s0 += g[p];
        s1 += g[p + 1];
      }
    } else {
      for (int p = 0; p + 2 < n; p += 3) {
        s0 += g[p];
        s1 += g[p + 1];
        s2 += g[p + 2];
      }
    }
    out[0] = (float) s0;
    if (cols > 1) {
      out[1] = (float) s1;
    }
    if (cols > 2) {
      out[2] = (float) s2;
    }
    return out;
  }
}
