// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore over the sqlite3 C API.
//
// Opening never writes to a file it then refuses: it first reads the header (application_id,
// user_version, number of schema objects) and decides; only a fresh or older swaptier database
// is migrated, and only then is the journal switched to WAL (a mode change is a write too).
//
// Writing is built for long series: every statement is prepared once (SQLITE_PREPARE_PERSISTENT)
// and reused, a batch of samples is one IMMEDIATE transaction, and synchronous=NORMAL in WAL
// mode means a commit is an append to the WAL without fsync (a crash may lose the last batches,
// never corrupt the file).
//
// Locking: Private::mutex serialises every use of the connection and of the cached statements;
// the connection is opened with SQLITE_OPEN_NOMUTEX because of it.
#include "historystore.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <array>
#include <mutex>

namespace swaptier::services {

namespace {

// ---- column lists -------------------------------------------------------------------------

template <class T>
struct U64Column {
    const char* name;
    std::uint64_t T::*member;
};

constexpr std::array<U64Column<SandboxCounters>, 18> kCounterColumns{{
    {"accesses", &SandboxCounters::accesses},
    {"writes", &SandboxCounters::writes},
    {"first_touch_faults", &SandboxCounters::firstTouchFaults},
    {"swap_in_faults", &SandboxCounters::swapInFaults},
    {"refaults", &SandboxCounters::refaults},
    {"refault_activations", &SandboxCounters::refaultActivations},
    {"swap_outs", &SandboxCounters::swapOuts},
    {"cow_breaks", &SandboxCounters::cowBreaks},
    {"forks", &SandboxCounters::forks},
    {"exits", &SandboxCounters::exits},
    {"scanned", &SandboxCounters::scanned},
    {"activations", &SandboxCounters::activations},
    {"deactivations", &SandboxCounters::deactivations},
    {"reclaim_failures", &SandboxCounters::reclaimFailures},
    {"over_limit_charges", &SandboxCounters::overLimitCharges},
    {"swap_max_hits", &SandboxCounters::swapMaxHits},
    {"zswap_max_hits", &SandboxCounters::zswapMaxHits},
    {"verified_pages", &SandboxCounters::verifiedPages},
}};
// A new counter needs a migration that adds its column (to samples and cgroup_samples) and a
// row above; this fails to compile until then.
static_assert(sizeof(SandboxCounters) == kCounterColumns.size() * sizeof(std::uint64_t),
              "every SandboxCounters field needs a column");

constexpr std::array<U64Column<DesignFigures>, 9> kFigureColumns{{
    {"disk_reserved_bytes", &DesignFigures::diskReservedBytes},
    {"peak_disk_reserved_bytes", &DesignFigures::peakDiskReservedBytes},
    {"metadata_bytes", &DesignFigures::metadataBytes},
    {"peak_metadata_bytes", &DesignFigures::peakMetadataBytes},
    {"pages_written", &DesignFigures::pagesWritten},
    {"pages_read", &DesignFigures::pagesRead},
    {"pool_writebacks", &DesignFigures::poolWritebacks}, // v4
    {"cpu_ns", &DesignFigures::cpuNanos},
    {"wall_ns", &DesignFigures::wallNanos},
}};
static_assert(sizeof(DesignFigures) == kFigureColumns.size() * sizeof(std::uint64_t),
              "every DesignFigures field needs a column");

// cgroup_samples has one swapped_<backend>_pages column per backend, in Backend order.
static_assert(kBackendCount == 4, "a new backend needs a swapped_<name>_pages column");

constexpr const char* kRunColumns =
    "id, scenario, source, variant, design, seed, started_at, finished_at, status, error, host, version, "
    "(SELECT count(*) FROM samples s WHERE s.run_id = runs.id)";

constexpr int kBusyTimeoutMs = 5000;

const QStringList& designs() {
    static const QStringList names{QStringLiteral("virtual"), QStringLiteral("classic")};
    return names;
}
const QStringList& finalStatuses() {
    static const QStringList names{QStringLiteral("done"), QStringLiteral("failed"), QStringLiteral("cancelled")};
    return names;
}
const QString kRunning = QStringLiteral("running");

template <class T, std::size_t N>
QByteArray names(const std::array<U64Column<T>, N>& columns) {
    QByteArray out;
    for (const auto& column : columns)
        out += ", " + QByteArray(column.name);
    return out;
}

QByteArray placeholders(std::size_t count) {
    QByteArray out = "?";
    for (std::size_t i = 1; i < count; ++i)
        out += ", ?";
    return out;
}

QByteArray swappedColumns() {
    QByteArray out;
    for (std::size_t b = 0; b < kBackendCount; ++b)
        out += ", swapped_" + QByteArray(backendName(static_cast<Backend>(b))) + "_pages";
    return out;
}

// ---- cached statements --------------------------------------------------------------------

enum Stmt {
    Begin,
    BeginRead,
    Commit,
    InsertRun,
    RunState,      // does the run exist, its status, its next sample seq
    InsertSample,
    InsertTier,
    InsertCgroup,
    UpdateRun,
    SelectRuns,
    SelectRun,
    RunExists,
    SelectSamples,
    SelectTiers,
    SelectCgroups,
    kStmtCount
};

QByteArray statementSql(Stmt which) {
    switch (which) {
    case Begin:
        return "BEGIN IMMEDIATE";
    case BeginRead:
        return "BEGIN";
    case Commit:
        return "COMMIT";
    case InsertRun:
        return "INSERT INTO runs (scenario, source, variant, design, seed, started_at, finished_at, status, error, "
               "report_json, host, version) VALUES (" + placeholders(12) + ")";
    case RunState:
        return "SELECT status, (SELECT COALESCE(MAX(seq) + 1, 0) FROM samples WHERE run_id = ?1) FROM runs WHERE id = ?1";
    case InsertSample:
        return "INSERT INTO samples (run_id, seq, elapsed_ns, round, progress" + names(kCounterColumns) +
               names(kFigureColumns) + ") VALUES (" +
               placeholders(5 + kCounterColumns.size() + kFigureColumns.size()) + ")";
    case InsertTier:
        return "INSERT INTO tier_samples (sample_id, position, name, backend, device, entries, original_bytes, "
               "stored_bytes, capacity_bytes, tier) VALUES (" + placeholders(10) + ")";
    case InsertCgroup:
        return "INSERT INTO cgroup_samples (sample_id, position, name, memory_max, resident_pages, "
               "peak_resident_pages" + swappedColumns() + ", pool_bytes" + names(kCounterColumns) + ") VALUES (" +
               placeholders(7 + kBackendCount + kCounterColumns.size()) + ")";
    case UpdateRun:
        return "UPDATE runs SET finished_at = ?, status = ?, error = ?, report_json = ? WHERE id = ?";
    case SelectRuns:
        return "SELECT " + QByteArray(kRunColumns) + " FROM runs ORDER BY started_at DESC, id DESC";
    case SelectRun:
        return "SELECT " + QByteArray(kRunColumns) + ", report_json FROM runs WHERE id = ?";
    case RunExists:
        return "SELECT count(*) FROM runs WHERE id = ?";
    case SelectSamples:
        return "SELECT id, elapsed_ns, round, progress" + names(kCounterColumns) + names(kFigureColumns) +
               " FROM samples WHERE run_id = ? ORDER BY seq";
    case SelectTiers:
        return "SELECT t.sample_id, t.name, t.backend, t.device, t.entries, t.original_bytes, t.stored_bytes, "
               "t.capacity_bytes, t.tier FROM tier_samples t JOIN samples s ON s.id = t.sample_id "
               "WHERE s.run_id = ? ORDER BY s.seq, t.position";
    case SelectCgroups:
        return "SELECT c.sample_id, c.name, c.memory_max, c.resident_pages, c.peak_resident_pages" +
               swappedColumns().replace(", ", ", c.") + ", c.pool_bytes" + names(kCounterColumns).replace(", ", ", c.") +
               " FROM cgroup_samples c JOIN samples s ON s.id = c.sample_id "
               "WHERE s.run_id = ? ORDER BY s.seq, c.position";
    case kStmtCount:
        break;
    }
    return {};
}

/// Binds the parameters of a statement in order. Binding only fails on a programming error
/// (wrong count); `ok` keeps the first failure so that the step reports it.
class Binder {
public:
    explicit Binder(sqlite3_stmt* stmt) : m_stmt(stmt) {}
    Binder& u64(std::uint64_t value) { return check(sqlite3_bind_int64(m_stmt, ++m_index, static_cast<sqlite3_int64>(value))); }
    Binder& i64(qint64 value) { return check(sqlite3_bind_int64(m_stmt, ++m_index, value)); }
    Binder& real(double value) { return check(sqlite3_bind_double(m_stmt, ++m_index, value)); }
    Binder& null() { return check(sqlite3_bind_null(m_stmt, ++m_index)); }
    /// The bytes must outlive the step: they are not copied.
    Binder& text(const QByteArray& utf8) { return text(utf8.constData(), utf8.size()); }
    Binder& text(const std::string& utf8) { return text(utf8.data(), qsizetype(utf8.size())); }
    bool ok() const { return m_ok; }

private:
    Binder& text(const char* data, qsizetype size) {
        return check(sqlite3_bind_text(m_stmt, ++m_index, data, int(size), nullptr /* SQLITE_STATIC */));
    }
    Binder& check(int rc) {
        m_ok = m_ok && rc == SQLITE_OK;
        return *this;
    }
    sqlite3_stmt* m_stmt;
    int m_index = 0;
    bool m_ok = true;
};

/// Reads the columns of the current row in order.
class Reader {
public:
    explicit Reader(sqlite3_stmt* stmt) : m_stmt(stmt) {}
    std::uint64_t u64() { return static_cast<std::uint64_t>(sqlite3_column_int64(m_stmt, m_index++)); }
    qint64 i64() { return sqlite3_column_int64(m_stmt, m_index++); }
    double real() { return sqlite3_column_double(m_stmt, m_index++); }
    bool isNull() const { return sqlite3_column_type(m_stmt, m_index) == SQLITE_NULL; }
    void skip() { ++m_index; }
    QString text() {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, m_index));
        const int size = sqlite3_column_bytes(m_stmt, m_index++);
        return QString::fromUtf8(data, size);
    }
    std::string stdText() {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, m_index));
        const int size = sqlite3_column_bytes(m_stmt, m_index++);
        return data ? std::string(data, std::size_t(size)) : std::string();
    }
    QDateTime time() {
        if (isNull()) {
            skip();
            return {};
        }
        return QDateTime::fromMSecsSinceEpoch(i64(), Qt::UTC);
    }

