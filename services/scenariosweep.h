// SPDX-License-Identifier: GPL-3.0-or-later
// SweepReader: the [sweep] of a scenario file, resolved to the place in the document that
// receives each of its values. Internal to ScenarioParser.
//
// A sweep key names one place: a top-level key ("duration"), a key of [pool], [content],
// [promotion] or [maintenance] ("pool.limit"), or a key of the [[device]], [[cgroup]] or
// [[workload]] with a given name ("workload.mapper.size"). ScenarioParser moves each value into that place and converts the
// whole document, so a swept value is checked by exactly the code that checks a written one;
// this file only checks that the key names a place a sweep may vary, and creates the table it
// names when only the sweep sets it.
#pragma once

#include "tomltable.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <string>

namespace swaptier::services::detail {

/// Which value is varied, and where it goes.
struct Sweep {
    QString key;
    QString label;
    toml::table* target = nullptr; ///< the table that receives each value
    std::string targetKey;         ///< the key in it
    toml::array* values = nullptr;
};

class SweepReader {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    /// Reads [sweep] (absent: `out` stays empty) and resolves its key in `doc`, creating the
    /// table it names if only the sweep sets it (a [pool] or another top-level table, the root
    /// [[cgroup]]).
    static bool read(ParseContext& ctx, toml::table& doc, std::optional<Sweep>& out);

private:
    static toml::table* resolve(const TomlTable& t, toml::table& doc, const QString& key, std::string& targetKey);
};

} // namespace swaptier::services::detail
