package io.huracan.bootstrap.wiring;

import io.huracan.ports.storage.MarketDataStore;
import io.huracan.bootstrap.config.StorageSection;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.adapter.parquet.ParquetStoreSettings;
import com.google.inject.Module;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.memory.InMemoryMessageBusModule;
import io.huracan.adapter.micrometer.MetricsEndpointConfig;
import io.huracan.adapter.micrometer.MicrometerMetricsModule;
import io.huracan.adapter.paper.MarketSimulatorConfig;
import io.huracan.adapter.paper.MarketSimulatorModule;
import io.huracan.adapter.paper.PaperExchangeConfig;
import io.huracan.adapter.paper.PaperExchangeModule;
import io.huracan.adapter.postgres.PostgresModelStoreConfig;
import io.huracan.adapter.postgres.PostgresModelStoreModule;
import io.huracan.adapter.redis.RedisBusConfig;
import io.huracan.adapter.redis.RedisClusterConfig;
import io.huracan.adapter.redis.RedisClusterModule;
import io.huracan.adapter.redis.RedisStreamsMessageBusModule;
import io.huracan.adapter.xchange.XChangeExchangeModule;
import io.huracan.adapter.xchange.XChangeMarketDataModule;
import io.huracan.adapter.xchange.XChangeStreamConfig;
import io.huracan.adapter.xchange.XChangeVenueConfig;
import io.huracan.bootstrap.config.ClusterSection;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.ExchangesSection;
import io.huracan.bootstrap.config.MessageBusSection;
import io.huracan.bootstrap.config.ObservabilitySection;
import io.huracan.bootstrap.config.PaperExchangeSection;
import io.huracan.bootstrap.config.RegistrySection;
import io.huracan.bootstrap.config.RetrainingExecutorKind;
import io.huracan.bootstrap.config.RetrainingSection;
import io.huracan.adapter.redisson.RedissonRetrainingModule;
import io.huracan.bootstrap.config.StreamSection;
import io.huracan.bootstrap.config.VenueSection;
import io.huracan.domain.cost.FeeSchedule;
import io.huracan.ports.config.Secret;
import io.huracan.ports.exchange.FeeTier;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.metrics.EngineMetrics;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one switch over config (DESIGN.md section 2): turns {@code engine.message_bus.adapter},
 * {@code engine.registry.adapter}, {@code engine.exchanges}, {@code engine.observability},
 * {@code engine.retraining.executor} and {@code engine.cluster} into the Guice modules of the chosen adapters,
 * each given its own config record.
 */
public final class AdapterSelection {
    private AdapterSelection() {
    }

    public static List<Module> modules(EngineConfig config, Map<String, String> environment) {
        List<Module> modules = new ArrayList<>();
        modules.add(bus(config.messageBus()));
        modules.add(registry(config.registry(), environment));
        modules.addAll(exchanges(config, environment));
        modules.add(observability(config.observability(), environment));
        modules.addAll(retraining(config, config.retraining().executor()));
        if (config.cluster().enabled()) {
            modules.add(cluster(config.cluster(), config.messageBus()));
        }
        return modules;
    }

    /**
     * The job runner every process runs the same way, and the executor {@code kind} names: a local pool, or
     * Redisson's executor service with {@code huracan worker} processes (whose own side this module also binds).
     */
    public static List<Module> retraining(EngineConfig config, RetrainingExecutorKind kind) {
        RetrainingSection section = config.retraining();
        Module executor = switch (kind) {
            case LOCAL -> new LocalRetrainingModule(section);
            case REDISSON -> new RedissonRetrainingModule(section.redisson(), section.worker().config(section.maxParallel()));
        };
        return List.of(new RetrainingWorkModule(config), executor);
    }

    /**
     * Leases, membership and shared exposure on the bus's Redis, under {@code <stream_prefix>:cluster}. A command
     * may take one renew interval (a slower Redis fails the round, or the order, rather than hold a loop for
     * longer), and orders are admitted only while their coin's lease has one renew interval left.
     */
    public static Module cluster(ClusterSection cluster, MessageBusSection bus) {
        return new RedisClusterModule(new RedisClusterConfig(bus.redisUri(), bus.streamPrefix() + ":cluster",
                cluster.renewInterval(), cluster.renewInterval()));
    }

