package io.huracan.adapter.file;

import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.testkit.registry.ModelFixtures;
import io.huracan.testkit.registry.ModelStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileModelStoreTest extends ModelStoreContract {
    @TempDir
    Path temp;
    private Path root;

    @Override
    protected ModelStore openFreshStore() {
        root = temp.resolve("registry");
        return openSameStore();
    }

    @Override
    protected ModelStore openSameStore() {
        return new FileModelStore(new FileModelStoreConfig(root));
    }

    @Override
    protected void corrupt(ModelKey key) throws Exception {
        Path document = root.resolve(key.name()).resolve(String.format("%06d.json", key.version()));
        Files.writeString(document, Files.readString(document).replace("\"candidate\"", "\"pending\""));
    }

    @Test
    void aVersionIsAReadableJsonDocumentInTheModelsDirectory() throws Exception {
        store.register(ModelFixtures.linear("momentum", Regime.TRENDING_UP, 1.5));

        String document = Files.readString(root.resolve("momentum/000001.json"));
        assertThat(document).startsWith("{\n  \"format\" : 1,\n  \"name\" : \"momentum\",\n  \"version\" : 1,\n"
                + "  \"status\" : \"candidate\",\n  \"kind\" : \"linear\",\n  \"regime\" : \"trending_up\",\n"
                + "  \"features\" : [ \"return_1m\", \"book_imbalance\", \"trade_flow_1m\" ],");
        assertThat(document).contains("\"created_at\" : \"2025-03-01T12:34:56.123456Z\"", "\"win_rate\" : 0.5375",
                "\"history\" : [ ]");
        try (var files = Files.list(root.resolve("momentum"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("000001.json");
        }
    }

    @Test
    void truncatedOrMislabelledDocumentsAreCorrupt() throws Exception {
        store.register(ModelFixtures.linear("momentum", Regime.TRENDING_UP, 1.5));
        store.register(ModelFixtures.linear("momentum", Regime.TRENDING_UP, 1.5));
        Path first = root.resolve("momentum/000001.json");
        Files.writeString(first, Files.readString(first).substring(0, 100));
        Path second = root.resolve("momentum/000002.json");
        Files.writeString(second, Files.readString(second).replace("\"version\" : 2", "\"version\" : 7"));

        assertThatThrownBy(() -> store.get(ModelKey.of("momentum", 1)))
                .isInstanceOf(ModelStoreException.class)
                .hasMessageStartingWith("model momentum:1 in " + first + " is corrupt: Unexpected end-of-input");
        assertThatThrownBy(() -> store.get(ModelKey.of("momentum", 2)))
                .hasMessage("model momentum:2 in " + second + " is corrupt: it holds momentum:7");
    }

    /** Two JVMs register versions of one model at once; the file lock keeps the numbering gap-free and unique. */
    @Test
    void twoProcessesRegisteringAtOnceGetDistinctVersions() throws Exception {
        int perProcess = 25;
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegisterMany.class.getName(), root.toString(),
                Integer.toString(perProcess))
                .redirectErrorStream(true).start();
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < perProcess; i++) {
            mine.add(store.register(ModelFixtures.linear("shared", Regime.RANGING, i)).version());
        }
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("other process finished").isTrue();
        assertThat(other.exitValue()).as(new String(other.getInputStream().readAllBytes())).isZero();

        assertThat(store.find(io.huracan.ports.registry.ModelQuery.ALL.withName("shared")))
                .extracting(ModelVersion::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * perProcess).boxed().toList());
        assertThat(mine).doesNotHaveDuplicates().hasSize(perProcess);
    }

    /** The other process of {@link #twoProcessesRegisteringAtOnceGetDistinctVersions}. */
    static final class RegisterMany {
        public static void main(String[] args) {
            var store = new FileModelStore(new FileModelStoreConfig(Path.of(args[0])));
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                store.register(ModelFixtures.linear("shared", Regime.RANGING, -i));
            }
        }
    }
}
