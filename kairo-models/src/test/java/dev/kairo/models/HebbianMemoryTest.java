package dev.kairo.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HebbianMemoryTest {
  private static float[] bipolar(SplittableRandom rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextBoolean() ? 1f : -1f;
    }
    return v;
  }

  @Test
  void recallsStoredPairsFromNoisyKeys() {
    SplittableRandom rng = new SplittableRandom(4);
    HebbianMemory m = new HebbianMemory(64, 16);
    float[][] keys = new float[3][];
    float[][] values = new float[3][];
    for (int p = 0; p < 3; p++) {
      keys[p] = bipolar(rng, 64);
      values[p] = bipolar(rng, 16);
      m.store(keys[p], values[p]);
    }
    for (int p = 0; p < 3; p++) {
      float[] noisy = keys[p].clone();
      for (int i = 0; i < 8; i++) {
        noisy[rng.nextInt(64)] *= -1;   // flip up to 8 of 64 bits
      }
      assertThat(m.recall(noisy)).containsExactly(values[p]);
    }
  }

  @Test
  void weightsAreTheSumOfOuterProducts() {
    HebbianMemory m = new HebbianMemory(2, 2);
    m.store(new float[] {1, -1}, new float[] {1, 1});
    assertThat(m.weights().toArray()).containsExactly(0.5f, -0.5f, 0.5f, -0.5f);
  }
}