    /** Micrometer and the /metrics endpoint when enabled; otherwise meters that record nothing and no endpoint. */
    public static Module observability(ObservabilitySection section, Map<String, String> environment) {
        if (!section.enabled()) {
            return binder -> binder.bind(EngineMetrics.class).toInstance(EngineMetrics.NONE);
        }
        return new MicrometerMetricsModule(new MetricsEndpointConfig(section.bindAddress(), section.port(),
                resolve("engine.observability.bearer_token", section.bearerToken(), environment)));
    }

    static Module bus(MessageBusSection bus) {
        return switch (bus.adapter()) {
            case MEMORY -> new InMemoryMessageBusModule(bus.limits());
            case REDIS -> new RedisStreamsMessageBusModule(
                    RedisBusConfig.of(bus.redisUri(), bus.streamPrefix(), bus.batchSize()), bus.limits());
        };
    }

    public static Module registry(RegistrySection registry, Map<String, String> environment) {
        return switch (registry.adapter()) {
            case FILE -> new FileModelStoreModule(new FileModelStoreConfig(Path.of(registry.path())));
            case POSTGRES -> new PostgresModelStoreModule(new PostgresModelStoreConfig(registry.jdbcUrl(),
                    registry.user(), resolve("engine.registry.password", registry.password(), environment),
                    PostgresModelStoreConfig.DEFAULT_SCHEMA));
        };
    }

    /**
     * Paper alone (the default), or the enabled live venues through XChange. Both at once would be two gateways
     * for one engine, so that is refused. A live venue with {@code stream.enabled} also streams market data: the
     * {@code LiveMarketDataFeed} (and {@code MarketDataFeed}), and the engine then drives its session on those streams
     * in real time (docs/pipeline.md, docs/exchange-streams.md).
     */
    public static List<Module> exchanges(EngineConfig config, Map<String, String> environment) {
        ExchangesSection exchanges = config.exchanges();
        List<XChangeVenueConfig> live = liveVenues(exchanges, config.universe().quoteCurrency(), environment);
        List<XChangeStreamConfig> streams = liveStreams(exchanges);
        if (!live.isEmpty()) {
            if (exchanges.paper().enabled()) {
                throw new ConfigException("engine.exchanges.paper.enabled: true cannot be combined with live venues ("
                        + String.join(", ", live.stream().map(v -> v.exchange().key()).toList())
                        + "); allowed: paper alone, or live venues with paper disabled");
            }
            return streams.isEmpty() ? List.of(new XChangeExchangeModule(live))
                    : List.of(new XChangeExchangeModule(live), new XChangeMarketDataModule(streams));
        }
        if (!exchanges.paper().enabled()) {
            throw new ConfigException("engine.exchanges: no exchange is enabled; enable paper (the simulated venues)");
        }
        PaperExchangeConfig paper = paperConfig(exchanges.paper(), config.costModel().fees());
        return List.of(new MarketSimulatorModule(paper.market()), new PaperExchangeModule(paper));
    }

    /** The paper venues charge the fees the cost model expects: maker and taker bps with the discount applied. */
    static PaperExchangeConfig paperConfig(PaperExchangeSection section, Map<String, FeeSchedule> fees) {
        var tiers = new EnumMap<ExchangeId, FeeTier>(ExchangeId.class);
        fees.forEach((exchange, schedule) -> tiers.put(ExchangeId.fromKey(exchange), new FeeTier(schedule.tier(),
                schedule.makerBps() * (1 - schedule.discount()), schedule.takerBps() * (1 - schedule.discount()))));
        var market = new MarketSimulatorConfig(section.seed(), section.market(), section.updateInterval(),
                section.fundingInterval(), section.fundingPublishInterval(), section.meanRegimeDuration(),
                section.volatilityScale(), BigDecimal.valueOf(section.minNotional()));
        return new PaperExchangeConfig(BigDecimal.valueOf(section.startingBalance()), section.latency(),
                section.leverage(), section.depthLevels(), tiers, market);
    }

