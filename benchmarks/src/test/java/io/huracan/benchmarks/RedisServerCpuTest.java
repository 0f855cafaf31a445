package io.huracan.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisServerCpuTest {

    /** redis-cli 7.0 {@code INFO cpu} as captured (lines end in \r\n): the process's sys and user time count. */
    @Test
    void serverCpuIsSystemPlusUserTime() throws IOException {
        String info = "# CPU\r\nused_cpu_sys:0.251337\r\nused_cpu_user:0.273729\r\nused_cpu_sys_children:0.000000\r\n"
                + "used_cpu_user_children:0.000000\r\nused_cpu_sys_main_thread:0.251297\r\n"
                + "used_cpu_user_main_thread:0.273685\r\n";
        assertThat(RedisServerCpu.parse(info)).isEqualTo(525_066_000L);
    }

    @Test
    void aReplyWithoutCpuLinesIsAClearError() {
        assertThatThrownBy(() -> RedisServerCpu.parse("Could not connect to Redis at 127.0.0.1:1: Connection refused"))
                .isInstanceOf(IOException.class).hasMessageContaining("no used_cpu_sys and used_cpu_user");
    }
}
