package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Workspace}: arrays come back in the next pass, matched by length; the array behind a
 * pass's result never does; nothing is pooled outside a pass, on another thread, or beyond
 * the size limits.
 */
class WorkspaceTest {
  @Test
  void anArrayFromOnePassIsHandedOutAgainInTheNext() {
    Workspace ws = new Workspace();
    assertThat(ws.enter()).isTrue();
    float[] a = Workspace.floats(10);
    float[] b = Workspace.floats(10);
    ws.exit(null);
    assertThat(a).isNotSameAs(b);
    assertThat(ws.enter()).isTrue();
    float[] c = Workspace.floats(10);
    float[] d = Workspace.floats(10);
    ws.exit(null);
    assertThat(new Object[] {c, d}).containsExactlyInAnyOrder(a, b);
    assertThat(c).isNotSameAs(d);
  }

  @Test
  void theResultsStorageLeavesTheWorkspace() {
    Workspace ws = new Workspace();
    ws.enter();
    float[] hidden = Workspace.floats(6);
    float[] out = Workspace.floats(6);
    Tensor result = Tensor.of(out, 2, 3).transpose(0, 1); // a view still holds the array
    ws.exit(result);
    assertThat(ws.keptFloats()).isEqualTo(6);
    ws.enter();
    float[] first = Workspace.floats(6);
    float[] second = Workspace.floats(6);
    ws.exit(null);
    assertThat(first).isSameAs(hidden);
    assertThat(second).isNotSameAs(out).isNotSameAs(hidden);
  }

  @Test
  void singleSamplesAndBatchesInTurnKeepBothSets() {
    Workspace ws = new Workspace();
    float[][] got = new float[4][];
    for (int pass = 0; pass < 4; pass++) {
      ws.enter();
      got[pass] = Workspace.floats(pass % 2 == 0 ? 3 : 300);
      ws.exit(null);
    }
    assertThat(got[2]).isSameAs(got[0]);
    assertThat(got[3]).isSameAs(got[1]);
    assertThat(ws.keptFloats()).isEqualTo(303);
  }

  @Test
  void anArrayIdleForSixteenPassesIsLetGo() {
    Workspace ws = new Workspace();
    ws.enter();
    Workspace.floats(5);
    ws.exit(null);
    for (int pass = 0; pass < Workspace.IDLE_PASSES; pass++) {
      ws.enter();
      Workspace.floats(7);
      ws.exit(null);
    }
    assertThat(ws.keptFloats()).isEqualTo(7);
  }

  @Test
  void outsideAPassEveryArrayIsNew() {
    assertThat(Workspace.floats(4)).isNotSameAs(Workspace.floats(4));
    Workspace ws = new Workspace();
    ws.enter();
    float[] a = Workspace.floats(4);
    ws.exit(null);
    assertThat(Workspace.floats(4)).isNotSameAs(a);
  }

  @Test
  void hugeArraysAreNeverKept() {
    Workspace ws = new Workspace();
    ws.enter();
    Workspace.floats(Workspace.MAX_KEPT_FLOATS + 1);
    ws.exit(null);
    assertThat(ws.keptFloats()).isZero();
  }

  @Test
  void aSecondPassWhileOneIsActiveIsRefused() throws Exception {
    Workspace outer = new Workspace();
    Workspace inner = new Workspace();
    assertThat(outer.enter()).isTrue();
    assertThat(inner.enter()).as("nested on the same thread").isFalse();
    boolean[] otherThread = new boolean[2];
    Thread t = new Thread(() -> {
      otherThread[0] = outer.enter(); // busy on the first thread
      float[] a = Workspace.floats(3);
      otherThread[1] = a != Workspace.floats(3);
    });
    t.start();
    t.join();
    outer.exit(null);
    assertThat(otherThread[0]).isFalse();
    assertThat(otherThread[1]).as("no workspace active on the other thread").isTrue();
    assertThat(outer.enter()).as("free again after exit").isTrue();
    outer.exit(null);
  }
}
