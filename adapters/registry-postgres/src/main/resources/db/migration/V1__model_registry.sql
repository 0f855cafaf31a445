-- The model registry (issue 5). One row per model version, its out-of-sample metrics beside it, and an
-- append-only history of status changes. Enum values are the lower-case keys the ports use.

-- Versions are numbered per name; the counter row makes numbering atomic under concurrent registration.
CREATE TABLE model_name (
    name         text    PRIMARY KEY,
    last_version integer NOT NULL CHECK (last_version >= 1)
);

CREATE TABLE model_version (
    name          text        NOT NULL REFERENCES model_name (name),
    version       integer     NOT NULL CHECK (version >= 1),
    kind          text        NOT NULL,
    regime        text        NOT NULL CHECK (regime IN ('trending_up', 'trending_down', 'ranging', 'high_volatility')),
    status        text        NOT NULL CHECK (status IN ('candidate', 'active', 'inactive', 'retired')),
    features      text[]      NOT NULL,
    parameters    float8[]    NOT NULL,
    artifact      text        NOT NULL,
    training_from timestamptz NOT NULL,
    training_to   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    trained_by    text        NOT NULL,
    PRIMARY KEY (name, version)
);

-- The engine's refresh reads active models per regime; `huracan registry list` filters by regime and status.
CREATE INDEX model_version_by_regime_status ON model_version (regime, status);
CREATE INDEX model_version_by_status ON model_version (status);

CREATE TABLE model_metrics (
    name                     text     NOT NULL,
    version                  integer  NOT NULL,
    sharpe                   float8   NOT NULL,
    sortino                  float8   NOT NULL,
    win_rate                 float8   NOT NULL CHECK (win_rate BETWEEN 0 AND 1),
    max_drawdown             float8   NOT NULL CHECK (max_drawdown BETWEEN 0 AND 1),
    trade_count              integer  NOT NULL CHECK (trade_count >= 0),
    mean_edge_after_cost_bps float8   NOT NULL,
    PRIMARY KEY (name, version),
    FOREIGN KEY (name, version) REFERENCES model_version (name, version)
);

CREATE TABLE model_status_change (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL,
    version     integer     NOT NULL,
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    reason      text        NOT NULL,
    FOREIGN KEY (name, version) REFERENCES model_version (name, version)
);
CREATE INDEX model_status_change_by_model ON model_status_change (name, version, id);

-- One row per regime: a promotion locks its regime's row first (SELECT ... FOR UPDATE), so promotions into
-- one regime run one after another and each decides on the committed active set, even when that set is empty
-- and there would be no model row to lock.
CREATE TABLE regime_promotion_lock (
    regime text PRIMARY KEY
);
INSERT INTO regime_promotion_lock (regime) VALUES ('trending_up'), ('trending_down'), ('ranging'), ('high_volatility');
