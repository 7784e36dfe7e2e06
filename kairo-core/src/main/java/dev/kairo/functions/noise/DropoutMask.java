package dev.kairo.functions.noise;

import java.util.SplittableRandom;

/** What both dropouts share: the argument checks and the inverted-dropout mask draw. */
final class DropoutMask {
  private DropoutMask() {}

  /** Refuses p outside [0, 1) and training without a generator, naming the op. */
  static void check(String op, float p, boolean training, SplittableRandom rng) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException(op + ": p must be in [0, 1), got " + p);
    }
    if (training && p > 0 && rng == null) {
      throw new IllegalArgumentException(op + ": training mode needs a random generator");
    }
  }

  /** n draws in order: 0 with probability p, else 1/(1 − p). */
  static float[] draw(int n, float p, SplittableRandom rng) {
    float[] m = new float[n];
    float keep = 1f / (1f - p);
    for (int i = 0; i < n; i++) {
      m[i] = rng.nextDouble() >= p ? keep : 0f;
    }
    return m;
  }
}
