-- tradecheck database schema, version 5 (PRAGMA user_version = 5).
--
-- This file is embedded in the tradecheck binary and run, inside one transaction, on a fresh
-- database (user_version 0, no tables). The program sets user_version after running it, so the
-- file holds no PRAGMA and no BEGIN/COMMIT. Older databases are brought up to date by the
-- migration steps in db/src/migrate.cpp instead; this file always describes the newest schema.
--
-- Conventions (users query this file directly with sqlite3, see docs/schema.md):
--   * Text columns are never NULL, except articles.published; "" means unknown.
--   * Numbers that are unbounded (an open lower or upper bound, +-infinity in the program) or
--     not a number are NULL.
--   * "end" is quoted here because END is an SQL keyword; sqlite3 also accepts a bare c.end.

-- One row per article, identified by its id (the file name, or the front-matter id).
CREATE TABLE articles (
    id          TEXT PRIMARY KEY NOT NULL,
    path        TEXT NOT NULL DEFAULT '',      -- where it was read from; '-' for stdin
    sha256      TEXT NOT NULL,                 -- hex digest of text plus metadata: its identity
    title       TEXT NOT NULL DEFAULT '',
    outlet      TEXT NOT NULL DEFAULT '',
    published   TEXT,                          -- ISO date YYYY-MM-DD, NULL when unknown
    currency    TEXT NOT NULL DEFAULT 'USD',   -- what a bare "$" means in this article
    text        TEXT NOT NULL,                 -- UTF-8 body, front matter removed
    ingested_at TEXT NOT NULL                  -- UTC time of the last insert or replace
                DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    metadata    TEXT NOT NULL DEFAULT '',      -- JSON object of a JSON Lines record's other
                                               -- fields (e.g. {"topics":["trade"]}); '' if none.
                                               -- Added within version 1: older files get it
                                               -- (last as here) when opened for writing.
                                               -- No commas in these comments: ALTER TABLE
                                               -- DROP COLUMN misreads a comma before a column
    fingerprint TEXT                           -- JSON Lines: 128-bit hex fingerprint of the
                                               -- record's line: how a re-ingest knows it is
                                               -- unchanged without SHA-256. NULL for files
                                               -- and for rows stored before it existed.
                                               -- Added within version 1 like metadata
);

-- One row per numeric claim. Deleting an article deletes its claims.
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,                 -- tariff_rate, trade_target, export_share, ...
    key         TEXT NOT NULL DEFAULT '',      -- canonical fact key; claims with equal keys
                                               -- state the same fact
    text        TEXT NOT NULL,                 -- the exact quoted span of the article
    -- Half-open [start, end) offsets in Unicode code points into articles.text, so that
    -- substr(a.text, c.start + 1, c."end" - c.start) = c.text.
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" >= start),
    value       REAL,                          -- the figure (midpoint for ranges); NULL if NaN
    low         REAL,                          -- lower bound as printed; NULL = unbounded below
    high        REAL,                          -- upper bound as printed; NULL = unbounded above
    unit        TEXT NOT NULL DEFAULT '',      -- percent, percentage_point, USD, year, ...
    qualifier   TEXT NOT NULL DEFAULT 'exact'  -- exact, about, more_than, at_least, ...
                CHECK (qualifier IN ('exact', 'about', 'more_than', 'at_least',
                                     'less_than', 'at_most', 'between')),
    exponent    INTEGER NOT NULL DEFAULT 0,    -- decimal exponent of the last printed digit
    type        TEXT NOT NULL DEFAULT 'number' -- quantity type
                CHECK (type IN ('number', 'percent', 'money', 'multiplier', 'year',
                                'duration')),
    relation    TEXT NOT NULL DEFAULT 'none'   -- how a year/duration quantity dates a figure
                CHECK (relation IN ('none', 'in', 'by', 'within_next', 'end_of_decade',
                                    'relative')),
    actor       TEXT NOT NULL DEFAULT '',      -- ISO 3166-1 alpha-3, EU; '' when unknown
    partner     TEXT NOT NULL DEFAULT '',
    product     TEXT NOT NULL DEFAULT '',      -- product id (rules/names/products.tsv)
    metric      TEXT NOT NULL DEFAULT '',      -- metric id (rules/names/metrics.tsv)
    basis       TEXT NOT NULL DEFAULT '',      -- measurement basis when the text names one
    period      TEXT NOT NULL DEFAULT 'open' CHECK (period IN ('open', 'in', 'by')),
    year        INTEGER,                       -- the year the figure is for / its horizon
    year_low    INTEGER,                       -- horizon range when the text is approximate
    year_high   INTEGER,
    rule_id     TEXT NOT NULL DEFAULT '',      -- the rule that made the claim (rules.id)
    rules_hash  TEXT NOT NULL DEFAULT '',      -- hash of the whole rule set at extraction
    -- Added in version 2: what the figure's frame says (docs/frames.md).
    role        TEXT NOT NULL DEFAULT '',      -- level, previous, target, change_rate, ...
    status      TEXT NOT NULL DEFAULT '',      -- in_effect, announced, threatened, proposed, ...
    measure     TEXT NOT NULL DEFAULT '',      -- the measured phrase as printed ("tea exports")
    -- Added in version 3: when the figure holds (docs/checks.md "Facts in time").
    -- No quotes or commas in these comments: ALTER TABLE DROP COLUMN misreads them.
    valid_from  TEXT NOT NULL DEFAULT '',      -- ISO day it holds from; empty when unknown
    valid_to    TEXT NOT NULL DEFAULT '',      -- ISO day it holds until; empty when open
    time_source TEXT NOT NULL DEFAULT '',      -- text: a date the text gives; article: the
                                               -- day of the article; period: the period of
                                               -- the figure
    transition  INTEGER NOT NULL DEFAULT 0     -- above 0: the two sides of one change in one
                                               -- sentence (cut to 20% from 44%) share it
                                               -- within their article
);

