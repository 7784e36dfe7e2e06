package dev.kairo.models;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * A linear associative memory trained by Hebb's rule (1949): "cells that fire together wire
 * together". Storing a pair of bipolar (±1) patterns (x, y) strengthens each connection by
 * the product of its two ends, {@code W ← W + η·y·xᵀ}; recall is {@code sign(W·x)}. With
 * nearly orthogonal keys, a noisy key still recalls its stored pattern.
 *
 * <pre>{@code
 * HebbianMemory m = new HebbianMemory(16, 8);
 * m.store(key, value);                // bipolar vectors of 16 and 8 values
 * float[] recalled = m.recall(noisyKey);
 * }</pre>
 */
public final class HebbianMemory {
  private final float[] w;
  private final int in;
  private final int out;

  /** A memory from {@code in}-value keys to {@code out}-value patterns, weights at 0. */
  public HebbianMemory(int in, int out) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("HebbianMemory: sizes must be >= 1, got " + in + ", " + out);
    }
    this.in = in;
    this.out = out;
    this.w = new float[in * out];
  }

  /** Hebb's rule for one pair with η = 1/in: {@code W += y xᵀ / in}. */
  public void store(float[] key, float[] value) {
    if (key.length != in || value.length != out) {
      throw new IllegalArgumentException("HebbianMemory.store: expected key of " + in
          + " and value of " + out + " values, got " + key.length + " and " + value.length);
    }
    for (int i = 0; i < out; i++) {
      for (int j = 0; j < in; j++) {
        w[i * in + j] += value[i] * key[j] / in;
      }
    }
  }

  /** {@code sign(W·key)} (ties give +1). */
  public float[] recall(float[] key) {
    if (key.length != in) {
      throw new IllegalArgumentException("HebbianMemory.recall: expected a key of " + in
          + " values, got " + key.length);
    }
    float[] y = new float[out];
    for (int i = 0; i < out; i++) {
      double s = 0;
      for (int j = 0; j < in; j++) {
        s += w[i * in + j] * key[j];
      }
      y[i] = s >= 0 ? 1f : -1f;
    }
    return y;
  }

  /** The weight matrix [out, in] (a copy). */
  public Tensor weights() {
    return Tensor.of(w.clone(), out, in);
  }

  @Override
  public String toString() {
    return "HebbianMemory(" + Shape.str(in, out) + ")";
  }
}