private:
    sqlite3_stmt* m_stmt;
    int m_index = 0;
};

/// Resets a cached statement and clears its bindings when the scope that used it ends.
class Use {
public:
    explicit Use(sqlite3_stmt* stmt) : m_stmt(stmt) {}
    ~Use() {
        if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
    }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

private:
    sqlite3_stmt* m_stmt;
};

template <class T, std::size_t N>
void bindColumns(Binder& bind, const T& value, const std::array<U64Column<T>, N>& columns) {
    for (const auto& column : columns)
        bind.u64(value.*column.member);
}

template <class T, std::size_t N>
void readColumns(Reader& read, T& value, const std::array<U64Column<T>, N>& columns) {
    for (const auto& column : columns)
        value.*column.member = read.u64();
}

RunRecord readRun(Reader& read) {
    RunRecord run;
    run.id = read.i64();
    run.scenario = read.text();
    run.source = read.text();
    run.variant = read.text();
    run.design = read.text();
    run.seed = read.u64();
    run.startedAt = read.time();
    run.finishedAt = read.time();
    run.status = read.text();
    run.error = read.text();
    run.host = read.text();
    run.version = read.text();
    run.sampleCount = read.i64();
    return run;
}

std::optional<Backend> parseBackend(const std::string& name) {
    for (std::size_t b = 0; b < kBackendCount; ++b)
        if (name == backendName(static_cast<Backend>(b)))
            return static_cast<Backend>(b);
    return std::nullopt;
}

