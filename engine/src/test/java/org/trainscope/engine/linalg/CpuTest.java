package org.trainscope.engine.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SIMD level read from /proc/cpuinfo texts of the two kinds of machine the project has run on. */
class CpuTest {
    private static final String ZEN4 = """
            processor\t: 0
            model name\t: AMD EPYC
            flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16 avx512_vnni
            
            processor\t: 1
            model name\t: second processor
            flags\t\t: fpu
            """;

    @Test
    void anAvx512MachineSaysWhichSubsetsItHas() {
        Cpu cpu = Cpu.parse(ZEN4);
        assertEquals("AMD EPYC", cpu.model());
        assertEquals("AVX-512 (avx512f avx512dq avx512bw avx512vl avx512_vnni avx512_bf16)", cpu.simd());
    }

    @Test
    void anAvx2MachineIsAvx2AndNoCpuinfoIsUnknown() {
        assertEquals("AVX2 + FMA", Cpu.parse("model name : EPYC\nflags : sse2 avx fma avx2\n").simd());
        Cpu none = Cpu.parse("");
        assertEquals("unknown", none.model());
        assertEquals("SSE2", none.simd());
    }
}
