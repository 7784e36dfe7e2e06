package dev.kairo.functions.recurrent;

import dev.kairo.tensor.Gemm;
import dev.kairo.tensor.Parallel;
import dev.kairo.tensor.Tensor;

/**
 * The GRU forward and backward over a whole sequence, shared by {@link GruCell} and
 * {@link GruSequence}. Inputs in order: x, h0, W_ih [3H, I], W_hh [3H, H], then optionally
 * b_ih, b_hh [3H]; gates r, z, n in PyTorch's order and formulation:
 *
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn))
 *   h' = (1 − z)⊙n + z⊙h
 * </pre>
 *
 * <p>Forward: one GEMM for x·W_ihᵀ + b_ih over all rows; per step one GEMM for
 * h·W_hhᵀ + b_hh into that step's rows of a second buffer (n needs its hidden half apart),
 * then one fused pass. Kept for backward: the activated r, z, n (in place of the input
 * projection), the hidden projection and the output h sequence. Backward: per step one fused
 * pass and one GEMM {@code dh += dA_h·W_hh}; then one GEMM each for dx, dW_ih, dW_hh.
 */
final class GruKernel {
  private final String op;
  private final boolean sequence;
  private final boolean batchFirst;
  private Dims d;
  private float[] x;
  private float[] h0;
  private float[] wIh;
  private float[] wHh;
  private float[] gx;
  private float[] gh;
  private float[] y;
  private boolean hasBias;

  GruKernel(String op, boolean sequence, boolean batchFirst) {
    this.op = op;
    this.sequence = sequence;
    this.batchFirst = batchFirst;
  }

