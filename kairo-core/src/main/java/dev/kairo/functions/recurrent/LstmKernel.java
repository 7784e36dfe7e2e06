package dev.kairo.functions.recurrent;

import dev.kairo.tensor.Gemm;
import dev.kairo.tensor.Parallel;
import dev.kairo.tensor.Tensor;

/**
 * The LSTM forward and backward over a whole sequence, shared by {@link LstmCell} (one step)
 * and {@link LstmSequence}. Inputs in order: x, h0, c0, W_ih [4H, I], W_hh [4H, H], then
 * optionally b_ih, b_hh [4H]; gates i, f, g, o as in PyTorch:
 *
 * <pre>
 *   [i f g o] = [σ σ tanh σ](x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)
 *   c' = f⊙c + i⊙g,   h' = o⊙tanh(c')
 * </pre>
 *
 * <p>Forward: one GEMM for x·W_ihᵀ over all N·T rows (biases pre-filled), then per step one
 * GEMM adding h·W_hhᵀ in place into that step's gate rows, and one fused pass that applies the
 * nonlinearities in place and writes (h', c'). The output array [rows, 2H] holds (h_t, c_t)
 * for every step: it is both what the caller slices h and c from and what backward needs, so
 * nothing else is stored but the activated gates. Backward: per step one fused pass to the gate
 * pre-activation gradients dA and one GEMM {@code dh = dA·W_hh}; then one GEMM each for
 * {@code dx = dA·W_ih}, {@code dW_ih = dAᵀ·x} and {@code dW_hh = dAᵀ·h_prev} over all rows.
 */
final class LstmKernel {
  private final String op;
  private final boolean sequence;
  private final boolean batchFirst;
  private Dims d;
  private float[] x;
  private float[] h0;
  private float[] c0;
  private float[] wIh;
  private float[] wHh;
  private float[] gates;
  private float[] y;
  private boolean hasBias;

  LstmKernel(String op, boolean sequence, boolean batchFirst) {
    this.op = op;
    this.sequence = sequence;
    this.batchFirst = batchFirst;
  }