/// Why a new file cannot be created at `path`, when its directory is the reason; else empty.
QString directoryProblem(const QString& path) {
    const QFileInfo dir(QFileInfo(path).absolutePath());
    if (!dir.exists())
        return HistoryStore::tr("the directory %1 does not exist").arg(dir.filePath());
    if (!dir.isDir())
        return HistoryStore::tr("%1 is not a directory").arg(dir.filePath());
    if (!dir.isWritable())
        return HistoryStore::tr("the directory %1 is not writable").arg(dir.filePath());
    return {};
}

} // namespace

// ---- Private ------------------------------------------------------------------------------

struct HistoryStore::Private {
    QString path;
    sqlite3* db = nullptr;
    mutable std::mutex mutex;
    mutable std::array<sqlite3_stmt*, kStmtCount> statements{};

    ~Private() {
        for (sqlite3_stmt* stmt : statements)
            sqlite3_finalize(stmt);
        sqlite3_close(db); // checkpoints the WAL and removes it when this is the last connection
    }

    /// The cached statement, prepared on first use. REQUIRES: mutex held.
    sqlite3_stmt* statement(Stmt which) const {
        sqlite3_stmt*& stmt = statements[std::size_t(which)];
        if (!stmt) {
            const QByteArray sql = statementSql(which);
            if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
                SQLITE_OK) {
                sqlite3_finalize(stmt);
                stmt = nullptr;
            }
        }
        return stmt;
    }

    /// Runs a statement that returns no rows. REQUIRES: mutex held.
    bool run(Stmt which) const {
        sqlite3_stmt* stmt = statement(which);
        if (!stmt)
            return false;
        Use use(stmt);
        return sqlite3_step(stmt) == SQLITE_DONE;
    }

    void rollback() const {
        if (!sqlite3_get_autocommit(db)) // a failed write may have rolled back already
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }

    /// "FILE: <what>: <sqlite's message>"
    bool fail(QString* error, const QString& what) const {
        if (error)
            *error = HistoryStore::tr("%1: %2: %3").arg(path, what, HistorySchema::errorDetail(db));
        return false;
    }
    /// fail(), then roll the transaction back (in this order: a rollback clears the message).
    bool abort(QString* error, const QString& what) const {
        fail(error, what);
        rollback();
        return false;
    }
    bool noRun(QString* error, qint64 id) const {
        if (error)
            *error = HistoryStore::tr("no run %1 in %2").arg(id).arg(path);
        return false;
    }

    struct RunHead {
        QString status;
        qint64 nextSeq = 0; ///< seq of the run's next sample
    };
    /// Starts a write transaction and looks the run up in it. On failure the transaction is
    /// rolled back and *error says why ("no run N in FILE" or "FILE: what: ..."). REQUIRES: mutex.
    std::optional<RunHead> beginOnRun(qint64 runId, const QString& what, QString* error) const;
    bool commit(QString* error, const QString& what) const { return run(Commit) || abort(error, what); }

    bool writeSample(qint64 runId, qint64 seq, const SandboxSample& sample) const;
};

