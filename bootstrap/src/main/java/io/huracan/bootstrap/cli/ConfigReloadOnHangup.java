package io.huracan.bootstrap.cli;

import io.huracan.bootstrap.config.ConfigException;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * {@code kill -HUP <pid>} re-reads the config files (and the environment) and applies what can change while the
 * engine runs: {@code engine.universe.active_coins}. A bad config is reported in one line and changes nothing.
 * Uses {@code sun.misc.Signal}, the JDK's only signal hook; where the platform has no SIGHUP, nothing is installed.
 */
final class ConfigReloadOnHangup {
    private ConfigReloadOnHangup() {
    }

    static void install(IntSupplier activeCoins, IntConsumer apply, PrintWriter err) {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                try {
                    int count = activeCoins.getAsInt();
                    apply.accept(count);
                    err.println("huracan: config reloaded: active_coins " + count);
                } catch (ConfigException e) {
                    err.println("huracan: config not reloaded: " + e.getMessage());
                }
                err.flush();
            });
        } catch (IllegalArgumentException unsupported) {
            // no SIGHUP on this platform
        }
    }
}