  /** The (h, c) output: [N, 2H] for a cell, [N, T, 2H] or [T, N, 2H] for a sequence. */
  Tensor forward(Tensor[] in) {
    if (in.length != 5 && in.length != 7) {
      throw new IllegalArgumentException(op + ": expects x, h, c, weight_ih, weight_hh and "
          + "optionally bias_ih, bias_hh; got " + in.length + " inputs");
    }
    hasBias = in.length == 7;
    d = Dims.check(op, 4, sequence, batchFirst, in[0], in[1], in[2], in[3], in[4],
        hasBias ? in[5] : null, hasBias ? in[6] : null);
    x = in[0].denseData();
    h0 = in[1].denseData();
    c0 = in[2].denseData();
    wIh = in[3].denseData();
    wHh = in[4].denseData();
    int h = d.h;
    int g4 = 4 * h;
    int rows = d.rows();
    int rs = d.rowStride();
    gates = new float[rows * g4];
    if (hasBias) {
      Gates.fillRows(gates, rows, g4, in[5].denseData(), in[6].denseData());
    }
    Gemm.sgemm(false, true, rows, g4, d.in, 1f, x, 0, d.in, wIh, 0, d.in, hasBias ? 1f : 0f,
        gates, 0, g4);
    y = new float[rows * 2 * h];
    int grain = Gates.grainRows(g4);
    for (int s = 0; s < d.t; s++) {
      if (s == 0) {
        Gemm.sgemm(false, true, d.n, g4, h, 1f, h0, 0, h, wHh, 0, h, 1f, gates, d.row(0, 0) * g4,
            rs * g4);
      } else {
        Gemm.sgemm(false, true, d.n, g4, h, 1f, y, d.row(0, s - 1) * 2 * h, rs * 2 * h, wHh, 0,
            h, 1f, gates, d.row(0, s) * g4, rs * g4);
      }
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int b = lo; b < hi; b++) {
          cellForward(step, b);
        }
      });
    }
    return Tensor.of(y, d.shape(sequence, 2 * h));
  }

  private void cellForward(int s, int b) {
    int h = d.h;
    int r = d.row(b, s);
    int g = r * 4 * h;
    int yo = r * 2 * h;
    float[] cp = s == 0 ? c0 : y;
    int cpo = s == 0 ? b * h : d.row(b, s - 1) * 2 * h + h;
    float[] a = gates;
    Gates.sigmoid(a, g, 2 * h);
    Gates.tanh(a, g + 2 * h, h);
    Gates.sigmoid(a, g + 3 * h, h);
    float[] out = y;
    for (int j = 0; j < h; j++) {
      out[yo + h + j] = a[g + h + j] * cp[cpo + j] + a[g + j] * a[g + 2 * h + j];
    }
    for (int j = 0; j < h; j++) {
      out[yo + j] = a[g + 3 * h + j] * Gates.tanh(out[yo + h + j]);
    }
  }

  /**
   * Gradients for the inputs in forward's order ({@code null} where {@code need} is false),
   * shaped like {@code shapes}.
   */
  Tensor[] backward(Tensor gyt, boolean[] need, int[][] shapes) {
    float[] gy = gyt.denseData();
    int h = d.h;
    int g4 = 4 * h;
    int rows = d.rows();
    int rs = d.rowStride();
    float[] da = new float[rows * g4];
    float[] dh = new float[d.n * h];
    float[] dc = new float[d.n * h];
    int grain = Gates.grainRows(g4);
    for (int s = d.t - 1; s >= 0; s--) {
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int b = lo; b < hi; b++) {
          cellBackward(step, b, gy, da, dh, dc);
        }
      });
      if (s > 0 || need[1]) {
        Gemm.sgemm(false, false, d.n, h, g4, 1f, da, d.row(0, s) * g4, rs * g4, wHh, 0, h, 0f,
            dh, 0, h);
      }
    }
    Tensor[] gx = new Tensor[hasBias ? 7 : 5];
    if (need[0]) {
      float[] dx = new float[rows * d.in];
      Gemm.sgemm(false, false, rows, d.in, g4, 1f, da, 0, g4, wIh, 0, d.in, 0f, dx, 0, d.in);
      gx[0] = Tensor.of(dx, shapes[0]);
    }
    gx[1] = need[1] ? Tensor.of(dh, shapes[1]) : null;
    gx[2] = need[2] ? Tensor.of(dc, shapes[2]) : null;
    if (need[3]) {
      float[] dw = new float[g4 * d.in];
      Gemm.sgemm(true, false, g4, d.in, rows, 1f, da, 0, g4, x, 0, d.in, 0f, dw, 0, d.in);
      gx[3] = Tensor.of(dw, shapes[3]);
    }
    if (need[4]) {
      float[] hp = d.previousStates(h0, y, 2 * h);
      float[] dw = new float[g4 * h];
      Gemm.sgemm(true, false, g4, h, rows, 1f, da, 0, g4, hp, 0, h, 0f, dw, 0, h);
      gx[4] = Tensor.of(dw, shapes[4]);
    }
    if (hasBias && (need[5] || need[6])) {
      float[] db = Gates.columnSums(da, rows, g4);
      gx[5] = need[5] ? Tensor.of(db.clone(), shapes[5]) : null;
      gx[6] = need[6] ? Tensor.of(db, shapes[6]) : null;
    }
    return gx;
  }

  private void cellBackward(int s, int b, float[] gy, float[] da, float[] dh, float[] dc) {
    int h = d.h;
    int r = d.row(b, s);
    int g = r * 4 * h;
    int yo = r * 2 * h;
    int so = b * h;
    float[] cp = s == 0 ? c0 : y;
    int cpo = s == 0 ? b * h : d.row(b, s - 1) * 2 * h + h;
    float[] a = gates;
    float[] out = y;
    for (int j = 0; j < h; j++) {
      float tc = Gates.tanh(out[yo + h + j]);
      float i = a[g + j];
      float f = a[g + h + j];
      float gg = a[g + 2 * h + j];
      float o = a[g + 3 * h + j];
      float dhj = gy[yo + j] + dh[so + j];
      float dcj = gy[yo + h + j] + dc[so + j] + dhj * o * (1f - tc * tc);
      da[g + j] = dcj * gg * i * (1f - i);
      da[g + h + j] = dcj * cp[cpo + j] * f * (1f - f);
      da[g + 2 * h + j] = dcj * i * (1f - gg * gg);
      da[g + 3 * h + j] = dhj * tc * o * (1f - o);
      dc[so + j] = dcj * f;
    }
  }
}
