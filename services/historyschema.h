// SPDX-License-Identifier: GPL-3.0-or-later
// HistorySchema: the sqlite schema of the run history, built as an ordered list of migrations.
//
// Why a list of steps and not one CREATE script: a database written by an older swaptier must
// be brought up to date without losing its runs, and a fresh database must end up identical to
// an upgraded one. So there is exactly one way to build the schema: apply the steps 1..N in
// order. A fresh file runs every step; a file at version k runs the steps k+1..N. The steps are
// frozen once released: a change to the schema is a new step, never an edit of an old one.
//
// The file is marked as ours with PRAGMA application_id = kApplicationId and carries its
// schema version in PRAGMA user_version. docs/history-schema.md describes every table and
// column; historyschema.cpp holds the SQL of each step.
//
// sqlite3.h stays out of this header: only the opaque `struct sqlite3` handle appears here.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>

struct sqlite3;

namespace swaptier::services {

class HistorySchema {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::HistorySchema)

public:
    /// PRAGMA application_id of a swaptier history: the four ASCII bytes "swpt" read as a
    /// big-endian 32-bit integer (0x73777074 = 1937207412). `file(1)` and sqlite tools show it;
    /// a database with another non-zero id belongs to another application.
    static constexpr std::int32_t kApplicationId = 0x73777074;

    /// PRAGMA user_version a fully migrated database has: the version of the last step.
    static constexpr int kVersion = 4;

    struct Step {
        int version;         ///< user_version once this step is applied (1, 2, ...)
        const char* summary; ///< what the step adds, for messages and the docs
        const char* sql;     ///< the statements of the step, run in order
    };
    /// Every step in order; steps()[i].version == i + 1 and the last one is kVersion.
    static std::span<const Step> steps();

    /// What a database file is, read without writing anything.
    struct State {
        std::int32_t applicationId = 0; ///< PRAGMA application_id
        int version = 0;                ///< PRAGMA user_version
        int objects = 0;                ///< rows of sqlite_schema: tables, indexes, triggers, views

        bool isEmpty() const { return version == 0 && objects == 0; }
        bool isOurs() const { return applicationId == kApplicationId; }
    };
    /// nullopt and *error (sqlite's message, such as "file is not a database") if the file
    /// cannot be read as a sqlite database.
    static std::optional<State> inspect(sqlite3* db, QString* error);

    /// Brings the database to `toVersion` (0 < toVersion <= kVersion) in one IMMEDIATE
    /// transaction: marks an empty database with kApplicationId, applies the steps after its
    /// current user_version up to toVersion, and sets user_version. On any failure everything is
    /// rolled back (the file is as it was) and *error says which step failed and why; it does
    /// not name the file (the caller does). Refuses a database of another application and a
    /// version newer than toVersion. The same code builds old versions for the tests.
    static bool migrate(sqlite3* db, int toVersion, QString* error);

    /// sqlite's message for the last error on `db`, with the operating system's message when
    /// the error came from a system call (open, write, ...).
    static QString errorDetail(sqlite3* db);
};

} // namespace swaptier::services
