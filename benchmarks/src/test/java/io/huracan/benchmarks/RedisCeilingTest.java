package io.huracan.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisCeilingTest {

    /** redis-benchmark 7.0 -q output as captured: progress lines end in \r, the result line comes last. */
    @Test
    void theRateIsTheLastRequestsPerSecondPrinted() throws IOException {
        String output = "\rXADD k MAXLEN ~ 1000 * p xxxx: rps=0.0 (overall: 0.0) avg_msec=-nan (overall: -nan)\r"
                + "                                        \r"
                + "XADD k MAXLEN ~ 1000 * p xxxx: 500800.00 requests per second, p50=5.951 msec\n";
        assertThat(RedisCeiling.parse(output)).isEqualTo(500_800.0);
    }

    @Test
    void outputWithoutARateIsAClearError() {
        assertThatThrownBy(() -> RedisCeiling.parse("Could not connect to Redis at 127.0.0.1:1: Connection refused"))
                .isInstanceOf(IOException.class).hasMessageContaining("no 'requests per second'");
    }

    @Test
    void theCommandTargetsTheBusServerWithSixtyFourPipelinedXadds() {
        assertThat(RedisCeiling.command("redis://10.0.0.5:6380", "p:ceiling", 2_000_000, 3, 100_000))
                .containsExactly("redis-benchmark", "-h", "10.0.0.5", "-p", "6380", "-P", "64", "-n", "2000000", "-q",
                        "XADD", "p:ceiling", "MAXLEN", "~", "100000", "*", "p", "xxx");
    }
}
