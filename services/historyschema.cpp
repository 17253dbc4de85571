// SPDX-License-Identifier: GPL-3.0-or-later
// The migration steps of the history database and the code that applies them.
//
// Schema (version 4; units in the column names: _ns nanoseconds, _bytes bytes, _pages 4 KiB
// pages, _at milliseconds since 1970-01-01 UTC). Unsigned 64-bit values are stored as the
// two's-complement bit pattern of a signed INTEGER, so values >= 2^63 read back exactly through
// HistoryStore but show as negative numbers in the sqlite3 shell.
//
//   runs            one row per sandbox run
//     id INTEGER PRIMARY KEY AUTOINCREMENT (never reused), scenario, source, variant ('' = none),
//     design ('virtual' | 'classic'), seed, started_at, finished_at (NULL while running),
//     status ('running' | 'done' | 'failed' | 'cancelled'), error ('' unless failed),
//     report_json ('' until the end), host (v3), version (v3: swaptier version)
//   samples         one row per SandboxSample, UNIQUE (run_id, seq)
//     id, run_id -> runs, seq (0, 1, ... in the order recorded), elapsed_ns, round, progress
//     (REAL, 0..1), the 18 SandboxCounters (cumulative) and the 9 DesignFigures (v4:
//     pool_writebacks)
//   tier_samples    (v2) one row per TierUsage of a sample, PRIMARY KEY (sample_id, position)
//     sample_id -> samples, position (index in SandboxSample::tiers), name, backend ('zero' |
//     'pool' | 'device' | 'memory'), device (index into the config's devices, -1 = none),
//     entries, original_bytes, stored_bytes, capacity_bytes (0 = no limit), tier (v4: the
//     device's tier, '' for other rows, a device outside every tier or one swapped off)
//   cgroup_samples  (v2) one row per CgroupUsage of a sample, PRIMARY KEY (sample_id, position)
//     sample_id -> samples, position, name, memory_max (bytes, NULL = no limit), resident_pages,
//     peak_resident_pages, swapped_{zero,pool,device,memory}_pages, pool_bytes, and the 18
//     counters of the cgroup alone
//
// Foreign keys cascade on delete, so deleting a run deletes its samples and their rows.
#include "historyschema.h"

#include <sqlite3.h>

#include <iterator>

