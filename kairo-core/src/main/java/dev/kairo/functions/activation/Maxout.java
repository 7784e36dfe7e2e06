package dev.kairo.functions.activation;

import dev.kairo.autograd.Function;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * Maxout (Goodfellow et al. 2013): splits axis {@code axis} of size C·k into C groups of k
 * consecutive units and keeps the largest of each group, so the output has C units there.
 * Followed by a linear layer with C·k outputs, it learns a piecewise-linear convex activation.
 * The gradient flows to the winning unit of each group (the first on ties).
 */
public final class Maxout extends Function {
  private final int pieces;
  private final int axis;
  private int[] xShape;
  private int[] winner;

  /** @param pieces k, units per group; @param axis the channel axis (1 for [N, C·k]) */
  public Maxout(int pieces, int axis) {
    if (pieces < 1) {
      throw new IllegalArgumentException("maxout: pieces must be >= 1, got " + pieces);
    }
    this.pieces = pieces;
    this.axis = axis;
  }

  @Override
  protected Tensor forward(Tensor... in) {
    Tensor x = in[0].contiguous();
    xShape = x.shape();
    int a = Shape.axis("maxout", axis, xShape.length);
    if (xShape[a] % pieces != 0) {
      throw new IllegalArgumentException("maxout: axis " + axis + " of shape " + Shape.str(xShape)
          + " has " + xShape[a] + " units, not a multiple of pieces=" + pieces);
    }
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= xShape[i];
    }
    int inner = 1;
    for (int i = a + 1; i < xShape.length; i++) {
      inner *= xShape[i];
    }
    int groups = xShape[a] / pieces;
    float[] xd = x.toArray();
    float[] out = new float[outer * groups * inner];
    winner = new int[out.length];
    for (int o = 0; o < outer; o++) {
      for (int g = 0; g < groups; g++) {
        for (int i = 0; i < inner; i++) {
          int base = (o * xShape[a] + g * pieces) * inner + i;
          int best = base;
          for (int p = 1; p < pieces; p++) {
            int at = base + p * inner;
            if (xd[at] > xd[best]) {
              best = at;
            }
          }
          int oi = (o * groups + g) * inner + i;
          out[oi] = xd[best];
          winner[oi] = best;
        }
      }
    }
    int[] outShape = xShape.clone();
    outShape[a] = groups;
    return Tensor.of(out, outShape);
  }

  @Override
  protected Tensor[] backward(Tensor gy) {
    float[] g = gy.toArray();
    float[] gx = new float[Shape.numel(xShape)];
    for (int i = 0; i < g.length; i++) {
      gx[winner[i]] += g[i];
    }
    return new Tensor[] {Tensor.of(gx, xShape)};
  }
}
