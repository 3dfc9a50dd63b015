package org.trainscope.engine.linalg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the CPU offers, from the first processor of {@code /proc/cpuinfo} (Linux; elsewhere "unknown" and no flags):
 * its model name and instruction-set flags, and from them the widest SIMD level — what decides which OpenBLAS
 * kernels run (AVX-512 "SkylakeX"/"Cooperlake", AVX2 "Haswell"/"Zen") and so how fast, and with which bits, the
 * engine computes. {@code bench} prints it beside its ratios, since the peers' results are only comparable on the
 * same kind of CPU.
 *
 * @param model the model name, e.g. "AMD EPYC"
 * @param flags the flags, e.g. "avx2", "avx512f"
 */
public record Cpu(String model, Set<String> flags) {
    private static final List<String> AVX512 = List.of("avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512_vnni",
            "avx512_bf16");

    /** This machine's CPU. */
    public static Cpu here() {
        return parse(read(Path.of("/proc/cpuinfo")));
    }

    /** The CPU described by a {@code /proc/cpuinfo} text (its first processor). */
    static Cpu parse(String cpuinfo) {
        String model = "unknown";
        Set<String> flags = new TreeSet<>();
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model.equals("unknown")) {
                model = value;
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags.addAll(List.of(value.split("\\s+")));
            }
        }
        return new Cpu(model, Set.copyOf(flags));
    }

    /**
     * The widest SIMD level: "AVX-512 (avx512f avx512dq …)" with the AVX-512 subsets BLAS kernels use, "AVX2",
     * "AVX", "SSE4.2" or "SSE2".
     */
    public String simd() {
        if (flags.contains("avx512f")) {
            return "AVX-512 (" + String.join(" ", AVX512.stream().filter(flags::contains).toList()) + ")";
        }
        if (flags.contains("avx2")) {
            return "AVX2" + (flags.contains("fma") ? " + FMA" : "");
        }
        return flags.contains("avx") ? "AVX" : flags.contains("sse4_2") ? "SSE4.2" : "SSE2";
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
