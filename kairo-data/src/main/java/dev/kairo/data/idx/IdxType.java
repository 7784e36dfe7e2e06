package dev.kairo.data.idx;

/**
 * The element types an IDX file may hold: the third byte of its magic number.
 *
 * <pre>{@code
 * IdxType t = IdxType.fromCode(0x08);   // UNSIGNED_BYTE: MNIST's images and labels
 * int bytes = t.bytes();                // 1
 * }</pre>
 */
public enum IdxType {
  /** 0x08: unsigned byte (MNIST pixels and labels). */
  UNSIGNED_BYTE(0x08, 1),
  /** 0x09: signed byte. */
  SIGNED_BYTE(0x09, 1),
  /** 0x0B: big-endian 16-bit integer. */
  SHORT(0x0B, 2),
  /** 0x0C: big-endian 32-bit integer. */
  INT(0x0C, 4),
  /** 0x0D: big-endian 32-bit float. */
  FLOAT(0x0D, 4),
  /** 0x0E: big-endian 64-bit float. */
  DOUBLE(0x0E, 8);

  private final int code;
  private final int bytes;

  IdxType(int code, int bytes) {
    this.code = code;
    this.bytes = bytes;
  }

  /** The type code as it appears in the magic number. */
  public int code() {
    return code;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** The type with this code, or null when no IDX type has it. */
  public static IdxType fromCode(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /** The known codes, for error messages: {@code 0x08 (unsigned byte), 0x09 (signed byte), ...}. */
  static String known() {
    StringBuilder sb = new StringBuilder();
    for (IdxType t : values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(String.format("0x%02X (%s)", t.code, t.name().toLowerCase().replace('_', ' ')));
    }
    return sb.toString();
  }
}
