package io.huracan.bootstrap.engine;

import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.report.EquityPoint;
import io.huracan.bootstrap.report.ExposurePoint;
import io.huracan.bootstrap.report.FillRow;
import io.huracan.bootstrap.report.OrderCost;
import io.huracan.bootstrap.report.SessionRecording;
import io.huracan.bootstrap.report.UtilisationPoint;
import io.huracan.domain.cost.CostOutcome;
import io.huracan.domain.risk.ExposureScope;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskLimits;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a {@link SessionRecording} as a session runs: once per second of market time equity, exposure and
 * utilisation; and every fill and completed order's predicted against realised cost as they happen. Simulated, the
 * samples are taken at the step barrier, so the picture is consistent and the same on every run with the same seed;
 * on live streams, a second of market time is a second of real time, and the samples are taken as the live driver
 * ticks (once per evaluation interval), while the loops trade on.
 */
public final class SessionRecorder implements EngineObserver {
    private static final long SAMPLE_MICROS = 1_000_000;

    private final SessionRecording recording;
    private final RiskController risk;
    private final RiskLimits limits;
    private final int maxTrades;
    private final List<Coin> coins;
    private final long startMicros;
    private long nextSampleMicros;

    public SessionRecorder(SessionRecording recording, HuracanEngine engine) {
        this.recording = recording;
        this.risk = engine.risk();
        EngineConfig config = engine.config();
        this.limits = config.risk();
        this.maxTrades = config.maxConcurrentTrades();
        this.coins = config.universe().coins().stream().map(CoinListing::symbol).toList();
        this.startMicros = engine.clock().epochMicros();
        this.nextSampleMicros = startMicros;
    }

    /** The step listener: samples when a second of market time (live: of real time) has passed. */
    public void onStep(long marketMicros) {
        if (marketMicros < nextSampleMicros) {
            return;
        }
        nextSampleMicros = marketMicros + SAMPLE_MICROS;
        double realised = 0;
        double unrealised = 0;
        for (Coin coin : coins) {
            realised += risk.realisedPnl(coin);
            unrealised += risk.unrealisedPnl(coin);
        }
        recording.add(new EquityPoint(marketMicros, risk.equity(), realised, unrealised));
        RiskUniverse universe = risk.universe();
        Map<String, Double> bySector = new LinkedHashMap<>();
        double maxSector = 0;
        for (int s = 0; s < universe.sectorCount(); s++) {
            double exposure = risk.exposure(ExposureScope.SECTOR, s);
            maxSector = Math.max(maxSector, exposure);
            if (exposure > 0) {
                bySector.put(universe.sector(s).name(), exposure);
            }
        }
        Map<String, Double> byExchange = new LinkedHashMap<>();
        double maxExchange = 0;
        for (ExchangeId exchange : ExchangeId.values()) {
            double exposure = risk.exposure(ExposureScope.EXCHANGE, exchange.ordinal());
            maxExchange = Math.max(maxExchange, exposure);
            if (exposure > 0) {
                byExchange.put(exchange.key(), exposure);
            }
        }
        double maxCoin = 0;
        for (int c = 0; c < universe.coinCount(); c++) {
            maxCoin = Math.max(maxCoin, risk.exposure(ExposureScope.COIN, c));
        }
        recording.add(new ExposurePoint(marketMicros, bySector, byExchange));
        double net = Math.max(risk.exposure(ExposureScope.NET_LONG, 0), risk.exposure(ExposureScope.NET_SHORT, 0));
        recording.add(new UtilisationPoint(marketMicros, Map.of(
                "coin (highest)", maxCoin / limits.limits().perCoin(),
                "sector (highest)", maxSector / limits.limits().perSector(),
                "exchange (highest)", maxExchange / limits.limits().perExchange(),
                "global gross", risk.exposure(ExposureScope.GLOBAL_GROSS, 0) / limits.limits().globalGross(),
                "global net", net / limits.limits().globalNet(),
                "open trades", (double) risk.openTrades() / maxTrades)));
    }

    @Override
    public void onExecution(ExecutionReport report) {
        report.lastFill().ifPresent(fill -> recording.add(new FillRow((fill.timestampMicros() - startMicros) / 1_000,
                fill.coin().symbol(), fill.exchange().key(), fill.side().name().toLowerCase(Locale.ROOT),
                fill.price().toString(), fill.quantity().toString(), fill.feeQuote().toPlainString(), fill.maker())));
    }

    @Override
    public void onCostOutcome(Coin coin, ExchangeId exchange, CostOutcome outcome) {
        recording.add(new OrderCost(outcome.id().value(), coin.symbol(), exchange.key(), outcome.predictedBps(),
                outcome.realisedBps()));
    }
}
