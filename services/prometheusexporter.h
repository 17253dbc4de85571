// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusExporter: a sandbox sample's tier, cgroup and run figures in the Prometheus text
// exposition format 0.0.4, written for node_exporter's textfile collector
// (--collector.textfile.directory). docs/metrics.md lists every metric.
//
// Why a file and not an HTTP endpoint: swaptierctl runs are short; node_exporter already
// scrapes the host, and its textfile collector reads every *.prom file of a directory at each
// scrape. A half-written file would be read as broken metrics, hence write()'s atomic rename.
//
// Conventions: base units (bytes, seconds), counters end in _total, every series carries the
// Labels (scenario, design, source). Label cardinality is bounded by Options: the largest
// cgroups and tiers keep their own series, the rest are summed into one "other" series.
// HELP texts are English on purpose (not tr()): they are metric metadata, the same on every
// machine, as Prometheus expects.
#pragma once

#include "swaptier/sandbox.h"

#include <QCoreApplication>
#include <QString>

namespace swaptier::services {

class PrometheusExporter {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::PrometheusExporter)

public:
    struct Options {
        int maxCgroups = 64; ///< cgroups with their own series (largest by resident + swapped); 0: all in "other"
        int maxTiers = 32;   ///< tiers with their own series (largest by original bytes); 0: all in "other"
        QString fileName = QStringLiteral("swaptier.prom"); ///< must end in .prom for the collector
    };
    struct Labels {
        QString scenario;
        QString design;
        QString source; ///< "sandbox" now, "kernel" later
    };

    /// The whole exposition text (ends with a newline). Metric families in a fixed order, each
    /// with # HELP and # TYPE before its samples.
    static QString render(const swaptier::SandboxSample& sample, const Labels& labels, const Options& options);

    /// Atomic write under the textfile convention: a temporary file in `dir` whose name does not
    /// end in .prom (the collector ignores it), fsync, rename over dir/fileName, fsync of the
    /// directory. On error (missing or unwritable directory, disk full, ...) returns false, sets
    /// *error (if not null) to a translated sentence naming the path and the OS error, and
    /// leaves any earlier dir/fileName intact and no temporary file behind. The file is 0644 so
    /// node_exporter, running as another user, can read it.
    static bool write(const QString& dir, const swaptier::SandboxSample& sample, const Labels& labels,
                      const Options& options, QString* error);

    /// A label value escaped for the exposition format: \ -> \\, " -> \", newline -> \n.
    static QString escapeLabelValue(const QString& value);
};

} // namespace swaptier::services