    /** The enabled live venues, their secrets resolved from the environment. */
    public static List<XChangeVenueConfig> liveVenues(ExchangesSection exchanges, String quoteCurrency,
                                                      Map<String, String> environment) {
        List<XChangeVenueConfig> venues = new ArrayList<>();
        addIfEnabled(venues, ExchangeId.BINANCE, exchanges.binance(), quoteCurrency, environment);
        addIfEnabled(venues, ExchangeId.OKX, exchanges.okx(), quoteCurrency, environment);
        addIfEnabled(venues, ExchangeId.BYBIT, exchanges.bybit(), quoteCurrency, environment);
        return venues;
    }

    /** How often a live session polls its working orders on each enabled live venue. */
    public static Map<ExchangeId, Duration> workingOrderPollIntervals(ExchangesSection exchanges) {
        Map<ExchangeId, Duration> intervals = new EnumMap<>(ExchangeId.class);
        for (var venue : Map.of(ExchangeId.BINANCE, exchanges.binance(), ExchangeId.OKX, exchanges.okx(),
                ExchangeId.BYBIT, exchanges.bybit()).entrySet()) {
            if (venue.getValue().enabled()) {
                intervals.put(venue.getKey(), venue.getValue().workingOrderPollInterval());
            }
        }
        return intervals;
    }

    /** The streams of the enabled live venues that enable them; a stream of a disabled venue stops the start. */
    public static List<XChangeStreamConfig> liveStreams(ExchangesSection exchanges) {
        List<XChangeStreamConfig> streams = new ArrayList<>();
        addStreamIfEnabled(streams, ExchangeId.BINANCE, exchanges.binance());
        addStreamIfEnabled(streams, ExchangeId.OKX, exchanges.okx());
        addStreamIfEnabled(streams, ExchangeId.BYBIT, exchanges.bybit());
        return streams;
    }

    private static void addStreamIfEnabled(List<XChangeStreamConfig> streams, ExchangeId exchange, VenueSection venue) {
        StreamSection stream = venue.stream();
        if (!stream.enabled()) {
            return;
        }
        if (!venue.enabled()) {
            throw new ConfigException("engine.exchanges." + exchange.key() + ".stream.enabled: true needs engine.exchanges."
                    + exchange.key() + ".enabled: true (streams share the venue's request budget and listings)");
        }
        try {
            streams.add(new XChangeStreamConfig(exchange, stream.url(), stream.coinsPerConnection(), stream.connectTimeout(),
                    stream.reconnectBackoff(), stream.reconnectBackoffMax(), stream.maxReconnects(), stream.staleAfter(),
                    stream.snapshotDepth()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static void addIfEnabled(List<XChangeVenueConfig> venues, ExchangeId exchange, VenueSection venue,
                                     String quoteCurrency, Map<String, String> environment) {
        if (!venue.enabled()) {
            return;
        }
        String key = "engine.exchanges." + exchange.key();
        String apiKey = resolve(key + ".api_key", venue.apiKey(), environment);
        String apiSecret = resolve(key + ".api_secret", venue.apiSecret(), environment);
        String passphrase = resolve(key + ".passphrase", venue.passphrase(), environment);
        try {
            venues.add(new XChangeVenueConfig(exchange, venue.market(), apiKey, apiSecret, passphrase, venue.baseUrl(),
                    venue.connectTimeout(), venue.readTimeout(), quoteCurrency, venue.maxRetries(), venue.retryBackoff(),
                    venue.maxRateLimitWait(), venue.breakerFailures(), venue.breakerOpenFor(), venue.rateLimitScale()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Opens the Parquet market-data store at {@code engine.storage.root}; the caller closes it. */
    public static MarketDataStore marketDataStore(StorageSection storage) {
        return ParquetStores.open(ParquetStoreSettings.of(Path.of(storage.root()), storage.compression()));
    }

    /** Resolves a secret reference from the environment; a reference to an unset variable stops the start. */
    static String resolve(String key, Secret secret, Map<String, String> environment) {
        if (!secret.isConfigured()) {
            return "";
        }
        String value = environment.get(secret.environmentVariable());
        if (value == null) {
            throw new ConfigException(key + ": " + secret.reference() + " is not set in the environment");
        }
        return value;
    }
}
