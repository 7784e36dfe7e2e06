package dev.kairo.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 2-class softmax of {@code ActivationKernels} (seed 003's output, W5a), a vector of rows
 * at a time: {@link FloatMath}'s {@code exp} and {@code log}, step for step, on every lane.
 * Scalar, each row is one long chain of dependent multiply-adds (exp, a division, log), and
 * the processor overlaps only a few rows: about 7.5 ns a row, a third of seed 003's compiled
 * training step. Here a 16-float vector holds 8 rows.
 *
 * <p>Each row {@code (a, b)} sits in two neighbouring lanes; swapping neighbours gives every
 * lane its partner, so both lanes compute {@code e = exp(−|a − b|)}, {@code 1 / (1 + e)} and
 * {@code log(1 + e)} (the same values: {@code |a − b| = |b − a|} exactly), and the larger
 * logit's lane keeps {@code 1 / (1 + e)}, the other {@code e / (1 + e)}. These are the scalar
 * loop's operations in its order, each rounded once, so the bits are the same; the tests
 * compare them with the general softmax.
 *
 * <p>Loaded only through {@link Simd#pairSoftmax()}; never name it elsewhere.
 */
final class VectorPairSoftmax implements PairSoftmaxKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = S.withLanes(int.class).check(int.class);
  private static final int L = S.length();
  private static final VectorShuffle<Float> PARTNER = VectorShuffle.fromOp(S, i -> i ^ 1);

  private static final FloatVector LN2_HI_V = FloatVector.broadcast(S, FloatMath.LN2_HI);
  private static final FloatVector LN2_LO_V = FloatVector.broadcast(S, FloatMath.LN2_LO);

  @Override
  public int rowsPerBlock() {
    return L / 2;
  }

  @Override
  public int softmaxPairs(float[] x, float[] probs, double[] lse, int lo, int hi) {
    float[] m = new float[L];
    float[] logs = new float[L];
    int r = lo;
    for (; r + L / 2 <= hi; r += L / 2) {
      int p = 2 * r;
      FloatVector v = FloatVector.fromArray(S, x, p);
      FloatVector w = v.rearrange(PARTNER);
      FloatVector max = v.max(w);
      if (!max.abs().compare(VectorOperators.LT, Float.POSITIVE_INFINITY).allTrue()) {
        break; // an infinite or NaN logit: the scalar loop's general arithmetic
      }
      FloatVector e = exp(v.sub(w).abs().neg());
      FloatVector sum = e.add(1f);
      FloatVector inv = FloatVector.broadcast(S, 1f).div(sum);
      // The larger logit's lane keeps 1·inv = inv; on a tie both e are e^0 = 1, so both lanes
      // hold inv whichever way the comparison goes.
      FloatVector prob = e.mul(inv).blend(inv, v.compare(VectorOperators.GE, w));
      prob.intoArray(probs, p);
      max.intoArray(m, 0);
      log(sum).intoArray(logs, 0);
      for (int k = 0; k < L / 2; k++) {
        lse[r + k] = m[2 * k] + (double) logs[2 * k];
      }
    }
    return r;
  }

  /** {@link FloatMath#exp} on every lane (x finite and at most 0 here, but kept general). */
  private static FloatVector exp(FloatVector x) {
    FloatVector v = x.max(FloatMath.EXP_MIN).min(FloatMath.EXP_MAX);
    FloatVector t = v.fma(FloatMath.LOG2E, FloatMath.ROUNDER);
    IntVector k = ((IntVector) t.viewAsIntegralLanes()).sub(FloatMath.ROUNDER_BITS);
    FloatVector n = t.sub(FloatMath.ROUNDER);
    FloatVector nNeg = n.neg();
    FloatVector r = nNeg.fma(LN2_LO_V, nNeg.fma(LN2_HI_V, v));
    FloatVector p = FloatVector.broadcast(S, 1f / 5040);
    p = p.fma(r, FloatVector.broadcast(S, 1f / 720));
    p = p.fma(r, FloatVector.broadcast(S, 1f / 120));
    p = p.fma(r, FloatVector.broadcast(S, 1f / 24));
    p = p.fma(r, FloatVector.broadcast(S, 1f / 6));
    p = p.fma(r, FloatVector.broadcast(S, 0.5f));
    p = p.fma(r, FloatVector.broadcast(S, 1f));
    p = p.fma(r, FloatVector.broadcast(S, 1f));
    IntVector half = k.lanewise(VectorOperators.ASHR, 1);
    FloatVector scaleLo = (FloatVector) half.add(127).lanewise(VectorOperators.LSHL, 23)
        .viewAsFloatingLanes();
    FloatVector scaleHi = (FloatVector) k.sub(half).add(127).lanewise(VectorOperators.LSHL, 23)
        .viewAsFloatingLanes();
    FloatVector y = p.mul(scaleLo).mul(scaleHi);
    return y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, FloatMath.EXP_MAX));
  }

  /** {@link FloatMath#log} on every lane, for normal positive finite x (here 1 to 2). */
  private static FloatVector log(FloatVector x) {
    IntVector bits = (IntVector) x.viewAsIntegralLanes();
    IntVector e = bits.lanewise(VectorOperators.ASHR, 23).sub(127);
    FloatVector f = (FloatVector) bits.and(0x007FFFFF).or(0x3F800000).viewAsFloatingLanes();
    VectorMask<Float> above = f.compare(VectorOperators.GT, 1.41421356f);
    f = f.blend(f.mul(0.5f), above);
    e = e.blend(e.add(1), above.cast(I));
    FloatVector s = f.sub(1f).div(f.add(1f));
    FloatVector s2 = s.mul(s);
    FloatVector q = FloatVector.broadcast(S, 2f / 9);
    q = q.fma(s2, FloatVector.broadcast(S, 2f / 7));
    q = q.fma(s2, FloatVector.broadcast(S, 2f / 5));
    q = q.fma(s2, FloatVector.broadcast(S, 2f / 3));
    q = q.fma(s2, FloatVector.broadcast(S, 2f));
    FloatVector ef = (FloatVector) e.convert(VectorOperators.I2F, 0);
    return ef.fma(LN2_HI_V, s.fma(q, ef.mul(FloatMath.LN2_LO)));
  }
}