  /** The h output: [N, H] for a cell, [N, T, H] or [T, N, H] for a sequence. */
  Tensor forward(Tensor[] in) {
    if (in.length != 4 && in.length != 6) {
      throw new IllegalArgumentException(op + ": expects x, h, weight_ih, weight_hh and "
          + "optionally bias_ih, bias_hh; got " + in.length + " inputs");
    }
    hasBias = in.length == 6;
    d = Dims.check(op, 3, sequence, batchFirst, in[0], in[1], null, in[2], in[3],
        hasBias ? in[4] : null, hasBias ? in[5] : null);
    x = in[0].denseData();
    h0 = in[1].denseData();
    wIh = in[2].denseData();
    wHh = in[3].denseData();
    int h = d.h;
    int g3 = 3 * h;
    int rows = d.rows();
    int rs = d.rowStride();
    gx = new float[rows * g3];
    gh = new float[rows * g3];
    if (hasBias) {
      Gates.fillRows(gx, rows, g3, in[4].denseData(), null);
      Gates.fillRows(gh, rows, g3, in[5].denseData(), null);
    }
    Gemm.sgemm(false, true, rows, g3, d.in, 1f, x, 0, d.in, wIh, 0, d.in, hasBias ? 1f : 0f,
        gx, 0, g3);
    y = new float[rows * h];
    int grain = Gates.grainRows(g3);
    for (int s = 0; s < d.t; s++) {
      float[] hp = s == 0 ? h0 : y;
      int hpOff = s == 0 ? 0 : d.row(0, s - 1) * h;
      int hpLd = s == 0 ? h : rs * h;
      Gemm.sgemm(false, true, d.n, g3, h, 1f, hp, hpOff, hpLd, wHh, 0, h, hasBias ? 1f : 0f,
          gh, d.row(0, s) * g3, rs * g3);
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int b = lo; b < hi; b++) {
          cellForward(step, b);
        }
      });
    }
    return Tensor.of(y, d.shape(sequence, h));
  }

  private void cellForward(int s, int b) {
    int h = d.h;
    int r = d.row(b, s);
    int g = r * 3 * h;
    int yo = r * h;
    float[] hp = s == 0 ? h0 : y;
    int hpo = s == 0 ? b * h : d.row(b, s - 1) * h;
    float[] a = gx;
    float[] c = gh;
    for (int j = g; j < g + 2 * h; j++) {
      a[j] = Gates.sigmoid(a[j] + c[j]);
    }
    for (int j = 0; j < h; j++) {
      a[g + 2 * h + j] = Gates.tanh(a[g + 2 * h + j] + a[g + j] * c[g + 2 * h + j]);
    }
    float[] out = y;
    for (int j = 0; j < h; j++) {
      float z = a[g + h + j];
      float n = a[g + 2 * h + j];
      out[yo + j] = n + z * (hp[hpo + j] - n);
    }
  }

  /** Gradients for the inputs in forward's order ({@code null} where not needed). */
  Tensor[] backward(Tensor gyt, boolean[] need, int[][] shapes) {
    float[] gy = gyt.denseData();
    int h = d.h;
    int g3 = 3 * h;
    int rows = d.rows();
    int rs = d.rowStride();
    float[] dax = new float[rows * g3];
    float[] dah = new float[rows * g3];
    float[] dh = new float[d.n * h];
    int grain = Gates.grainRows(g3);
    for (int s = d.t - 1; s >= 0; s--) {
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int b = lo; b < hi; b++) {
          cellBackward(step, b, gy, dax, dah, dh);
        }
      });
      if (s > 0 || need[1]) {
        Gemm.sgemm(false, false, d.n, h, g3, 1f, dah, d.row(0, s) * g3, rs * g3, wHh, 0, h, 1f,
            dh, 0, h);
      }
    }
    Tensor[] out = new Tensor[hasBias ? 6 : 4];
    if (need[0]) {
      float[] dx = new float[rows * d.in];
      Gemm.sgemm(false, false, rows, d.in, g3, 1f, dax, 0, g3, wIh, 0, d.in, 0f, dx, 0, d.in);
      out[0] = Tensor.of(dx, shapes[0]);
    }
    out[1] = need[1] ? Tensor.of(dh, shapes[1]) : null;
    if (need[2]) {
      float[] dw = new float[g3 * d.in];
      Gemm.sgemm(true, false, g3, d.in, rows, 1f, dax, 0, g3, x, 0, d.in, 0f, dw, 0, d.in);
      out[2] = Tensor.of(dw, shapes[2]);
    }
    if (need[3]) {
      float[] hp = d.previousStates(h0, y, h);
      float[] dw = new float[g3 * h];
      Gemm.sgemm(true, false, g3, h, rows, 1f, dah, 0, g3, hp, 0, h, 0f, dw, 0, h);
      out[3] = Tensor.of(dw, shapes[3]);
    }
    if (hasBias) {
      out[4] = need[4] ? Tensor.of(Gates.columnSums(dax, rows, g3), shapes[4]) : null;
      out[5] = need[5] ? Tensor.of(Gates.columnSums(dah, rows, g3), shapes[5]) : null;
    }
    return out;
  }

  /**
   * One row of one step: reads dh (arriving from step s + 1) and leaves in it the part of the
   * gradient for h_{s-1} that skips W_hh ({@code dh⊙z}); the caller adds {@code dA_h·W_hh}.
   */
  private void cellBackward(int s, int b, float[] gy, float[] dax, float[] dah, float[] dh) {
    int h = d.h;
    int r = d.row(b, s);
    int g = r * 3 * h;
    int yo = r * h;
    int so = b * h;
    float[] hp = s == 0 ? h0 : y;
    int hpo = s == 0 ? b * h : d.row(b, s - 1) * h;
    float[] a = gx;
    float[] c = gh;
    for (int j = 0; j < h; j++) {
      float rr = a[g + j];
      float z = a[g + h + j];
      float n = a[g + 2 * h + j];
      float dhj = gy[yo + j] + dh[so + j];
      float dan = dhj * (1f - z) * (1f - n * n);
      float dar = dan * c[g + 2 * h + j] * rr * (1f - rr);
      float daz = dhj * (hp[hpo + j] - n) * z * (1f - z);
      dax[g + j] = dar;
      dax[g + h + j] = daz;
      dax[g + 2 * h + j] = dan;
      dah[g + j] = dar;
      dah[g + h + j] = daz;
      dah[g + 2 * h + j] = dan * rr;
      dh[so + j] = dhj * z;
    }
  }
}