CREATE INDEX claims_key ON claims(key);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_kind ON claims(kind);

-- (id, fingerprint, sha256) covers "is this article stored with this fingerprint (or digest)?",
-- the one question a re-ingest of an unchanged corpus asks per article, without reading the
-- article rows and their text. Added within version 1: older files get it, in place of their
-- articles_digest (id, sha256), when opened for writing.
CREATE INDEX articles_identity ON articles(id, fingerprint, sha256);

-- The rules in force at the last ingest (replaced as a whole on each ingest).
CREATE TABLE rules (
    id    TEXT PRIMARY KEY NOT NULL,
    kind  TEXT NOT NULL DEFAULT '',            -- the claim kind the rule makes
    file  TEXT NOT NULL DEFAULT '',            -- rule file, relative to the rules directory
    line  INTEGER NOT NULL DEFAULT 0,          -- line of the rule in that file
    hash  TEXT NOT NULL DEFAULT ''             -- hash of the rule's own text
);

-- Each claim with its article's title, outlet and date, the quote, and up to 40 code points
-- of context on each side of it.
CREATE VIEW claim_view AS
SELECT
    c.id          AS claim_id,
    c.article_id  AS article_id,
    a.title       AS title,
    a.outlet      AS outlet,
    a.published   AS published,
    c.kind        AS kind,
    c.key         AS key,
    c.text        AS quote,
    c.start       AS start,
    c."end"       AS "end",
    c.value       AS value,
    c.low         AS low,
    c.high        AS high,
    c.unit        AS unit,
    c.qualifier   AS qualifier,
    c.exponent    AS exponent,
    c.type        AS type,
    c.actor       AS actor,
    c.partner     AS partner,
    c.product     AS product,
    c.metric      AS metric,
    c.basis       AS basis,
    c.period      AS period,
    c.year        AS year,
    c.year_low    AS year_low,
    c.year_high   AS year_high,
    c.rule_id     AS rule_id,
    c.rules_hash  AS rules_hash,
    c.role        AS role,
    c.status      AS status,
    c.measure     AS measure,
    c.valid_from  AS valid_from,
    c.valid_to    AS valid_to,
    c.time_source AS time_source,
    c.transition  AS transition,
    substr(a.text, max(c.start - 40, 0) + 1, c."end" - max(c.start - 40, 0) + 40) AS context
FROM claims AS c
JOIN articles AS a ON a.id = c.article_id;

-- Each fact's values over time: one row per claim that has a time, with its status (in_effect,
-- announced, threatened, proposed, expected, previous, target) and its source. A fact's
-- series is its key; order by valid_from to read it as a timeline (docs/schema.md).
CREATE VIEW timeline_view AS
SELECT
    c.key         AS fact,
    c.kind        AS kind,
    c.actor       AS actor,
    c.partner     AS partner,
    c.product     AS product,
    c.valid_from  AS valid_from,
    c.valid_to    AS valid_to,
    c.time_source AS time_source,
    c.value       AS value,
    c.unit        AS unit,
    c.status      AS status,
    c.role        AS role,
    c.transition  AS transition,
    c.article_id  AS article,
    a.outlet      AS outlet,
    a.published   AS published,
    c.text        AS quote,
    c.id          AS claim_id
FROM claims AS c
JOIN articles AS a ON a.id = c.article_id
WHERE c.key <> '' AND (c.valid_from <> '' OR c.valid_to <> '');

-- One row per fact key: a quick look at which facts the articles agree or disagree on.
-- status: 'single'   one article states the fact;
--         'agree'    every claim's [low, high] interval shares at least one point;
--         'conflict' some two intervals are disjoint.
-- This is a plain interval test on the numbers as printed. The authoritative verdict, which
-- widens intervals for rounding (exponent) and qualifiers and compares units, is
-- `tradecheck check`. Claims with an empty key are not facts and are left out.
-- NULL low/high mean unbounded; min()/max() skip NULLs, which is exactly right for
-- "largest lower bound" and "smallest upper bound".
CREATE VIEW fact_view AS
SELECT
    key,
    min(kind)                          AS kind,
    count(DISTINCT article_id)         AS sources,
    count(*)                           AS claims,
    CASE WHEN count(low) = count(*) THEN min(low) END   AS low,  -- NULL: some claim unbounded
    CASE WHEN count(high) = count(*) THEN max(high) END AS high,
    min(value)                         AS min_value,
    max(value)                         AS max_value,
    group_concat(DISTINCT unit)        AS units,
    CASE
        WHEN count(DISTINCT article_id) = 1 THEN 'single'
        WHEN max(low) IS NULL OR min(high) IS NULL OR max(low) <= min(high) THEN 'agree'
        ELSE 'conflict'
    END                                AS status
