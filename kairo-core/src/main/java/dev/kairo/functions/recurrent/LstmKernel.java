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
 * GEMM adding h·W_hhᵀ in place into that step's gate rows, and one pass for the gates. The
 * output array [rows, 2H] holds (h_t, c_t) for every step: it is both what the caller slices
 * h and c from and what backward needs, so nothing else is stored but the activated gates.
 * Backward: per step one pass to the gate pre-activation gradients dA and one GEMM
 * {@code dh = dA·W_hh}; then one GEMM each for {@code dx = dA·W_ih}, {@code dW_ih = dAᵀ·x}
 * and {@code dW_hh = dAᵀ·h_prev} over all rows, the last two (with the bias gradient) as one
 * product (see {@link Gates#paramGrads}).
 *
 * <p>The gate passes gather the step's rows into dense [N, H] scratch blocks per gate, run
 * short loops that HotSpot 17 turns into SIMD code, and scatter back (see {@link Dims#gather}
 * for why): on W4's shape this made the passes about three times faster than one loop over
 * the rows in place. Scratch is allocated once per call, never per step.
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
    float[] hs = h0.clone();
    float[] cs = c0.clone();
    float[][] sc = new float[4][d.n * h];
    int grain = Gates.grainRows(g4);
    for (int s = 0; s < d.t; s++) {
      Gemm.sgemm(false, true, d.n, g4, h, 1f, hs, 0, h, wHh, 0, h, 1f, gates, d.row(0, s) * g4,
          rs * g4);
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int k = 0; k < 4; k++) {
          d.gather(gates, g4, k * h, step, lo, hi, sc[k]);
        }
        cellForward(sc[0], sc[1], sc[2], sc[3], cs, hs, lo * h, hi * h);
        for (int k = 0; k < 4; k++) {
          d.scatter(sc[k], gates, g4, k * h, step, lo, hi);
        }
        d.scatter(hs, y, 2 * h, 0, step, lo, hi);
        d.scatter(cs, y, 2 * h, h, step, lo, hi);
      });
    }
    return Tensor.of(y, d.shape(sequence, 2 * h));
  }

  /**
   * One step over elements [from, to) of the gathered gate pre-activations (left activated in
   * place) and the running states c and h (updated in place). Short loops, each over a few
   * arrays at the same index: HotSpot 17 vectorises these and not one long fused loop.
   */
  private static void cellForward(float[] i, float[] f, float[] g, float[] o, float[] c,
      float[] h, int from, int to) {
    int n = to - from;
    Gates.sigmoid(i, from, n);
    Gates.sigmoid(f, from, n);
    Gates.tanh(g, from, n);
    Gates.sigmoid(o, from, n);
    for (int k = from; k < to; k++) {
      c[k] = f[k] * c[k] + i[k] * g[k];
    }
    for (int k = from; k < to; k++) {
      h[k] = Gates.tanh(c[k]);
    }
    for (int k = from; k < to; k++) {
      h[k] *= o[k];
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
    float[][] sc = new float[8][d.n * h];
    int grain = Gates.grainRows(g4);
    for (int s = d.t - 1; s >= 0; s--) {
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int k = 0; k < 4; k++) {
          d.gather(gates, g4, k * h, step, lo, hi, sc[k]);
        }
        d.gather(y, 2 * h, h, step, lo, hi, sc[4]);
        if (step == 0) {
          System.arraycopy(c0, lo * h, sc[5], lo * h, (hi - lo) * h);
        } else {
          d.gather(y, 2 * h, h, step - 1, lo, hi, sc[5]);
        }
        d.gather(gy, 2 * h, 0, step, lo, hi, sc[6]);
        d.gather(gy, 2 * h, h, step, lo, hi, sc[7]);
        cellBackward(sc, dh, dc, lo * h, hi * h);
        for (int k = 0; k < 4; k++) {
          d.scatter(sc[k], da, g4, k * h, step, lo, hi);
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
    boolean wantBias = hasBias && (need[5] || need[6]);
    float[][] p = Gates.paramGrads(d, da, g4, x, need[3], h0, y, 2 * h, need[4], wantBias);
    gx[3] = need[3] ? Tensor.of(p[0], shapes[3]) : null;
    gx[4] = need[4] ? Tensor.of(p[1], shapes[4]) : null;
    if (wantBias) {
      gx[5] = need[5] ? Tensor.of(p[2].clone(), shapes[5]) : null;
      gx[6] = need[6] ? Tensor.of(p[2], shapes[6]) : null;
    }
    return gx;
  }

  /**
   * One step over elements [from, to): {@code sc} holds the gathered activated gates i, f, g, o
   * (overwritten with their pre-activation gradients), c_t, c_{t-1} and the incoming gradients
   * of h_t and c_t; dh and dc carry the recurrent gradients (dc updated in place to c_{t-1}'s).
   */
  private static void cellBackward(float[][] sc, float[] dh, float[] dc, int from, int to) {
    float[] i = sc[0];
    float[] f = sc[1];
    float[] g = sc[2];
    float[] o = sc[3];
    float[] tc = sc[4];
    float[] cp = sc[5];
    float[] gh = sc[6];
    float[] gc = sc[7];
    Gates.tanh(tc, from, to - from);
    for (int k = from; k < to; k++) {
      gh[k] += dh[k];
    }
    for (int k = from; k < to; k++) {
      float t = tc[k];
      float oo = o[k];
      gc[k] = gc[k] + dc[k] + gh[k] * oo * (1f - t * t);
      o[k] = gh[k] * t * oo * (1f - oo);
    }
    for (int k = from; k < to; k++) {
      float ii = i[k];
      float gg = g[k];
      i[k] = gc[k] * gg * ii * (1f - ii);
      g[k] = gc[k] * ii * (1f - gg * gg);
    }
    for (int k = from; k < to; k++) {
      float ff = f[k];
      f[k] = gc[k] * cp[k] * ff * (1f - ff);
      dc[k] = gc[k] * ff;
    }
  }
}
