package dev.kairo.functions.recurrent;

import dev.kairo.tensor.ActivationKernels;
import dev.kairo.tensor.Gemm;
import dev.kairo.tensor.Parallel;
import dev.kairo.tensor.Tensor;

/**
 * The Elman RNN forward and backward over a whole sequence, shared by {@link RnnCell} and
 * {@link RnnSequence}: {@code h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)} with act tanh or
 * ReLU, as {@code torch.nn.RNN}. Inputs in order: x, h0, W_ih [H, I], W_hh [H, H], then
 * optionally b_ih, b_hh [H].
 *
 * <p>The pre-activations of all steps start as one GEMM (x·W_ihᵀ plus both biases); each step
 * adds h·W_hhᵀ with one GEMM and applies the nonlinearity in place, so that buffer becomes the
 * output itself: nothing else is stored. Backward: per step
 * {@code dA = (dy + dh)⊙act'(y)} and one GEMM {@code dh = dA·W_hh}; then one GEMM each for
 * dx, dW_ih and dW_hh.
 */
final class RnnKernel {
  private final String op;
  private final boolean sequence;
  private final boolean batchFirst;
  private final boolean relu;
  private Dims d;
  private float[] x;
  private float[] h0;
  private float[] wIh;
  private float[] wHh;
  private float[] y;
  private boolean hasBias;

  RnnKernel(String op, boolean sequence, boolean batchFirst, String nonlinearity) {
    if (!"tanh".equals(nonlinearity) && !"relu".equals(nonlinearity)) {
      throw new IllegalArgumentException(op + ": nonlinearity must be \"tanh\" or \"relu\", got "
          + (nonlinearity == null ? "null" : "\"" + nonlinearity + "\""));
    }
    this.op = op;
    this.sequence = sequence;
    this.batchFirst = batchFirst;
    this.relu = nonlinearity.equals("relu");
  }

  /** The h output: [N, H] for a cell, [N, T, H] or [T, N, H] for a sequence. */
  Tensor forward(Tensor[] in) {
    if (in.length != 4 && in.length != 6) {
      throw new IllegalArgumentException(op + ": expects x, h, weight_ih, weight_hh and "
          + "optionally bias_ih, bias_hh; got " + in.length + " inputs");
    }
    hasBias = in.length == 6;
    d = Dims.check(op, 1, sequence, batchFirst, in[0], in[1], null, in[2], in[3],
        hasBias ? in[4] : null, hasBias ? in[5] : null);
    x = in[0].denseData();
    h0 = in[1].denseData();
    wIh = in[2].denseData();
    wHh = in[3].denseData();
    int h = d.h;
    int rows = d.rows();
    int rs = d.rowStride();
    y = new float[rows * h];
    if (hasBias) {
      Gates.fillRows(y, rows, h, in[4].denseData(), in[5].denseData());
    }
    Gemm.sgemm(false, true, rows, h, d.in, 1f, x, 0, d.in, wIh, 0, d.in, hasBias ? 1f : 0f,
        y, 0, h);
    int grain = Gates.grainRows(h);
    for (int s = 0; s < d.t; s++) {
      float[] hp = s == 0 ? h0 : y;
      int hpOff = s == 0 ? 0 : d.row(0, s - 1) * h;
      int hpLd = s == 0 ? h : rs * h;
      Gemm.sgemm(false, true, d.n, h, h, 1f, hp, hpOff, hpLd, wHh, 0, h, 1f, y,
          d.row(0, s) * h, rs * h);
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        for (int b = lo; b < hi; b++) {
          int o = d.row(b, step) * h;
          if (relu) {
            Gates.relu(y, o, h);
          } else {
            Gates.tanh(y, o, h);
          }
        }
      });
    }
    return Tensor.of(y, d.shape(sequence, h));
  }

  /** Gradients for the inputs in forward's order ({@code null} where not needed). */
  Tensor[] backward(Tensor gyt, boolean[] need, int[][] shapes) {
    float[] gy = gyt.denseData();
    int h = d.h;
    int rows = d.rows();
    int rs = d.rowStride();
    float[] da = new float[rows * h];
    float[] dh = new float[d.n * h];
    float[][] sc = new float[2][d.n * h];
    int grain = Gates.grainRows(4 * h);
    for (int s = d.t - 1; s >= 0; s--) {
      int step = s;
      Parallel.forRange(d.n, grain, (lo, hi) -> {
        d.gather(y, h, 0, step, lo, hi, sc[0]);
        d.gather(gy, h, 0, step, lo, hi, sc[1]);
        float[] yy = sc[0];
        float[] g = sc[1];
        if (relu) {
          for (int k = lo * h; k < hi * h; k++) {
            dh[k] = (g[k] + dh[k]) * ActivationKernels.positiveStep(yy[k]);
          }
        } else {
          for (int k = lo * h; k < hi * h; k++) {
            float v = yy[k];
            dh[k] = (g[k] + dh[k]) * (1f - v * v);
          }
        }
        d.scatter(dh, da, h, 0, step, lo, hi);
      });
      if (s > 0 || need[1]) {
        Gemm.sgemm(false, false, d.n, h, h, 1f, da, d.row(0, s) * h, rs * h, wHh, 0, h, 0f,
            dh, 0, h);
      }
    }
    Tensor[] out = new Tensor[hasBias ? 6 : 4];
    if (need[0]) {
      float[] dx = new float[rows * d.in];
      Gemm.sgemm(false, false, rows, d.in, h, 1f, da, 0, h, wIh, 0, d.in, 0f, dx, 0, d.in);
      out[0] = Tensor.of(dx, shapes[0]);
    }
    out[1] = need[1] ? Tensor.of(dh, shapes[1]) : null;
    boolean wantBias = hasBias && (need[4] || need[5]);
    float[][] p = Gates.paramGrads(d, da, h, x, need[2], h0, y, h, need[3], wantBias);
    out[2] = need[2] ? Tensor.of(p[0], shapes[2]) : null;
    out[3] = need[3] ? Tensor.of(p[1], shapes[3]) : null;
    if (wantBias) {
      out[4] = need[4] ? Tensor.of(p[2].clone(), shapes[4]) : null;
      out[5] = need[5] ? Tensor.of(p[2], shapes[5]) : null;
    }
    return out;
  }
}
