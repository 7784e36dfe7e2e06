package dev.kairo.tensor;

/** Copies that gather or join tensors: index select, concat, stack; and split (views). */
final class Join {
  private Join() {}

  static Tensor indexSelect(Tensor x, int axis, int[] indices) {
    int a = Shape.axis("indexSelect", axis, x.rank());
    int n = x.shape[a];
    Tensor[] parts = new Tensor[indices.length];
    for (int i = 0; i < indices.length; i++) {
      int ix = indices[i];
      if (ix < -n || ix >= n) {
        throw new IndexOutOfBoundsException("indexSelect: index " + ix + " at position " + i
            + " is out of range for axis " + axis + " of size " + n + " (shape "
            + Shape.str(x.shape) + ")");
      }
      parts[i] = x.slice(a, ix < 0 ? ix + n : ix, (ix < 0 ? ix + n : ix) + 1);
    }
    if (parts.length == 0) {
      int[] s = x.shape.clone();
      s[a] = 0;
      return Tensor.zeros(s);
    }
    return concat(a, parts);
  }

  static Tensor concat(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    int[] first = parts[0].shape;
    int a = Shape.axis("concat", axis, first.length);
    int total = 0;
    for (int p = 0; p < parts.length; p++) {
      int[] s = parts[p].shape;
      boolean ok = s.length == first.length;
      for (int i = 0; ok && i < s.length; i++) {
        ok = i == a || s[i] == first[i];
      }
      if (!ok) {
        throw new IllegalArgumentException("concat: tensor " + p + " has shape " + Shape.str(s)
            + ", which does not match " + Shape.str(first) + " outside axis " + axis);
      }
      total += s[a];
    }
    int[] shape = first.clone();
    shape[a] = total;
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= shape[i];
    }
    int inner = 1;
    for (int i = a + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    float[] out = new float[Shape.numel(shape)];
    int rowLen = total * inner;
    int at = 0;
    for (Tensor part : parts) {
      Tensor c = part.contiguous();
      int len = part.shape[a] * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(c.data, c.offset + o * len, out, o * rowLen + at, len);
      }
      at += len;
    }
    return Tensor.of(out, shape);
  }

  static Tensor stack(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("stack: needs at least one tensor");
    }
    int a = Shape.axis("stack", axis, parts[0].rank() + 1);
    Tensor[] u = new Tensor[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (!Shape.same(parts[i].shape, parts[0].shape)) {
        throw new IllegalArgumentException("stack: tensor " + i + " has shape "
            + Shape.str(parts[i].shape) + ", tensor 0 has " + Shape.str(parts[0].shape));
      }
      u[i] = parts[i].unsqueeze(a);
    }
    return concat(a, u);
  }

  static Tensor[] split(Tensor x, int axis, int[] sizes) {
    int a = Shape.axis("split", axis, x.rank());
    int sum = 0;
    for (int s : sizes) {
      if (s < 0) {
        throw new IllegalArgumentException("split: negative size in " + java.util.Arrays.toString(sizes));
      }
      sum += s;
    }
    if (sum != x.shape[a]) {
      throw new IllegalArgumentException("split: sizes " + java.util.Arrays.toString(sizes)
          + " add up to " + sum + ", but axis " + axis + " has size " + x.shape[a]);
    }
    Tensor[] out = new Tensor[sizes.length];
    int at = 0;
    for (int i = 0; i < sizes.length; i++) {
      out[i] = x.slice(a, at, at + sizes[i]);
      at += sizes[i];
    }
    return out;
  }
}
