package dev.kairo.tensor;

/** NumPy-like text for tensors: nested brackets, aligned columns, long axes summarised. */
final class TensorFormat {
  private static final int EDGE = 3;
  private static final int SUMMARISE_OVER = 1000;

  private TensorFormat() {}

  static String format(Tensor t) {
    float[] v = t.toArray();
    boolean summarise = v.length > SUMMARISE_OVER;
    boolean integral = true;
    for (float f : v) {
      if (f != Math.rint(f) || Float.isInfinite(f) || Math.abs(f) >= 1e8f) {
        integral = false;
        break;
      }
    }
    int width = 1;
    for (float f : v) {
      width = Math.max(width, number(f, integral).length());
    }
    StringBuilder sb = new StringBuilder("tensor(");
    if (t.shape.length == 0) {
      sb.append(number(v[0], integral));
    } else {
      append(sb, v, t.shape, 0, 0, width, integral, summarise, "tensor(".length());
    }
    sb.append(", shape=").append(Shape.str(t.shape)).append(')');
    return sb.toString();
  }

  private static void append(StringBuilder sb, float[] v, int[] shape, int axis, int base,
      int width, boolean integral, boolean summarise, int indent) {
    int n = shape[axis];
    int block = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      block *= shape[i];
    }
    sb.append('[');
    for (int i = 0; i < n; i++) {
      if (summarise && n > 2 * EDGE && i == EDGE) {
        sb.append(axis == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + axis + 1));
        i = n - EDGE - 1;
        continue;
      }
      if (axis == shape.length - 1) {
        String s = number(v[base + i], integral);
        sb.append(" ".repeat(width - s.length())).append(s);
      } else {
        append(sb, v, shape, axis + 1, base + i * block, width, integral, summarise, indent);
      }
      if (i < n - 1) {
        sb.append(axis == shape.length - 1 ? ", "
            : "," + "\n".repeat(shape.length - axis - 1) + " ".repeat(indent + axis + 1));
      }
    }
    sb.append(']');
  }

  private static String number(float f, boolean integral) {
    if (Float.isNaN(f)) {
      return "nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    if (integral) {
      return Long.toString((long) f) + ".";
    }
    float a = Math.abs(f);
    if (a != 0 && (a < 1e-4f || a >= 1e8f)) {
      return String.format("%.4e", f);
    }
    return String.format("%.4f", f);
  }
}
