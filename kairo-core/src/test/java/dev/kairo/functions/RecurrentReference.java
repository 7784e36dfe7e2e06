package dev.kairo.functions;

import dev.kairo.tensor.Tensor;

/**
 * Plain double-precision LSTM, GRU and Elman RNN, written from PyTorch's documented formulas
 * with nothing shared with Kairo's kernels: the forward reference of {@link RecurrentCases}.
 * Inputs as the fused functions take them (x, h0, [c0,] W_ih, W_hh [, b_ih, b_hh]); x is one
 * step [N, I] or a sequence [N, T, I] / [T, N, I]; outputs laid out as the functions' are.
 *
 * <pre>{@code
 * Tensor y = RecurrentReference.lstm(inputs, true, true);   // [N, T, 2H]: h_t then c_t
 * }</pre>
 */
final class RecurrentReference {
  private RecurrentReference() {}

  /** Kind of cell. */
  enum Kind { LSTM, GRU, RNN_TANH, RNN_RELU }

  static Tensor lstm(Tensor[] in, boolean sequence, boolean batchFirst) {
    return run(Kind.LSTM, in, sequence, batchFirst);
  }

  static Tensor gru(Tensor[] in, boolean sequence, boolean batchFirst) {
    return run(Kind.GRU, in, sequence, batchFirst);
  }

  static Tensor rnn(Tensor[] in, boolean relu, boolean sequence, boolean batchFirst) {
    return run(relu ? Kind.RNN_RELU : Kind.RNN_TANH, in, sequence, batchFirst);
  }

  static Tensor run(Kind kind, Tensor[] in, boolean sequence, boolean batchFirst) {
    boolean lstm = kind == Kind.LSTM;
    int w = lstm ? 5 : 4;
    int gates = lstm ? 4 : kind == Kind.GRU ? 3 : 1;
    Tensor x = in[0];
    int n = sequence && !batchFirst ? x.size(1) : x.size(0);
    int t = sequence ? (batchFirst ? x.size(1) : x.size(0)) : 1;
    int inSize = x.size(-1);
    int h = in[w - 1].size(1);
    double[][] wIh = matrix(in[w - 2]);
    double[][] wHh = matrix(in[w - 1]);
    boolean bias = in.length > w;
    int outW = lstm ? 2 * h : h;
    float[] out = new float[n * t * outW];
    for (int b = 0; b < n; b++) {
      double[] hs = row(in[1], b);
      double[] cs = lstm ? row(in[2], b) : null;
      for (int s = 0; s < t; s++) {
        double[] xt = new double[inSize];
        for (int k = 0; k < inSize; k++) {
          xt[k] = sequence ? (batchFirst ? x.get(b, s, k) : x.get(s, b, k)) : x.get(b, k);
        }
        double[] ax = new double[gates * h];
        double[] ah = new double[gates * h];
        for (int g = 0; g < gates * h; g++) {
          ax[g] = bias ? in[w].get(g) : 0;
          ah[g] = bias ? in[w + 1].get(g) : 0;
          for (int k = 0; k < inSize; k++) {
            ax[g] += wIh[g][k] * xt[k];
          }
          for (int k = 0; k < h; k++) {
            ah[g] += wHh[g][k] * hs[k];
          }
        }
        double[] hn = new double[h];
        for (int j = 0; j < h; j++) {
          switch (kind) {
            case LSTM: {
              double i = sig(ax[j] + ah[j]);
              double f = sig(ax[h + j] + ah[h + j]);
              double g = Math.tanh(ax[2 * h + j] + ah[2 * h + j]);
              double o = sig(ax[3 * h + j] + ah[3 * h + j]);
              cs[j] = f * cs[j] + i * g;
              hn[j] = o * Math.tanh(cs[j]);
              break;
            }
            case GRU: {
              double r = sig(ax[j] + ah[j]);
              double z = sig(ax[h + j] + ah[h + j]);
              double nn = Math.tanh(ax[2 * h + j] + r * ah[2 * h + j]);
              hn[j] = (1 - z) * nn + z * hs[j];
              break;
            }
            case RNN_TANH:
              hn[j] = Math.tanh(ax[j] + ah[j]);
              break;
            default:
              hn[j] = Math.max(0, ax[j] + ah[j]);
          }
        }
        hs = hn;
        int r = sequence && !batchFirst ? s * n + b : b * t + s;
        for (int j = 0; j < h; j++) {
          out[r * outW + j] = (float) hs[j];
          if (lstm) {
            out[r * outW + h + j] = (float) cs[j];
          }
        }
      }
    }
    if (!sequence) {
      return Tensor.of(out, n, outW);
    }
    return batchFirst ? Tensor.of(out, n, t, outW) : Tensor.of(out, t, n, outW);
  }

  private static double sig(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  private static double[][] matrix(Tensor m) {
    double[][] a = new double[m.size(0)][m.size(1)];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        a[i][j] = m.get(i, j);
      }
    }
    return a;
  }

  private static double[] row(Tensor m, int r) {
    double[] a = new double[m.size(1)];
    for (int j = 0; j < a.length; j++) {
      a[j] = m.get(r, j);
    }
    return a;
  }
}
