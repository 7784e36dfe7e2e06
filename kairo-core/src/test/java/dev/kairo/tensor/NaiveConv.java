package dev.kairo.tensor;

/**
 * Direct-loop references in double precision for convolution and pooling, written from the
 * definitions (no im2col, no GEMM): the yardstick of the kernel and function tests. Shapes are
 * 2-D ([N, C, H, W]); 1-D callers pass H = 1 with kernel height 1.
 */
public final class NaiveConv {
  private NaiveConv() {}

  /** Settings per axis {h, w}. */
  public record Spec(int[] stride, int[] pad, int[] dil, int groups) {
    public static Spec of(int s, int p, int d, int groups) {
      return new Spec(new int[] {s, s}, new int[] {p, p}, new int[] {d, d}, groups);
    }
  }

  /** y[n, o, oy, ox] = b[o] + Σ x[n, c, oy·s − p + i·d, ox·s − p + j·d] · w[o, c', i, j]. */
  public static double[] conv(double[] x, int[] xs, double[] w, int[] ws, double[] b, Spec sp,
      int[] outHw) {
    int n = xs[0];
    int c = xs[1];
    int h = xs[2];
    int wd = xs[3];
    int o = ws[0];
    int cg = ws[1];
    int kh = ws[2];
    int kw = ws[3];
    int og = o / sp.groups();
    int oh = (h + 2 * sp.pad()[0] - sp.dil()[0] * (kh - 1) - 1) / sp.stride()[0] + 1;
    int ow = (wd + 2 * sp.pad()[1] - sp.dil()[1] * (kw - 1) - 1) / sp.stride()[1] + 1;
    outHw[0] = oh;
    outHw[1] = ow;
    double[] y = new double[n * o * oh * ow];
    for (int in = 0; in < n; in++) {
      for (int oc = 0; oc < o; oc++) {
        int grp = oc / og;
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            double s = b == null ? 0 : b[oc];
            for (int cl = 0; cl < cg; cl++) {
              int ci = grp * cg + cl;
              for (int i = 0; i < kh; i++) {
                int iy = oy * sp.stride()[0] - sp.pad()[0] + i * sp.dil()[0];
                for (int j = 0; j < kw; j++) {
                  int ix = ox * sp.stride()[1] - sp.pad()[1] + j * sp.dil()[1];
                  if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                    s += x[((in * c + ci) * h + iy) * wd + ix] * w[((oc * cg + cl) * kh + i) * kw + j];
                  }
                }
              }
            }
            y[((in * o + oc) * oh + oy) * ow + ox] = s;
          }
        }
      }
    }
    return y;
  }

  /**
   * The gradients of {@link #conv} for output gradient gy, by the chain rule on each
   * multiply-add of the definition: gx += gy·w and gw += gy·x at every tap.
   */
  public static void convBackward(double[] x, int[] xs, double[] w, int[] ws, double[] gy,
      Spec sp, double[] gx, double[] gw) {
    int n = xs[0];
    int c = xs[1];
    int h = xs[2];
    int wd = xs[3];
    int o = ws[0];
    int cg = ws[1];
    int kh = ws[2];
    int kw = ws[3];
    int og = o / sp.groups();
    int oh = (h + 2 * sp.pad()[0] - sp.dil()[0] * (kh - 1) - 1) / sp.stride()[0] + 1;
    int ow = (wd + 2 * sp.pad()[1] - sp.dil()[1] * (kw - 1) - 1) / sp.stride()[1] + 1;
    for (int in = 0; in < n; in++) {
      for (int oc = 0; oc < o; oc++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            double g = gy[((in * o + oc) * oh + oy) * ow + ox];
            for (int cl = 0; cl < cg; cl++) {
              int ci = oc / og * cg + cl;
              for (int i = 0; i < kh; i++) {
                int iy = oy * sp.stride()[0] - sp.pad()[0] + i * sp.dil()[0];
                for (int j = 0; j < kw; j++) {
                  int ix = ox * sp.stride()[1] - sp.pad()[1] + j * sp.dil()[1];
                  if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                    int xi = ((in * c + ci) * h + iy) * wd + ix;
                    int wi = ((oc * cg + cl) * kh + i) * kw + j;
                    gx[xi] += g * w[wi];
                    gw[wi] += g * x[xi];
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Transposed convolution by scattering: each x[n, c, iy, ix] adds x · w[c, o', i, j] to
   * y[n, o, iy·s − p + i·d, ix·s − p + j·d]; w is [C, O/groups, kH, kW].
   */
  public static double[] convTranspose(double[] x, int[] xs, double[] w, int[] ws, double[] b,
      Spec sp, int[] outPad, int[] outHw) {
    int n = xs[0];
    int c = xs[1];
    int h = xs[2];
    int wd = xs[3];
    int og = ws[1];
    int kh = ws[2];
    int kw = ws[3];
    int cg = c / sp.groups();
    int o = og * sp.groups();
    int oh = (h - 1) * sp.stride()[0] - 2 * sp.pad()[0] + sp.dil()[0] * (kh - 1) + outPad[0] + 1;
    int ow = (wd - 1) * sp.stride()[1] - 2 * sp.pad()[1] + sp.dil()[1] * (kw - 1) + outPad[1] + 1;
    outHw[0] = oh;
    outHw[1] = ow;
    double[] y = new double[n * o * oh * ow];
    for (int in = 0; in < n; in++) {
      for (int oc = 0; oc < o; oc++) {
        for (int p = 0; p < oh * ow; p++) {
          y[(in * o + oc) * oh * ow + p] = b == null ? 0 : b[oc];
        }
      }
      for (int ci = 0; ci < c; ci++) {
        int grp = ci / cg;
        for (int iy = 0; iy < h; iy++) {
          for (int ix = 0; ix < wd; ix++) {
            double v = x[((in * c + ci) * h + iy) * wd + ix];
            for (int ol = 0; ol < og; ol++) {
              int oc = grp * og + ol;
              for (int i = 0; i < kh; i++) {
                int oy = iy * sp.stride()[0] - sp.pad()[0] + i * sp.dil()[0];
                for (int j = 0; j < kw; j++) {
                  int ox = ix * sp.stride()[1] - sp.pad()[1] + j * sp.dil()[1];
                  if (oy >= 0 && oy < oh && ox >= 0 && ox < ow) {
                    y[((in * o + oc) * oh + oy) * ow + ox] += v * w[((ci * og + ol) * kh + i) * kw + j];
                  }
                }
              }
            }
          }
        }
      }
    }
    return y;
  }

  /** Max (max = true) or average pooling of [planes, h, w]; average divides as PyTorch. */
  public static double[] pool(double[] x, int planes, int h, int wd, int[] k, Spec sp,
      boolean max, boolean countIncludePad, int[] outHw) {
    int oh = (h + 2 * sp.pad()[0] - sp.dil()[0] * (k[0] - 1) - 1) / sp.stride()[0] + 1;
    int ow = (wd + 2 * sp.pad()[1] - sp.dil()[1] * (k[1] - 1) - 1) / sp.stride()[1] + 1;
    outHw[0] = oh;
    outHw[1] = ow;
    double[] y = new double[planes * oh * ow];
    for (int p = 0; p < planes; p++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          double m = Double.NEGATIVE_INFINITY;
          double s = 0;
          int real = 0;
          int padded = 0;
          for (int i = 0; i < k[0]; i++) {
            int iy = oy * sp.stride()[0] - sp.pad()[0] + i * sp.dil()[0];
            for (int j = 0; j < k[1]; j++) {
              int ix = ox * sp.stride()[1] - sp.pad()[1] + j * sp.dil()[1];
              if (iy < h + sp.pad()[0] && ix < wd + sp.pad()[1]) {
                padded++;
              }
              if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                double v = x[(p * h + iy) * wd + ix];
                m = Math.max(m, v);
                s += v;
                real++;
              }
            }
          }
          y[(p * oh + oy) * ow + ox] = max ? m : s / (countIncludePad ? padded : real);
        }
      }
    }
    return y;
  }

  /** Float array to double. */
  public static double[] d(float[] f) {
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i];
    }
    return out;
  }

  /** Double array to float. */
  public static float[] f(double[] d) {
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (float) d[i];
    }
    return out;
  }
}
