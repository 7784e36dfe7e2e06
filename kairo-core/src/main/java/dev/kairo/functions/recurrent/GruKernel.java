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
 * then one gate pass. Kept for backward: the activated r, z, n (in place of the input
 * projection), the hidden projection and the output h sequence. Backward: per step one pass
 * and one GEMM {@code dh += dA_h·W_hh}; then one GEMM each for dx, dW_ih (with b_ih's
 * gradient) and dW_hh (with b_hh's). Gate passes run on gathered scratch blocks, as in
 * {@link LstmKernel}.
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
    float[] hs = h0.clone();
    float[][] sc = new float[6][d.n * h];
    int grain = Gates.grainRows(g3);
    for (int s = 0; s < d.t; s++) {
      Gemm.sgemm(false, true, d.n, g3, h, 1f, hs, 0, h, wHh, 0, h, hasBias ? 1f : 0f, gh,
          d.row(0, s) * g3, rs * g3);
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int k = 0; k < 3; k++) {
          d.gather(gx, g3, k * h, step, lo, hi, sc[k]);
          d.gather(gh, g3, k * h, step, lo, hi, sc[3 + k]);
        }
        cellForward(sc, hs, lo * h, hi * h);
        for (int k = 0; k < 3; k++) {
          d.scatter(sc[k], gx, g3, k * h, step, lo, hi);
        }
        d.scatter(hs, y, h, 0, step, lo, hi);
      });
    }
    return Tensor.of(y, d.shape(sequence, h));
  }

  /**
   * One step over elements [from, to): {@code sc} holds the gathered input projections of
   * r, z, n (left as the activated r, z, n) and the hidden projections; h is the running state,
   * updated in place. Short loops over a few arrays at one index, which HotSpot 17 vectorises.
   */
  private static void cellForward(float[][] sc, float[] h, int from, int to) {
    float[] r = sc[0];
    float[] z = sc[1];
    float[] n = sc[2];
    float[] hr = sc[3];
    float[] hz = sc[4];
    float[] hn = sc[5];
    for (int k = from; k < to; k++) {
      r[k] = Gates.sigmoid(r[k] + hr[k]);
    }
    for (int k = from; k < to; k++) {
      z[k] = Gates.sigmoid(z[k] + hz[k]);
    }
    for (int k = from; k < to; k++) {
      n[k] = Gates.tanh(n[k] + r[k] * hn[k]);
    }
    for (int k = from; k < to; k++) {
      h[k] = n[k] + z[k] * (h[k] - n[k]);
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
    float[][] sc = new float[6][d.n * h];
    int grain = Gates.grainRows(g3);
    for (int s = d.t - 1; s >= 0; s--) {
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int k = 0; k < 3; k++) {
          d.gather(gx, g3, k * h, step, lo, hi, sc[k]);
        }
        d.gather(gh, g3, 2 * h, step, lo, hi, sc[3]);
        if (step == 0) {
          System.arraycopy(h0, lo * h, sc[4], lo * h, (hi - lo) * h);
        } else {
          d.gather(y, h, 0, step - 1, lo, hi, sc[4]);
        }
        d.gather(gy, h, 0, step, lo, hi, sc[5]);
        cellBackward(sc, dh, lo * h, hi * h);
        d.scatter(sc[3], dax, g3, 0, step, lo, hi);
        d.scatter(sc[4], dax, g3, h, step, lo, hi);
        d.scatter(sc[2], dax, g3, 2 * h, step, lo, hi);
        d.scatter(sc[3], dah, g3, 0, step, lo, hi);
        d.scatter(sc[4], dah, g3, h, step, lo, hi);
        d.scatter(sc[0], dah, g3, 2 * h, step, lo, hi);
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
    // dA differs between the input and hidden sides (n's hidden half is scaled by r): two
    // products, [x | 1] against dA_x and [h_prev | 1] against dA_h.
    float[][] px = Gates.paramGrads(d, dax, g3, x, need[2], null, null, 0, false,
        hasBias && need[4]);
    float[][] ph = Gates.paramGrads(d, dah, g3, null, false, h0, y, h, need[3],
        hasBias && need[5]);
    out[2] = need[2] ? Tensor.of(px[0], shapes[2]) : null;
    out[3] = need[3] ? Tensor.of(ph[1], shapes[3]) : null;
    if (hasBias) {
      out[4] = need[4] ? Tensor.of(px[2], shapes[4]) : null;
      out[5] = need[5] ? Tensor.of(ph[2], shapes[5]) : null;
    }
    return out;
  }

  /**
   * One step over elements [from, to). In: {@code sc} = r, z, n, the hidden projection of n,
   * h_{t-1} and the incoming gradient of h_t; dh = the gradient arriving from step t + 1.
   * Out: sc[3] = dA_r, sc[4] = dA_z, sc[2] = dA_n (input side), sc[0] = r⊙dA_n (hidden side
   * of n), and dh = the part of h_{t-1}'s gradient that skips W_hh (dh⊙z); the caller adds
   * {@code dA_h·W_hh}. Loops ordered so each reads values before they are overwritten.
   */
  private static void cellBackward(float[][] sc, float[] dh, int from, int to) {
    float[] r = sc[0];
    float[] z = sc[1];
    float[] n = sc[2];
    float[] hn = sc[3];
    float[] hp = sc[4];
    float[] gy = sc[5];
    for (int k = from; k < to; k++) {
      dh[k] += gy[k];
    }
    for (int k = from; k < to; k++) {
      float zz = z[k];
      hp[k] = dh[k] * (hp[k] - n[k]) * zz * (1f - zz);
    }
    for (int k = from; k < to; k++) {
      float nn = n[k];
      n[k] = dh[k] * (1f - z[k]) * (1f - nn * nn);
    }
    for (int k = from; k < to; k++) {
      float rr = r[k];
      hn[k] = n[k] * hn[k] * rr * (1f - rr);
    }
    for (int k = from; k < to; k++) {
      r[k] *= n[k];
    }
    for (int k = from; k < to; k++) {
      dh[k] *= z[k];
    }
  }
}
