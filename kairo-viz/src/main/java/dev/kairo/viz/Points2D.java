package dev.kairo.viz;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/** Plane points gathered from the forms callers hold them in, checked once, as two arrays. */
record Points2D(double[] x, double[] y) {

  int size() {
    return x.length;
  }

  static Points2D of(String who, float[][] xy) {
    if (xy == null) {
      throw new IllegalArgumentException(who + ": points are required");
    }
    double[] x = new double[xy.length];
    double[] y = new double[xy.length];
    for (int i = 0; i < xy.length; i++) {
      if (xy[i] == null || xy[i].length != 2) {
        throw new IllegalArgumentException(
            who + ": point " + i + " has " + (xy[i] == null ? "no" : xy[i].length)
                + " coordinates; expected 2 (x, y)");
      }
      x[i] = xy[i][0];
      y[i] = xy[i][1];
    }
    return checked(who, x, y);
  }

  static Points2D of(String who, Tensor xy) {
    if (xy == null) {
      throw new IllegalArgumentException(who + ": points are required");
    }
    if (xy.rank() != 2 || xy.size(1) != 2) {
      throw new IllegalArgumentException(
          who + ": points must have shape [N, 2], got " + Shape.str(xy.shape()));
    }
    float[] d = xy.toArray();
    int n = xy.size(0);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d[2 * i];
      y[i] = d[2 * i + 1];
    }
    return checked(who, x, y);
  }

  static Points2D of(String who, double[] x, double[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException(who + ": x and y are required");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          who + ": x has " + x.length + " values but y has " + y.length);
    }
    return checked(who, x.clone(), y.clone());
  }

  private static Points2D checked(String who, double[] x, double[] y) {
    if (x.length == 0) {
      throw new IllegalArgumentException(who + ": no points");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            who + ": point " + i + " is (" + x[i] + ", " + y[i] + "); coordinates must be finite");
      }
    }
    return new Points2D(x, y);
  }

  /** {xmin, xmax, ymin, ymax}. */
  double[] bounds() {
    double[] b = {x[0], x[0], y[0], y[0]};
    for (int i = 1; i < x.length; i++) {
      b[0] = Math.min(b[0], x[i]);
      b[1] = Math.max(b[1], x[i]);
      b[2] = Math.min(b[2], y[i]);
      b[3] = Math.max(b[3], y[i]);
    }
    return b;
  }
}
