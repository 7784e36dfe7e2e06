package dev.kairo.tensor;

/** The view operations behind Tensor's slice, select, unsqueeze, expand and permute: new shape and strides over the same storage. */
final class Views {
  private Views() {}

  static Tensor slice(Tensor t, int axis, int start, int end, int step) {
    int a = Shape.axis("slice", axis, t.shape.length);
    int n = t.shape[a];
    int s0 = start < 0 ? start + n : start;
    int e0 = end < 0 ? end + n : Math.min(end, n);
    if (step <= 0) {
      throw new IllegalArgumentException("slice: step must be positive, got " + step);
    }
    if (s0 < 0 || s0 > n || e0 < s0) {
      throw new IndexOutOfBoundsException("slice: range [" + start + ", " + end
          + ") is out of bounds for axis " + axis + " of size " + n + " (shape "
          + Shape.str(t.shape) + ")");
    }
    int len = (e0 - s0 + step - 1) / step;
    int[] s = t.shape.clone();
    int[] st = t.strides.clone();
    s[a] = len;
    st[a] = t.strides[a] * step;
    return new Tensor(t.data, t.offset + s0 * t.strides[a], s, st);
  }

  static Tensor select(Tensor t, int axis, int index) {
    int a = Shape.axis("select", axis, t.shape.length);
    int ix = index < 0 ? index + t.shape[a] : index;
    if (ix < 0 || ix >= t.shape[a]) {
      throw new IndexOutOfBoundsException("select: index " + index + " is out of range for axis "
          + axis + " of size " + t.shape[a] + " (shape " + Shape.str(t.shape) + ")");
    }
    int[] s = new int[t.shape.length - 1];
    int[] st = new int[t.shape.length - 1];
    for (int i = 0, j = 0; i < t.shape.length; i++) {
      if (i != a) {
        s[j] = t.shape[i];
        st[j++] = t.strides[i];
      }
    }
    return new Tensor(t.data, t.offset + ix * t.strides[a], s, st);
  }

  static Tensor unsqueeze(Tensor t, int axis) {
    int a = Shape.axis("unsqueeze", axis, t.shape.length + 1);
    int[] s = new int[t.shape.length + 1];
    int[] st = new int[t.shape.length + 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (i == a) {
        s[i] = 1;
        st[i] = j < t.shape.length ? t.strides[j] * t.shape[j] : 1;
      } else {
        s[i] = t.shape[j];
        st[i] = t.strides[j++];
      }
    }
    return new Tensor(t.data, t.offset, s, st);
  }

  static Tensor expand(Tensor t, int[] target) {
    if (target.length < t.shape.length) {
      throw new IllegalArgumentException("expand: cannot expand " + Shape.str(t.shape) + " to "
          + Shape.str(target));
    }
    int lead = target.length - t.shape.length;
    int[] st = new int[target.length];
    for (int i = 0; i < target.length; i++) {
      if (i < lead) {
        st[i] = 0;
      } else {
        int d = t.shape[i - lead];
        if (d == target[i]) {
          st[i] = t.strides[i - lead];
        } else if (d == 1) {
          st[i] = 0;
        } else {
          throw new IllegalArgumentException("expand: cannot expand " + Shape.str(t.shape) + " to "
              + Shape.str(target) + " (axis " + i + ": " + d + " vs " + target[i] + ")");
        }
      }
    }
    return new Tensor(t.data, t.offset, target.clone(), st);
  }

  static Tensor permute(Tensor t, int[] perm) {
    if (perm.length != t.shape.length) {
      throw new IllegalArgumentException("permute: " + java.util.Arrays.toString(perm)
          + " does not list the " + t.shape.length + " axes of shape " + Shape.str(t.shape));
    }
    int[] p = Shape.axes("permute", perm, t.shape.length);
    int[] s = new int[p.length];
    int[] st = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      s[i] = t.shape[p[i]];
      st[i] = t.strides[p[i]];
    }
    return new Tensor(t.data, t.offset, s, st);
  }
}
