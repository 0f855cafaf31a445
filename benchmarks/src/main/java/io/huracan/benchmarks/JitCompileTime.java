package io.huracan.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Time the JIT's compiler threads have spent so far, by the JVM's own approximate account (0 where it keeps none).
 * On two cores the compiler threads take CPU from whatever is measured, so benches report how much fell inside.
 */
final class JitCompileTime {
    private JitCompileTime() {
    }

    static long millis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
