package io.huracan.examples;

import io.huracan.testkit.net.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the example working: it runs end to end and ends flat after its kill switch. */
class EmbeddedEngineExampleTest {
    @TempDir
    Path dir;

    @Test
    void theExampleRunsAndEndsFlat() throws Exception {
        Path config = Files.writeString(dir.resolve("app.yaml"), "engine:\n  registry:\n    path: "
                + dir.resolve("registry") + "\n  observability:\n    port: " + FreePorts.loopback() + "\n");
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddedEngineExample.main(new String[] {config.toString()});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("engine started; trading 20 coins", "after the kill switch: positions {}",
                "engine stopped");
    }
}