FROM claims
WHERE key <> ''
GROUP BY key;

-- Official figures that claims are checked against (`tradecheck reference import FILE.csv`).
-- key is built like claims.key, so `JOIN reference r ON r.key = c.key` pairs them.
CREATE TABLE reference (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL,                 -- fact key (see claims.key)
    kind     TEXT NOT NULL,
    actor    TEXT NOT NULL DEFAULT '',
    partner  TEXT NOT NULL DEFAULT '',
    product  TEXT NOT NULL DEFAULT '',
    metric   TEXT NOT NULL DEFAULT '',
    basis    TEXT NOT NULL DEFAULT '',
    period   TEXT NOT NULL DEFAULT '',      -- 1986, 1987-02, "by 2035", or '' for none
    value    REAL NOT NULL,
    low      REAL NOT NULL,                 -- the range the official figure allows
    high     REAL NOT NULL,
    unit     TEXT NOT NULL,
    source   TEXT NOT NULL,                 -- who publishes it
    url      TEXT NOT NULL DEFAULT '',
    UNIQUE (key, source)
);

-- What `tradecheck check --save` decided: one row per run, stamped with its time and options,
-- then its facts, their claims and the copies it found (docs/checks.md, "Verdicts in the
-- database"). The check writes a run in one short transaction at its end. Nothing here is
-- computed by SQL: the views below only join what the check decided. No semicolons in the
-- comments of these statements: an upgrade reads each statement up to its first one.
CREATE TABLE check_runs (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    options  TEXT NOT NULL DEFAULT '{}'     -- JSON object of the check's options
);

-- One row per fact a run reported.
CREATE TABLE verdicts (
    run_id     INTEGER NOT NULL REFERENCES check_runs(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,               -- the fact key the report shows
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,               -- conflict, stale, revised, changed, not_comparable,
                                            -- agree, single
    sources    INTEGER NOT NULL,            -- independent sources (a family of copies is one)
    note       TEXT NOT NULL DEFAULT '',    -- why, for people
    gap        REAL,                        -- largest relative gap of the disagreeing pairs
                                            -- listed (0.08 = 8%) or NULL when none
    mirror_key TEXT NOT NULL DEFAULT '',    -- the other side of a mirror relation, if it joined
    PRIMARY KEY (run_id, key)
);

-- One row per claim of each fact of a run, and how it joined the fact.
CREATE TABLE verdict_claims (
    run_id   INTEGER NOT NULL,
    key      TEXT NOT NULL,
    claim_id INTEGER NOT NULL,              -- claims.id when the run was made (a later ingest
                                            -- may have replaced the claim)
    matched  TEXT NOT NULL,                 -- exact, undated, unified_partner, mirror, ...
    PRIMARY KEY (run_id, key, claim_id),
    FOREIGN KEY (run_id, key) REFERENCES verdicts(run_id, key) ON DELETE CASCADE
);

-- The copies a run found among all the articles: each is one source with its family.
CREATE TABLE verdict_copies (
    run_id     INTEGER NOT NULL REFERENCES check_runs(id) ON DELETE CASCADE,
    article    TEXT NOT NULL,
    copy_of    TEXT NOT NULL,               -- the earlier story it copies
    family     TEXT NOT NULL,               -- the earliest story of its family
    similarity REAL NOT NULL,               -- estimated Jaccard similarity with copy_of
    PRIMARY KEY (run_id, article)
);

-- The facts of the latest saved run, as the report of that run shows them.
CREATE VIEW verdict_view AS
SELECT v.key, v.kind, v.status, v.sources, v.note, v.gap, v.mirror_key,
       (SELECT count(*) FROM verdict_claims vc WHERE vc.run_id = v.run_id AND vc.key = v.key) AS claims,
       r.id AS run_id, r.at AS checked_at, r.options
FROM verdicts v JOIN check_runs r ON r.id = v.run_id
WHERE v.run_id = (SELECT max(id) FROM check_runs);

-- The claims of each fact of the latest saved run, with their article and how they joined.
CREATE VIEW verdict_claim_view AS
SELECT vc.key, v.status, vc.matched, c.id AS claim_id, c.article_id, a.outlet, a.published,
       c.text, c.value, c.unit, c.qualifier, c.year,
       (SELECT cp.family FROM verdict_copies cp WHERE cp.run_id = vc.run_id
          AND cp.article = c.article_id) AS copy_family
FROM verdict_claims vc
JOIN verdicts v ON v.run_id = vc.run_id AND v.key = vc.key
LEFT JOIN claims c ON c.id = vc.claim_id
LEFT JOIN articles a ON a.id = c.article_id
WHERE vc.run_id = (SELECT max(id) FROM check_runs);
