package io.huracan.bootstrap.lifecycle;

import io.huracan.ports.lifecycle.ManagedService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceRunnerTest {
    private final List<String> journal = new ArrayList<>();

    @Test
    void startsInOrderAndStopsInReverse() {
        var runner = new ServiceRunner(List.of(service("bus", false), service("exchange", false), service("loops", false)));

        runner.start();
        runner.stop();

        assertThat(journal).containsExactly("start bus", "start exchange", "start loops",
                "stop loops", "stop exchange", "stop bus");
    }

    @Test
    void aFailingStartStopsWhatWasStartedAndNamesThePart() {
        var runner = new ServiceRunner(List.of(service("bus", false), service("exchange", true), service("loops", false)));

        assertThatThrownBy(runner::start)
                .isInstanceOf(EngineStartException.class)
                .hasMessage("engine failed to start: exchange: connection refused");
        assertThat(journal).containsExactly("start bus", "start exchange", "stop bus");
    }

    @Test
    void stopIsIdempotent() {
        var runner = new ServiceRunner(List.of(service("bus", false)));
        runner.start();
        runner.stop();
        runner.stop();
        assertThat(journal).containsExactly("start bus", "stop bus");
    }

    private ManagedService service(String name, boolean failOnStart) {
        return new ManagedService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                journal.add("start " + name);
                if (failOnStart) {
                    throw new IllegalStateException("connection refused");
                }
            }

            @Override
            public void stop() {
                journal.add("stop " + name);
            }
        };
    }
}
