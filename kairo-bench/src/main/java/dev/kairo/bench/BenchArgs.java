package dev.kairo.bench;

/**
 * Option parsing for the small benchmark mains: {@code --name value} pairs, anything else
 * refused with the option's name.
 *
 * <pre>{@code
 * int passes = BenchArgs.intOption(args, "--passes", 20000);
 * }</pre>
 */
final class BenchArgs {
  private BenchArgs() {}

  /**
   * The integer after {@code name} in {@code args}, or {@code fallback} when absent.
   *
   * @throws IllegalArgumentException when the value is missing, not an integer or negative
   */
  static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        try {
          int v = Integer.parseInt(args[i + 1]);
          if (v < 0) {
            throw new NumberFormatException();
          }
          return v;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " takes a whole number >= 0, got '"
              + args[i + 1] + "'");
        }
      }
    }
    return fallback;
  }

  /** Whether the switch {@code name} (no value) is among {@code args}. */
  static boolean flag(String[] args, String name) {
    for (String a : args) {
      if (a.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
