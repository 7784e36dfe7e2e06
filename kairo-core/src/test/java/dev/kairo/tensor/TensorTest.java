package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {
  private static Tensor range(int... shape) {
    return Tensor.arange(Shape.numel(shape)).reshape(shape);
  }

  @Test
  void creation() {
    assertThat(Tensor.zeros(2, 3).toArray()).containsOnly(0f).hasSize(6);
    assertThat(Tensor.full(7f, 2).toArray()).containsExactly(7f, 7f);
    assertThat(Tensor.arange(0, 1, 0.25).toArray()).containsExactly(0f, 0.25f, 0.5f, 0.75f);
    assertThat(Tensor.linspace(-1, 1, 5).toArray()).containsExactly(-1f, -0.5f, 0f, 0.5f, 1f);
    assertThat(Tensor.scalar(3f).rank()).isZero();
    Tensor u = Tensor.uniform(0, 1, 42L, 100);
    assertThat(u.toArray()).isEqualTo(Tensor.uniform(0, 1, 42L, 100).toArray());
    assertThat(u.min().item()).isGreaterThanOrEqualTo(0f);
    assertThat(u.max().item()).isLessThan(1f);
    Tensor n = Tensor.normal(2, 3, 7L, 20000);
    assertThat(n.mean().item()).isBetween(1.9f, 2.1f);
    assertThat((float) Math.sqrt(n.variance(new int[] {0}, 0, false).item())).isBetween(2.9f, 3.1f);
  }

  @Test
  void viewsShareStorageAndCopiesDoNot() {
    Tensor x = range(2, 3);
    Tensor r = x.reshape(3, 2);
    r.set(100f, 0, 0);
    assertThat(x.get(0, 0)).isEqualTo(100f);
    Tensor t = x.t();
    assertThat(t.shape()).containsExactly(3, 2);
    assertThat(t.isContiguous()).isFalse();
    assertThat(t.toArray()).containsExactly(100f, 3f, 1f, 4f, 2f, 5f);
    Tensor c = t.copy();
    c.set(-1f, 0, 0);
    assertThat(x.get(0, 0)).isEqualTo(100f);
  }

  @Test
  void sliceSelectPermuteSqueeze() {
    Tensor x = range(3, 4);
    assertThat(x.slice(1, 1, 4, 2).toArray()).containsExactly(1f, 3f, 5f, 7f, 9f, 11f);
    assertThat(x.select(0, -1).toArray()).containsExactly(8f, 9f, 10f, 11f);
    Tensor p = range(2, 3, 4).permute(2, 0, 1);
    assertThat(p.shape()).containsExactly(4, 2, 3);
    assertThat(p.get(3, 1, 2)).isEqualTo(range(2, 3, 4).get(1, 2, 3));
    assertThat(x.unsqueeze(0).shape()).containsExactly(1, 3, 4);
    assertThat(x.unsqueeze(-1).shape()).containsExactly(3, 4, 1);
    assertThat(x.unsqueeze(1).squeeze(1).toArray()).containsExactly(x.toArray());
    // a reshape of a non-contiguous view must copy, keeping row-major order of the view
    assertThat(x.t().reshape(12).toArray()).containsExactly(x.t().toArray());
  }

  @Test
  void broadcastingFollowsNumpy() {
    Tensor a = range(3, 1);
    Tensor b = range(4);
    Tensor s = a.add(b);
    assertThat(s.shape()).containsExactly(3, 4);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(s.get(i, j)).isEqualTo(i + j);
      }
    }
    assertThat(range(2, 3).mul(Tensor.scalar(2f)).toArray()).containsExactly(0f, 2f, 4f, 6f, 8f, 10f);
    // broadcasting against a transposed view
    Tensor m = range(2, 3);
    assertThat(m.t().sub(Tensor.vector(1, 2)).toArray()).containsExactly(-1f, 1f, 0f, 2f, 1f, 3f);
  }

  @Test
  void broadcastingMatchesElementLoopOnRandomShapes() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
    for (int trial = 0; trial < 200; trial++) {
      int rank = 1 + rng.nextInt(4);
      int[] out = new int[rank];
      int[] sa = new int[rank];
      int[] sb = new int[rank - rng.nextInt(rank)];
      for (int i = 0; i < rank; i++) {
        out[i] = 1 + rng.nextInt(4);
        sa[i] = rng.nextBoolean() ? out[i] : 1;
      }
      for (int i = 0; i < sb.length; i++) {
        sb[i] = rng.nextBoolean() ? out[rank - sb.length + i] : 1;
      }
      Tensor a = Tensor.uniform(-1, 1, rng, sa);
      Tensor b = Tensor.uniform(-1, 1, rng, sb);
      Tensor y = a.sub(b);
      int[] shape = Shape.broadcast("sub", sa, sb);
      assertThat(y.shape()).containsExactly(shape);
      int[] idx = new int[shape.length];
      for (int flat = 0; flat < y.numel(); flat++) {
        int f = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
          idx[d] = f % shape[d];
          f /= shape[d];
        }
        int[] ia = new int[sa.length];
        for (int d = 0; d < sa.length; d++) {
          ia[d] = sa[d] == 1 ? 0 : idx[d];
        }
        int[] ib = new int[sb.length];
        for (int d = 0; d < sb.length; d++) {
          ib[d] = sb[d] == 1 ? 0 : idx[shape.length - sb.length + d];
        }
        assertThat(y.get(idx)).isEqualTo(a.get(ia) - b.get(ib));
      }
      assertThat(y.sumTo(sb).shape()).containsExactly(sb);
    }
  }

  @Test
  void elementwiseMath() {
    Tensor x = Tensor.vector(-2, -0.5f, 0, 1.5f);
    assertThat(x.abs().toArray()).containsExactly(2f, 0.5f, 0f, 1.5f);
    assertThat(x.maximum(0f).toArray()).containsExactly(0f, 0f, 0f, 1.5f);
    assertThat(x.gt(0f).toArray()).containsExactly(0f, 0f, 0f, 1f);
    assertThat(x.square().toArray()).containsExactly(4f, 0.25f, 0f, 2.25f);
    assertThat(Tensor.vector(-1000, 0, 1000).sigmoid().toArray()).containsExactly(0f, 0.5f, 1f);
    assertThat(Tensor.where(x.lt(0f), x.neg(), x).toArray()).containsExactly(2f, 0.5f, 0f, 1.5f);
    assertThat(x.clamp(-1, 1).toArray()).containsExactly(-1f, -0.5f, 0f, 1f);
  }

  /** The vectorisable rational tanh stays within its documented error everywhere. */
  @Test
  void fastTanhStaysWithinItsDocumentedError() {
    Tensor x = Tensor.linspace(-12, 12, 200001);
    float[] fast = x.tanh().toArray();
    float[] xs = x.toArray();
    for (int i = 0; i < xs.length; i++) {
      double exact = Math.tanh(xs[i]);
      assertThat(Math.abs(fast[i] - exact)).as("tanh(%s)", xs[i]).isLessThanOrEqualTo(4e-7);
      assertThat(Math.abs(fast[i])).as("tanh(%s) bounded", xs[i]).isLessThanOrEqualTo(1f);
    }
    Tensor small = Tensor.vector(1e-30f, -3e-12f, 1e-6f, 2e-3f, -0.01f, 0.2f);
    float[] s = small.tanh().toArray();
    for (int i = 0; i < s.length; i++) {
      double exact = Math.tanh(small.toArray()[i]);
      assertThat(Math.abs(s[i] - exact) / Math.abs(exact)).as("relative error at %s", exact)
          .isLessThanOrEqualTo(2e-6);
    }
    assertThat(Tensor.vector(0f, 30f, -30f).tanh().toArray()).containsExactly(0f, 1f, -1f);
  }

  @Test
  void reductions() {
    Tensor x = range(2, 3, 4);
    assertThat(x.sum().item()).isEqualTo(276f);
    assertThat(x.sum(new int[] {0, 2}, false).toArray()).containsExactly(60f, 92f, 124f);
    assertThat(x.sum(new int[] {1}, true).shape()).containsExactly(2, 1, 4);
    assertThat(x.mean(new int[] {-1}, false).toArray())
        .containsExactly(1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f);
    assertThat(x.max(new int[] {0}, false).toArray()).containsExactly(range(3, 4).add(12f).toArray());
    assertThat(x.min().item()).isEqualTo(0f);
    assertThat(Tensor.matrix(new float[][] {{1, 5, 5}, {9, 2, 3}}).argmax(1).toArray())
        .containsExactly(1f, 0f);
    assertThat(Tensor.vector(1, 2, 3, 4).variance(new int[] {0}, 1, false).item())
        .isCloseTo(1.6666666f, org.assertj.core.api.Assertions.within(1e-6f));
  }

  @Test
  void joins() {
    Tensor a = range(2, 2);
    Tensor b = range(2, 1).add(10f);
    assertThat(Tensor.concat(1, a, b).toArray()).containsExactly(0f, 1f, 10f, 2f, 3f, 11f);
    assertThat(Tensor.stack(0, a, a).shape()).containsExactly(2, 2, 2);
    Tensor[] parts = range(5, 2).split(0, 2, 3);
    assertThat(parts[1].toArray()).containsExactly(4f, 5f, 6f, 7f, 8f, 9f);
    assertThat(range(4, 2).indexSelect(0, 3, 0, -1).toArray())
        .containsExactly(6f, 7f, 0f, 1f, 6f, 7f);
  }

  @Test
  void matmulShapes() {
    Tensor a = range(2, 3);
    Tensor b = range(3, 4);
    Tensor c = a.matmul(b);
    assertThat(c.toArray()).containsExactly(20f, 23f, 26f, 29f, 56f, 68f, 80f, 92f);
    assertThat(a.matmul(a.t()).toArray()).containsExactly(5f, 14f, 14f, 50f);
    assertThat(Tensor.vector(1, 2, 3).matmul(Tensor.vector(4, 5, 6)).item()).isEqualTo(32f);
    assertThat(range(2, 3).matmul(Tensor.vector(1, 1, 1)).toArray()).containsExactly(3f, 12f);
    Tensor batched = range(5, 2, 3).matmul(range(3, 4));
    assertThat(batched.shape()).containsExactly(5, 2, 4);
    assertThat(batched.select(0, 4).toArray())
        .containsExactly(range(5, 2, 3).select(0, 4).matmul(range(3, 4)).toArray());
  }

  @Test
  void errorsNameTheOpAxisAndShapes() {
    assertThatThrownBy(() -> range(2, 3).add(range(4)))
        .hasMessageContaining("add").hasMessageContaining("[2, 3]").hasMessageContaining("[4]");
    assertThatThrownBy(() -> range(2, 3).matmul(range(2, 3)))
        .hasMessageContaining("matmul").hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> range(2, 3).sum(new int[] {2}, false))
        .hasMessageContaining("axis 2").hasMessageContaining("rank 2");
    assertThatThrownBy(() -> range(2, 3).get(0, 3))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("axis 1")
        .hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> range(2, 3).reshape(4, 2)).hasMessageContaining("cannot reshape");
    assertThatThrownBy(() -> range(4, 2).indexSelect(0, 4)).hasMessageContaining("index 4");
    assertThatThrownBy(() -> Tensor.of(new float[5], 2, 3)).hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> Tensor.concat(0, range(2, 3), range(2, 4)))
        .hasMessageContaining("[2, 4]");
  }

  @Test
  void toStringLooksLikeNumpy() {
    assertThat(Tensor.matrix(new float[][] {{1, 2}, {3, 4}}).toString())
        .isEqualTo("tensor([[1., 2.],\n        [3., 4.]], shape=[2, 2])");
    assertThat(Tensor.vector(0.5f, -1.25f).toString())
        .isEqualTo("tensor([ 0.5000, -1.2500], shape=[2])");
    assertThat(Tensor.zeros(2000).toString()).contains("...");
  }
}
