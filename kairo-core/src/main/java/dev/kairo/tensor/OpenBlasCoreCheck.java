package dev.kairo.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Names the kernels OpenBLAS picked when it loaded and compares them with what the CPU can run
 * (see "Core type" on {@link OpenBlasGemm}): re-selects stronger ones in-process when OpenBLAS
 * misdetected the CPU, honours a user's {@code OPENBLAS_CORETYPE} with a warning, and applies
 * {@code KAIRO_BLAS_CORETYPE}.
 */
final class OpenBlasCoreCheck {
  /** x86-64 kernel tables of a DYNAMIC_ARCH build, as gotoblas_corename() spells them. */
  static final List<String> CORES = List.of("Prescott", "Katmai", "Coppermine", "Northwood",
      "Banias", "Core2", "Nehalem", "Athlon", "Barcelona", "Sandybridge", "Bulldozer",
      "Piledriver", "Steamroller", "Excavator", "Haswell", "Zen", "SkylakeX", "Cooperlake",
      "SapphireRapids");

  final String core;
  final String note;
  final boolean warning;

  private OpenBlasCoreCheck(String core, String note, boolean warning) {
    this.core = core;
    this.note = note;
    this.warning = warning;
  }

  /** 3: AVX-512 kernels, 2: AVX2, 1: AVX, 0: SSE or unknown. */
  static int tier(String core) {
    switch (core) {
      case "SkylakeX": case "Cooperlake": case "SapphireRapids":
        return 3;
      case "Haswell": case "Zen":
        return 2;
      case "Sandybridge": case "Bulldozer": case "Piledriver": case "Steamroller":
      case "Excavator":
        return 1;
      default:
        return 0;
    }
  }

  /** What the CPU supports, from /proc/cpuinfo flags; -1 when unknown (not Linux x86). */
  static int cpuTier() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("flags")) {
          List<String> f = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
          if (f.containsAll(List.of("avx512f", "avx512bw", "avx512dq", "avx512vl"))) {
            return 3;
          }
          return f.contains("avx2") && f.contains("fma") ? 2 : f.contains("avx") ? 1 : 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: nothing to compare against.
    }
    return -1;
  }

  static String target(int tier) {
    return tier == 3 ? "SkylakeX" : tier == 2 ? "Haswell" : "Sandybridge";
  }

  static OpenBlasCoreCheck run() throws ReflectiveOperationException {
    String core = OpenBlasGemm.coreName();
    String forced = Gemm.setting("KAIRO_BLAS_CORETYPE");
    if (forced != null && !forced.isBlank()) {
      String want = forced.trim();
      if (!want.equalsIgnoreCase("auto") && CORES.stream().noneMatch(want::equalsIgnoreCase)) {
        return new OpenBlasCoreCheck(core, "KAIRO_BLAS_CORETYPE=" + want + " ignored: not one of auto, "
            + String.join(", ", CORES), true);
      }
      String now = OpenBlasGemm.reselect(want);
      return new OpenBlasCoreCheck(now, "re-selected by KAIRO_BLAS_CORETYPE=" + forced.trim()
          + " (was " + core + ")", false);
    }
    int cpu = cpuTier();
    if (cpu < 0 || tier(core) >= cpu) {
      return new OpenBlasCoreCheck(core, "", false);
    }
    String want = target(cpu);
    String env = System.getenv("OPENBLAS_CORETYPE");
    if (env != null && !env.isBlank()) {
      return new OpenBlasCoreCheck(core, "OPENBLAS_CORETYPE=" + env + " forces " + core
          + " kernels on a CPU that runs " + want + " kernels (about 2x faster here): unset"
          + " it, set OPENBLAS_CORETYPE=" + want + ", or set KAIRO_BLAS_CORETYPE=" + want, true);
    }
    try {
      String now = OpenBlasGemm.reselect(want);
      if (tier(now) >= cpu) {
        return new OpenBlasCoreCheck(now, "OpenBLAS misdetected this CPU as " + core
            + "; re-selected " + now + " in-process", false);
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // Fall through to the warning.
    }
    return new OpenBlasCoreCheck(OpenBlasGemm.coreName(), "OpenBLAS picked " + core + " kernels on a CPU that"
        + " runs " + want + " and could not re-select in-process: set OPENBLAS_CORETYPE="
        + want + " before starting the JVM", true);
  }
}