namespace swaptier::services {

namespace {

// Step 1: runs and samples, every counter and design figure as a column of its own so that a
// plot of one figure over a run is a plain indexed SELECT.
constexpr const char* kStep1 = R"sql(
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario    TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    variant     TEXT    NOT NULL DEFAULT '',
    design      TEXT    NOT NULL,
    seed        INTEGER NOT NULL,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT    NOT NULL,
    error       TEXT    NOT NULL DEFAULT '',
    report_json TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE samples (
    id                       INTEGER PRIMARY KEY,
    run_id                   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq                      INTEGER NOT NULL,
    elapsed_ns               INTEGER NOT NULL,
    round                    INTEGER NOT NULL,
    progress                 REAL    NOT NULL,
    accesses                 INTEGER NOT NULL DEFAULT 0,
    writes                   INTEGER NOT NULL DEFAULT 0,
    first_touch_faults       INTEGER NOT NULL DEFAULT 0,
    swap_in_faults           INTEGER NOT NULL DEFAULT 0,
    refaults                 INTEGER NOT NULL DEFAULT 0,
    refault_activations      INTEGER NOT NULL DEFAULT 0,
    swap_outs                INTEGER NOT NULL DEFAULT 0,
    cow_breaks               INTEGER NOT NULL DEFAULT 0,
    forks                    INTEGER NOT NULL DEFAULT 0,
    exits                    INTEGER NOT NULL DEFAULT 0,
    scanned                  INTEGER NOT NULL DEFAULT 0,
    activations              INTEGER NOT NULL DEFAULT 0,
    deactivations            INTEGER NOT NULL DEFAULT 0,
    reclaim_failures         INTEGER NOT NULL DEFAULT 0,
    over_limit_charges       INTEGER NOT NULL DEFAULT 0,
    swap_max_hits            INTEGER NOT NULL DEFAULT 0,
    zswap_max_hits           INTEGER NOT NULL DEFAULT 0,
    verified_pages           INTEGER NOT NULL DEFAULT 0,
    disk_reserved_bytes      INTEGER NOT NULL DEFAULT 0,
    peak_disk_reserved_bytes INTEGER NOT NULL DEFAULT 0,
    metadata_bytes           INTEGER NOT NULL DEFAULT 0,
    peak_metadata_bytes      INTEGER NOT NULL DEFAULT 0,
    pages_written            INTEGER NOT NULL DEFAULT 0,
    pages_read               INTEGER NOT NULL DEFAULT 0,
    cpu_ns                   INTEGER NOT NULL DEFAULT 0,
    wall_ns                  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (run_id, seq)
);
)sql";

// Step 2: the per-tier and per-cgroup state of each sample. WITHOUT ROWID tables clustered on
// (sample_id, position): the rows of one sample are adjacent and come back in their order, and
// the primary key is the index the reads and the cascading deletes use.
constexpr const char* kStep2 = R"sql(
CREATE TABLE tier_samples (
    sample_id      INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    backend        TEXT    NOT NULL,
    device         INTEGER NOT NULL DEFAULT -1,
    entries        INTEGER NOT NULL DEFAULT 0,
    original_bytes INTEGER NOT NULL DEFAULT 0,
    stored_bytes   INTEGER NOT NULL DEFAULT 0,
    capacity_bytes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sample_id, position)
) WITHOUT ROWID;
CREATE TABLE cgroup_samples (
    sample_id            INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
    position             INTEGER NOT NULL,
    name                 TEXT    NOT NULL,
    memory_max           INTEGER,
    resident_pages       INTEGER NOT NULL DEFAULT 0,
    peak_resident_pages  INTEGER NOT NULL DEFAULT 0,
    swapped_zero_pages   INTEGER NOT NULL DEFAULT 0,
    swapped_pool_pages   INTEGER NOT NULL DEFAULT 0,
    swapped_device_pages INTEGER NOT NULL DEFAULT 0,
    swapped_memory_pages INTEGER NOT NULL DEFAULT 0,
    pool_bytes           INTEGER NOT NULL DEFAULT 0,
    accesses             INTEGER NOT NULL DEFAULT 0,
    writes               INTEGER NOT NULL DEFAULT 0,
    first_touch_faults   INTEGER NOT NULL DEFAULT 0,
    swap_in_faults       INTEGER NOT NULL DEFAULT 0,
    refaults             INTEGER NOT NULL DEFAULT 0,
    refault_activations  INTEGER NOT NULL DEFAULT 0,
    swap_outs            INTEGER NOT NULL DEFAULT 0,
    cow_breaks           INTEGER NOT NULL DEFAULT 0,
    forks                INTEGER NOT NULL DEFAULT 0,
    exits                INTEGER NOT NULL DEFAULT 0,
    scanned              INTEGER NOT NULL DEFAULT 0,
    activations          INTEGER NOT NULL DEFAULT 0,
    deactivations        INTEGER NOT NULL DEFAULT 0,
    reclaim_failures     INTEGER NOT NULL DEFAULT 0,
    over_limit_charges   INTEGER NOT NULL DEFAULT 0,
    swap_max_hits        INTEGER NOT NULL DEFAULT 0,
    zswap_max_hits       INTEGER NOT NULL DEFAULT 0,
    verified_pages       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sample_id, position)
) WITHOUT ROWID;
)sql";

// Step 3: where a run came from (host name, swaptier version), and the index behind the
// newest-first listing of `swaptierctl history`.
constexpr const char* kStep3 = R"sql(
ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN version TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_by_start ON runs (started_at, id);
)sql";

// Step 4: pages written back from the pool to swapfiles (DesignFigures::poolWritebacks, the
// history view's writeback rate) and the tier of each device (TierUsage::tier, the history
// view's per-tier lines for a re-opened run). Older rows read 0 and '': their runs were
// recorded without them.
constexpr const char* kStep4 = R"sql(
ALTER TABLE samples ADD COLUMN pool_writebacks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tier_samples ADD COLUMN tier TEXT NOT NULL DEFAULT '';
)sql";

constexpr HistorySchema::Step kSteps[] = {
    {1, "runs and samples", kStep1},
    {2, "tier and cgroup usage of each sample", kStep2},
    {3, "host and version of each run, runs indexed by start time", kStep3},
    {4, "pool writebacks of each sample, tier of each device", kStep4},
};
static_assert(std::size(kSteps) == HistorySchema::kVersion, "one step per schema version");

bool exec(sqlite3* db, const char* sql, QString* error) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    if (error)
        *error = HistorySchema::errorDetail(db);
    return false;
}

/// The single integer a PRAGMA or COUNT query returns.
std::optional<qint64> queryInt(sqlite3* db, const char* sql, QString* error) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = HistorySchema::errorDetail(db);
        sqlite3_finalize(stmt);
        return std::nullopt;
    }
    const int rc = sqlite3_step(stmt);
    std::optional<qint64> value;
    if (rc == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    else if (error)
        *error = HistorySchema::errorDetail(db);
    sqlite3_finalize(stmt);
    return value;
}