std::optional<HistoryStore::Private::RunHead> HistoryStore::Private::beginOnRun(qint64 runId, const QString& what,
                                                                                QString* error) const {
    if (!run(Begin)) {
        fail(error, what);
        return std::nullopt;
    }
    sqlite3_stmt* stmt = statement(RunState);
    if (!stmt) {
        abort(error, what);
        return std::nullopt;
    }
    Use use(stmt);
    sqlite3_bind_int64(stmt, 1, runId);
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE) {
            rollback();
            noRun(error, runId);
        } else {
            abort(error, what);
        }
        return std::nullopt;
    }
    Reader read(stmt);
    RunHead head;
    head.status = read.text();
    head.nextSeq = read.i64();
    return head;
}

bool HistoryStore::Private::writeSample(qint64 runId, qint64 seq, const SandboxSample& sample) const {
    sqlite3_stmt* insertSample = statement(InsertSample);
    sqlite3_stmt* insertTier = statement(InsertTier);
    sqlite3_stmt* insertCgroup = statement(InsertCgroup);
    if (!insertSample || !insertTier || !insertCgroup)
        return false;
    {
        Use use(insertSample);
        Binder bind(insertSample);
        bind.i64(runId).i64(seq).u64(sample.elapsedNanos).u64(sample.round).real(sample.progress);
        bindColumns(bind, sample.counters, kCounterColumns);
        bindColumns(bind, sample.figures, kFigureColumns);
        if (!bind.ok() || sqlite3_step(insertSample) != SQLITE_DONE)
            return false;
    }
    const qint64 sampleId = sqlite3_last_insert_rowid(db);
    for (std::size_t i = 0; i < sample.tiers.size(); ++i) {
        const TierUsage& tier = sample.tiers[i];
        Use use(insertTier);
        Binder bind(insertTier);
        bind.i64(sampleId).i64(qint64(i)).text(tier.name).text(std::string(backendName(tier.backend)));
        bind.i64(tier.device).u64(tier.entries).u64(tier.originalBytes).u64(tier.storedBytes).u64(tier.capacityBytes);
        bind.text(tier.tier);
        if (!bind.ok() || sqlite3_step(insertTier) != SQLITE_DONE)
            return false;
    }
    for (std::size_t i = 0; i < sample.cgroups.size(); ++i) {
        const CgroupUsage& cgroup = sample.cgroups[i];
        Use use(insertCgroup);
        Binder bind(insertCgroup);
        bind.i64(sampleId).i64(qint64(i)).text(cgroup.name);
        if (cgroup.memoryMax == kNoLimit)
            bind.null();
        else
            bind.u64(cgroup.memoryMax);
        bind.u64(cgroup.residentPages).u64(cgroup.peakResidentPages);
        for (std::uint64_t pages : cgroup.swappedPages)
            bind.u64(pages);
        bind.u64(cgroup.poolBytes);
        bindColumns(bind, cgroup.counters, kCounterColumns);
        if (!bind.ok() || sqlite3_step(insertCgroup) != SQLITE_DONE)
            return false;
    }
    return true;
}

