// The store's schema as a list of migrations (PRAGMA user_version counts the ones applied).
// docs/STORE.md documents every table, column and index; keep both in step. A new schema
// version appends a migration here; never edit one that has shipped.
#include "store/impl.h"

namespace dyad::store {

const char* const kMigrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles(
  id           INTEGER PRIMARY KEY,
  doc_id       TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  lang         TEXT NOT NULL,
  title        TEXT NOT NULL,
  date         TEXT NOT NULL,
  source       TEXT NOT NULL,
  url          TEXT NOT NULL,
  outlet       TEXT NOT NULL,
  text_bytes   INTEGER NOT NULL,
  sentences    INTEGER NOT NULL,
  num_mentions INTEGER NOT NULL,
  origin       TEXT NOT NULL,
  ingested_at  TEXT NOT NULL
);

CREATE TABLE mentions(
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id),
  ordinal        INTEGER NOT NULL,
  event_key      TEXT NOT NULL,
  sentence_index INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  sentence       TEXT NOT NULL,
  source_code    TEXT NOT NULL,
  source_country TEXT NOT NULL,
  source_text    TEXT NOT NULL,
  source_start   INTEGER NOT NULL,
  source_end     INTEGER NOT NULL,
  target_code    TEXT NOT NULL,
  target_country TEXT NOT NULL,
  target_text    TEXT NOT NULL,
  target_start   INTEGER NOT NULL,
  target_end     INTEGER NOT NULL,
  code           TEXT NOT NULL,
  base           TEXT NOT NULL,
  root           TEXT NOT NULL,
  quad           INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  plover_type    TEXT NOT NULL,
  plover_mode    TEXT NOT NULL,
  plover_context TEXT NOT NULL,
  polarity       TEXT NOT NULL,
  modality       TEXT NOT NULL,
  attribution    TEXT NOT NULL,
  status         TEXT NOT NULL,
  date           TEXT NOT NULL,
  day            INTEGER,
  place          TEXT NOT NULL,
  quantities     TEXT NOT NULL,
  verb_text      TEXT NOT NULL,
  verb_start     INTEGER NOT NULL,
  verb_end       INTEGER NOT NULL,
  rule_file      TEXT NOT NULL,
  rule_line      INTEGER NOT NULL,
  rule_pattern   TEXT NOT NULL,
  UNIQUE(article_id, ordinal)
);
CREATE INDEX mentions_event_key ON mentions(event_key);

CREATE TABLE events(
  id             INTEGER PRIMARY KEY,
  block          TEXT NOT NULL,
  status         TEXT NOT NULL,
  dyad           TEXT NOT NULL,
  symmetric      INTEGER NOT NULL,
  actor1_code    TEXT NOT NULL,
  actor1_country TEXT NOT NULL,
  actor1_name    TEXT NOT NULL,
  actor2_code    TEXT NOT NULL,
  actor2_country TEXT NOT NULL,
  actor2_name    TEXT NOT NULL,
  code           TEXT NOT NULL,
  base           TEXT NOT NULL,
  root           TEXT NOT NULL,
  quad           INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  plover_type    TEXT NOT NULL,
  plover_mode    TEXT NOT NULL,
  plover_context TEXT NOT NULL,
  place          TEXT NOT NULL,
  date           TEXT NOT NULL,
  end_date       TEXT NOT NULL,
  first_day      INTEGER,
  last_day       INTEGER,
  first_seen     TEXT NOT NULL,
  last_seen      TEXT NOT NULL,
  num_mentions   INTEGER NOT NULL,
  num_sources    INTEGER NOT NULL,
  num_articles   INTEGER NOT NULL,
  num_contests   INTEGER NOT NULL,
  rep_mention_id INTEGER NOT NULL REFERENCES mentions(id)
);
CREATE INDEX events_block      ON events(block, first_day);
CREATE INDEX events_date       ON events(date);
CREATE INDEX events_a1_country ON events(actor1_country, date);
CREATE INDEX events_a2_country ON events(actor2_country, date);
CREATE INDEX events_a1_code    ON events(actor1_code, date);
CREATE INDEX events_a2_code    ON events(actor2_code, date);
CREATE INDEX events_code       ON events(code, date);

CREATE TABLE links(
  mention_id INTEGER NOT NULL REFERENCES mentions(id),
  role       TEXT NOT NULL,
  event_id   INTEGER NOT NULL REFERENCES events(id),
  match      TEXT NOT NULL,
  reason     TEXT NOT NULL,
  PRIMARY KEY(mention_id, role)
) WITHOUT ROWID;
CREATE INDEX links_event ON links(event_id, role);

CREATE TABLE actor_names(
  code     TEXT NOT NULL,
  name     TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY(code, name)
) WITHOUT ROWID;
CREATE INDEX actor_names_name ON actor_names(name);

-- Kept in step by dyad (not by triggers: FTS5 flushes at every statement savepoint, which
-- would make ingest several times slower). After editing mentions by hand, rebuild it with
-- INSERT INTO mention_fts(mention_fts) VALUES ('rebuild').
CREATE VIRTUAL TABLE mention_fts USING fts5(
  sentence, content='mentions', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE VIEW event_mentions AS
  SELECT l.event_id, l.role, l.match, l.reason,
         m.id AS mention_id, m.event_key, m.status, m.date, m.code, m.source_code, m.target_code,
         m.place, m.sentence, a.doc_id, a.outlet, a.url, a.date AS article_date
  FROM links l JOIN mentions m ON m.id = l.mention_id JOIN articles a ON a.id = m.article_id;
)sql",
    // 1 -> 2: event places with their country and coordinates (the gazetteer's).
    R"sql(
ALTER TABLE mentions ADD COLUMN place_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN place_country TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN place_lat REAL;
ALTER TABLE mentions ADD COLUMN place_lon REAL;
ALTER TABLE events ADD COLUMN place_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_country TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_lat REAL;
ALTER TABLE events ADD COLUMN place_lon REAL;
)sql",
    // 2 -> 3: how each actor of a mention was found: its country taken from the article
    // (inferred), or no words named it at all (implied: a "[CODE home]" target or a passive's
    // doer).
    R"sql(
ALTER TABLE mentions ADD COLUMN source_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN source_implied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN target_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN target_implied INTEGER NOT NULL DEFAULT 0;
)sql",
};

const int kMigrationCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion,
              "one migration per schema version");

}  // namespace dyad::store