void rollback(sqlite3* db) {
    if (!sqlite3_get_autocommit(db)) // a failed statement may have rolled back already
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace

std::span<const HistorySchema::Step> HistorySchema::steps() { return kSteps; }

std::optional<HistorySchema::State> HistorySchema::inspect(sqlite3* db, QString* error) {
    State state;
    // sqlite reads the file header on the first query: a file that is not a database fails here.
    const auto objects = queryInt(db, "SELECT count(*) FROM sqlite_schema", error);
    if (!objects)
        return std::nullopt;
    const auto applicationId = queryInt(db, "PRAGMA application_id", error);
    const auto version = queryInt(db, "PRAGMA user_version", error);
    if (!applicationId || !version)
        return std::nullopt;
    state.objects = int(*objects);
    state.applicationId = std::int32_t(*applicationId);
    state.version = int(*version);
    return state;
}

bool HistorySchema::migrate(sqlite3* db, int toVersion, QString* error) {
    if (toVersion < 1 || toVersion > kVersion) {
        if (error)
            *error = tr("schema version %1 does not exist (this build knows 1 to %2)").arg(toVersion).arg(kVersion);
        return false;
    }
    QString detail;
    // IMMEDIATE: take the write lock before looking, so that two processes opening the same new
    // file do not both try to create the tables.
    if (!exec(db, "BEGIN IMMEDIATE", &detail)) {
        if (error)
            *error = tr("cannot start the migration: %1").arg(detail);
        return false;
    }
    const auto state = inspect(db, &detail);
    if (!state) {
        rollback(db);
        if (error)
            *error = detail;
        return false;
    }
    QString refusal;
    if (!state->isEmpty() && !state->isOurs())
        refusal = tr("the database belongs to another application (application_id %1)").arg(state->applicationId);
    else if (!state->isEmpty() && state->version == 0)
        refusal = tr("the database has swaptier's application_id but no schema version");
    else if (state->version > toVersion)
        refusal = tr("schema version %1 is newer than %2").arg(state->version).arg(toVersion);
    if (!refusal.isEmpty()) {
        rollback(db);
        if (error)
            *error = refusal;
        return false;
    }

    bool ok = true;
    if (state->isEmpty()) {
        const QByteArray mark = "PRAGMA application_id = " + QByteArray::number(kApplicationId);
        ok = exec(db, mark.constData(), &detail);
        if (!ok)
            detail = tr("cannot set the application id: %1").arg(detail);
    }
    for (const Step& step : kSteps) {
        if (!ok)
            break;
        if (step.version <= state->version || step.version > toVersion)
            continue;
        ok = exec(db, step.sql, &detail);
        if (!ok)
            detail = tr("step %1 (%2) failed: %3").arg(step.version).arg(QLatin1String(step.summary), detail);
    }
    if (ok) {
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(toVersion);
        ok = exec(db, setVersion.constData(), &detail) && exec(db, "COMMIT", &detail);
    }
    if (!ok) {
        rollback(db);
        if (error)
            *error = tr("migrating from schema version %1 to %2 failed, nothing was changed: %3")
                         .arg(state->version)
                         .arg(toVersion)
                         .arg(detail);
    }
    return ok;
}

QString HistorySchema::errorDetail(sqlite3* db) {
    QString text = QString::fromUtf8(sqlite3_errmsg(db));
    const int code = sqlite3_extended_errcode(db);
    // sqlite's "disk I/O error" does not say which operation failed; the extended code does.
    switch (code) {
    case SQLITE_IOERR_READ:
    case SQLITE_IOERR_SHORT_READ:
        text += tr(" while reading");
        break;
    case SQLITE_IOERR_WRITE:
        text += tr(" while writing");
        break;
    case SQLITE_IOERR_FSYNC:
    case SQLITE_IOERR_DIR_FSYNC:
        text += tr(" while syncing to disk");
        break;
    case SQLITE_IOERR_TRUNCATE:
        text += tr(" while truncating");
        break;
    default:
        break;
    }
    // The errno of the failed system call, when sqlite kept it (it does for open and some I/O).
    switch (code & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        if (const int os = sqlite3_system_errno(db); os != 0)
            text += QStringLiteral(" (") + qt_error_string(os) + u')';
        break;
    default:
        break;
    }
    return text;
}

} // namespace swaptier::services