// ---- open ---------------------------------------------------------------------------------

HistoryStore::HistoryStore(std::unique_ptr<Private> p) : d(std::move(p)) {}
HistoryStore::~HistoryStore() = default;

QString HistoryStore::path() const { return d->path; }

std::unique_ptr<HistoryStore> HistoryStore::open(const QString& path, QString* error) {
    auto d = std::make_unique<Private>();
    d->path = path;
    const bool existed = QFileInfo::exists(path);
    // Closes the connection and, if this call created the file, removes what it created.
    const auto refuse = [&](const QString& message) -> std::unique_ptr<HistoryStore> {
        d.reset();
        if (!existed && !path.isEmpty())
            for (const char* suffix : {"", "-journal", "-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix));
        if (error)
            *error = message;
        return nullptr;
    };
    if (path.isEmpty())
        return refuse(tr("no history database file was given"));
    if (QFileInfo(path).isDir())
        return refuse(tr("%1: cannot open the history database: it is a directory").arg(path));

    const QByteArray file = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(file.constData(), &d->db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        // sqlite's own message for a file it cannot create is vague ("unable to open database
        // file", often with the errno of a read-only retry); say what is wrong with the directory.
        QString why = existed ? QString() : directoryProblem(path);
        if (why.isEmpty())
            why = d->db ? HistorySchema::errorDetail(d->db) : QString::fromUtf8(sqlite3_errstr(rc));
        return refuse(tr("%1: cannot open the history database: %2").arg(path, why));
    }
    sqlite3_extended_result_codes(d->db, 1);
    sqlite3_busy_timeout(d->db, kBusyTimeoutMs);
    if (sqlite3_db_readonly(d->db, "main") == 1)
        return refuse(tr("%1: cannot write the history database: the file is read-only").arg(path));

    QString detail;
    const auto state = HistorySchema::inspect(d->db, &detail);
    if (!state) {
        const int code = sqlite3_errcode(d->db) & 0xff;
        if (code == SQLITE_NOTADB)
            return refuse(tr("%1: not a swaptier history database: %2").arg(path, detail));
        if (code == SQLITE_CORRUPT)
            return refuse(tr("%1: the history database is damaged: %2").arg(path, detail));
        if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY)
            if (const QString why = directoryProblem(path); !why.isEmpty())
                return refuse(tr("%1: cannot open the history database: %2 (sqlite keeps its journal files next "
                                 "to the database)")
                                  .arg(path, why));
        return refuse(tr("%1: cannot read the history database: %2").arg(path, detail));
    }
    if (!state->isEmpty() && !state->isOurs()) {
        if (state->applicationId == 0)
            return refuse(tr("%1: not a swaptier history database: it is a sqlite database of another "
                             "application (it has tables but no application_id)")
                              .arg(path));
        return refuse(tr("%1: not a swaptier history database: it belongs to another application "
                         "(application_id 0x%2)")
                          .arg(path)
                          .arg(quint32(state->applicationId), 8, 16, QLatin1Char('0')));
    }
    if (state->version > kSchemaVersion)
        return refuse(tr("%1: the history database has schema version %2, newer than this swaptier knows (%3); "
                         "open it with a newer swaptier")
                          .arg(path)
                          .arg(state->version)
                          .arg(kSchemaVersion));
    if (state->version < kSchemaVersion && !HistorySchema::migrate(d->db, kSchemaVersion, &detail)) {
        if (state->isEmpty())
            return refuse(tr("%1: cannot create the history database: %2").arg(path, detail));
        return refuse(tr("%1: %2").arg(path, detail));
    }

    // The version says which tables exist; check that they do and that their root pages can be
    // read (a file cut short is already refused by sqlite: its header's page count is larger
    // than the file).
    for (const char* table : {"runs", "samples", "tier_samples", "cgroup_samples"}) {
        const QByteArray probe = "SELECT 1 FROM " + QByteArray(table) + " LIMIT 1";
        if (sqlite3_exec(d->db, probe.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return refuse(tr("%1: the history database is damaged (table %2): %3")
                              .arg(path, QLatin1String(table), HistorySchema::errorDetail(d->db)));
    }

    char* mode = nullptr;
    const auto keepMode = [](void* out, int, char** values, char**) {
        *static_cast<char**>(out) = sqlite3_mprintf("%s", values[0] ? values[0] : "");
        return 0;
    };
    const bool walOk = sqlite3_exec(d->db, "PRAGMA journal_mode = WAL", keepMode, &mode, nullptr) == SQLITE_OK &&
                       mode && qstrcmp(mode, "wal") == 0;
    const QString got = mode ? QString::fromUtf8(mode) : QString();
    sqlite3_free(mode);
    if (!walOk)
        return refuse(tr("%1: cannot switch the history database to write-ahead logging (journal mode %2): %3")
                          .arg(path, got, HistorySchema::errorDetail(d->db)));
    if (sqlite3_exec(d->db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr) !=
        SQLITE_OK)
        return refuse(tr("%1: cannot configure the history database: %2").arg(path, HistorySchema::errorDetail(d->db)));
    return std::unique_ptr<HistoryStore>(new HistoryStore(std::move(d)));
}

// ---- writes -------------------------------------------------------------------------------

qint64 HistoryStore::beginRun(const RunRecord& run, QString* error) {
    const QString status = run.status.isEmpty() ? kRunning : run.status;
    if (!designs().contains(run.design)) {
        if (error)
            *error = tr("%1: cannot record a run of design \"%2\": the design must be \"virtual\" or \"classic\"")
                         .arg(d->path, run.design);
        return 0;
    }
    if (status != kRunning && !finalStatuses().contains(status)) {
        if (error)
            *error = tr("%1: cannot record a run with status \"%2\"").arg(d->path, status);
        return 0;
    }
    const QByteArray scenario = run.scenario.toUtf8(), source = run.source.toUtf8(), variant = run.variant.toUtf8(),
                     design = run.design.toUtf8(), statusText = status.toUtf8(), errorText = run.error.toUtf8(),
                     report = run.reportJson.toUtf8(), host = run.host.toUtf8(), version = run.version.toUtf8();
    const QDateTime started = run.startedAt.isValid() ? run.startedAt : QDateTime::currentDateTimeUtc();

    std::lock_guard lock(d->mutex);
    sqlite3_stmt* stmt = d->statement(InsertRun);
    if (!stmt) {
        d->fail(error, tr("cannot record run \"%1\"").arg(run.scenario));
        return 0;
    }
    Use use(stmt);
    Binder bind(stmt);
    bind.text(scenario).text(source).text(variant).text(design).u64(run.seed).i64(started.toMSecsSinceEpoch());
    if (run.finishedAt.isValid())
        bind.i64(run.finishedAt.toMSecsSinceEpoch());
    else
        bind.null();
    bind.text(statusText).text(errorText).text(report).text(host).text(version);
    if (!bind.ok() || sqlite3_step(stmt) != SQLITE_DONE) {
        d->fail(error, tr("cannot record run \"%1\"").arg(run.scenario));
        return 0;
    }
    return sqlite3_last_insert_rowid(d->db);
}

bool HistoryStore::appendSamples(qint64 runId, std::span<const SandboxSample> samples, QString* error) {
    std::lock_guard lock(d->mutex);
    const QString what = tr("cannot write %n sample(s) of run %1", nullptr, int(samples.size())).arg(runId);
    const auto head = d->beginOnRun(runId, what, error);
    if (!head)
        return false;
    qint64 seq = head->nextSeq;
    for (const SandboxSample& sample : samples)
        if (!d->writeSample(runId, seq++, sample))
            return d->abort(error, what);
    return d->commit(error, what);
}

bool HistoryStore::finishRun(qint64 runId, const QString& status, const QString& error, const QString& reportJson,
                             QString* err) {
    if (!finalStatuses().contains(status)) {
        if (err)
            *err = tr("%1: cannot finish run %2 with status \"%3\": it must be \"done\", \"failed\" or \"cancelled\"")
                       .arg(d->path)
                       .arg(runId)
                       .arg(status);
        return false;
    }
    const QByteArray statusText = status.toUtf8(), errorText = error.toUtf8(), report = reportJson.toUtf8();
    const QString what = tr("cannot finish run %1").arg(runId);

    std::lock_guard lock(d->mutex);
    const auto head = d->beginOnRun(runId, what, err);
    if (!head)
        return false;
    if (head->status != kRunning) {
        d->rollback();
        if (err)
            *err = tr("%1: run %2 is already finished (%3)").arg(d->path).arg(runId).arg(head->status);
        return false;
    }
    sqlite3_stmt* update = d->statement(UpdateRun);
    if (!update)
        return d->abort(err, what);
    {
        Use use(update);
        Binder bind(update);
        bind.i64(QDateTime::currentMSecsSinceEpoch()).text(statusText).text(errorText).text(report).i64(runId);
        if (!bind.ok() || sqlite3_step(update) != SQLITE_DONE)
            return d->abort(err, what);
    }
    return d->commit(err, what);
}

// ---- reads --------------------------------------------------------------------------------

std::optional<std::vector<RunRecord>> HistoryStore::runs(QString* error) const {
    std::lock_guard lock(d->mutex);
    sqlite3_stmt* stmt = d->statement(SelectRuns);
    if (!stmt) {
        d->fail(error, tr("cannot list the runs"));
        return std::nullopt;
    }
    Use use(stmt);
    std::vector<RunRecord> out;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Reader read(stmt);
        out.push_back(readRun(read));
    }
    if (rc != SQLITE_DONE) {
        d->fail(error, tr("cannot list the runs"));
        return std::nullopt;
    }
    return out;
}

std::optional<RunRecord> HistoryStore::run(qint64 id, QString* error) const {
    std::lock_guard lock(d->mutex);
    sqlite3_stmt* stmt = d->statement(SelectRun);
    if (!stmt) {
        d->fail(error, tr("cannot read run %1").arg(id));
        return std::nullopt;
    }
    Use use(stmt);
    sqlite3_bind_int64(stmt, 1, id);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
        d->noRun(error, id);
        return std::nullopt;
    }
    if (rc != SQLITE_ROW) {
        d->fail(error, tr("cannot read run %1").arg(id));
        return std::nullopt;
    }
    Reader read(stmt);
    RunRecord record = readRun(read);
    record.reportJson = read.text();
    return record;
}

std::optional<std::vector<SandboxSample>> HistoryStore::samples(qint64 runId, QString* error) const {
    std::lock_guard lock(d->mutex);
    const QString what = tr("cannot read the samples of run %1").arg(runId);
    sqlite3_stmt* exists = d->statement(RunExists);
    sqlite3_stmt* selectSamples = d->statement(SelectSamples);
    sqlite3_stmt* selectTiers = d->statement(SelectTiers);
    sqlite3_stmt* selectCgroups = d->statement(SelectCgroups);
    if (!exists || !selectSamples || !selectTiers || !selectCgroups || !d->run(BeginRead)) {
        d->fail(error, what);
        return std::nullopt;
    }
    // One read transaction: the three queries see the same snapshot while a writer appends.
    struct EndRead {
        const Private* d;
        ~EndRead() { d->rollback(); }
    } endRead{d.get()};
    const auto failed = [&] {
        d->fail(error, what);
        return std::nullopt;
    };

    {
        Use use(exists);
        sqlite3_bind_int64(exists, 1, runId);
        if (sqlite3_step(exists) != SQLITE_ROW)
            return failed();
        if (sqlite3_column_int64(exists, 0) == 0) {
            d->noRun(error, runId);
            return std::nullopt;
        }
    }

    std::vector<SandboxSample> out;
    std::vector<qint64> ids;
    int rc = SQLITE_ROW;
    {
        Use use(selectSamples);
        sqlite3_bind_int64(selectSamples, 1, runId);
        while ((rc = sqlite3_step(selectSamples)) == SQLITE_ROW) {
            Reader read(selectSamples);
            SandboxSample& sample = out.emplace_back();
            ids.push_back(read.i64());
            sample.elapsedNanos = read.u64();
            sample.round = read.u64();
            sample.progress = read.real();
            readColumns(read, sample.counters, kCounterColumns);
            readColumns(read, sample.figures, kFigureColumns);
        }
        if (rc != SQLITE_DONE)
            return failed();
    }

    // Tier and cgroup rows come in sample order: walk the samples along with them.
    const auto owner = [&](std::size_t& cursor, qint64 sampleId) -> SandboxSample* {
        while (cursor < ids.size() && ids[cursor] != sampleId)
            ++cursor;
        return cursor < ids.size() ? &out[cursor] : nullptr;
    };
    const auto damaged = [&](const QString& why) {
        if (error)
            *error = tr("%1: run %2 is damaged: %3").arg(d->path).arg(runId).arg(why);
        return std::nullopt;
    };
    {
        Use use(selectTiers);
        sqlite3_bind_int64(selectTiers, 1, runId);
        std::size_t cursor = 0;
        while ((rc = sqlite3_step(selectTiers)) == SQLITE_ROW) {
            Reader read(selectTiers);
            SandboxSample* sample = owner(cursor, read.i64());
            if (!sample)
                return damaged(tr("tier rows out of sample order"));
            TierUsage tier;
            tier.name = read.stdText();
            const std::string backend = read.stdText();
            const auto parsed = parseBackend(backend);
            if (!parsed)
                return damaged(tr("unknown backend \"%1\"").arg(QString::fromStdString(backend)));
            tier.backend = *parsed;
            tier.device = int(read.i64());
            tier.entries = read.u64();
            tier.originalBytes = read.u64();
            tier.storedBytes = read.u64();
            tier.capacityBytes = read.u64();
            tier.tier = read.stdText();
            sample->tiers.push_back(std::move(tier));
        }
        if (rc != SQLITE_DONE)
            return failed();
    }
    {
        Use use(selectCgroups);
        sqlite3_bind_int64(selectCgroups, 1, runId);
        std::size_t cursor = 0;
        while ((rc = sqlite3_step(selectCgroups)) == SQLITE_ROW) {
            Reader read(selectCgroups);
            SandboxSample* sample = owner(cursor, read.i64());
            if (!sample)
                return damaged(tr("cgroup rows out of sample order"));
            CgroupUsage cgroup;
            cgroup.name = read.stdText();
            if (read.isNull()) {
                read.skip();
                cgroup.memoryMax = kNoLimit;
            } else {
                cgroup.memoryMax = read.u64();
            }
            cgroup.residentPages = read.u64();
            cgroup.peakResidentPages = read.u64();
            for (std::uint64_t& pages : cgroup.swappedPages)
                pages = read.u64();
            cgroup.poolBytes = read.u64();
            readColumns(read, cgroup.counters, kCounterColumns);
            sample->cgroups.push_back(std::move(cgroup));
        }
        if (rc != SQLITE_DONE)
            return failed();
    }
    return out;
}

} // namespace swaptier::services
