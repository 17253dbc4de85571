// SPDX-License-Identifier: GPL-3.0-or-later
// ActionSpec (swaptierctl --action): specs give the actions they describe, the same as the
// equivalent [[action]] table of a file; bad specs name the offending word and say what is
// wrong with the scenario parser's words; addTo() adds to every variant or to none, and a later
// spec may name the device of an earlier add-device.
#include <QMap>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "actionspec.h"
#include "sandboxjson.h"
#include "scenario.h"

#include "swaptier/sandbox.h"

#include <optional>
#include <variant>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

// Devices "ssd" (index 0) and "1" (index 1), tiers fast and slow, cgroups / and batch.
const QByteArray kScenario = "format = 1\n"
                             "name = \"t\"\n"
                             "[pool]\nlimit = \"32M\"\n"
                             "[promotion]\nmin_loads = 3\n"
                             "[[device]]\nname = \"ssd\"\nsize = \"1M\"\npriority = 10\n"
                             "[[device]]\nname = \"1\"\nsize = \"1M\"\n"
                             "[[tier]]\nname = \"fast\"\nmin_priority = 10\n"
                             "[[tier]]\nname = \"slow\"\nmax_priority = 9\n"
                             "[[cgroup]]\nname = \"batch\"\n"
                             "[[workload]]\nname = \"w\"\nsize = \"1M\"\n";

LoadedScenario load(const QByteArray& text) {
    ScenarioParser::Options options;
    options.deviceDir = u"/srv/swaptier"_s;
    auto outcome = ScenarioParser::parse(text, u"t.toml"_s, options);
    if (auto* error = std::get_if<ScenarioError>(&outcome)) {
        QTest::qFail(qPrintable(error->toString()), __FILE__, __LINE__);
        return {};
    }
    return std::get<LoadedScenario>(std::move(outcome));
}

QString n(std::uint64_t v) { return v == kNoLimit ? u"max"_s : QString::number(v); }
QString b(bool v) { return v ? u"true"_s : u"false"_s; }

/// An action as "field" -> text, for expectations written as "field=value".
QMap<QString, QString> describe(const SandboxAction& a) {
    QMap<QString, QString> f;
    f[u"kind"_s] = SandboxJson::actionKindName(a.kind);
    f[u"at"_s] = QString::number(a.at);
    f[u"device"_s] = QString::number(a.device);
    f[u"priority"_s] = QString::number(a.priority);
    f[u"pool"_s] = u"%1/%2/%3/%4"_s.arg(b(a.pool.enabled), QLatin1String(codecName(a.pool.codec)))
                       .arg(a.pool.zstdLevel)
                       .arg(n(a.pool.limitBytes));
    f[u"cgroup"_s] = QString::number(a.cgroup);
    const WritebackOptions& w = a.writeback;
    f[u"writeback"_s] = u"%1/%2/%3/%4/%5/%6/%7"_s.arg(n(w.maxPages), n(w.maxPoolBytes), n(w.maxWriteBytes),
                                                     QString::number(w.minIdleNanos), b(w.secondChance),
                                                     b(w.compressed))
                            .arg(w.batchPages);
    const CgroupPolicyChange& p = a.policy;
    QString tiers = u"-"_s;
    if (p.allowedTiers) {
        QStringList names;
        for (const std::string& t : *p.allowedTiers)
            names << QString::fromStdString(t);
        tiers = u'[' + names.join(u',') + u']';
    }
    f[u"policy"_s] = u"%1/%2/%3/%4"_s.arg(p.swapMax ? n(*p.swapMax) : u"-"_s, p.zswapMax ? n(*p.zswapMax) : u"-"_s,
                                          p.zswapWriteback ? b(*p.zswapWriteback) : u"-"_s, tiers);
    const RecompressOptions& r = a.recompress;
    f[u"recompress"_s] = u"%1/%2/%3/%4"_s.arg(QLatin1String(codecName(r.codec)))
                             .arg(r.zstdLevel)
                             .arg(QString::number(r.minIdleNanos), n(r.maxPages));
    f[u"promotion"_s] = u"%1/%2/%3"_s.arg(b(a.promotion.deviceToPool), b(a.promotion.deviceToFasterTier)).arg(a.promotion.minLoads);
    const DeviceOptions& d = a.newDevice;
    const char* io = d.io == IoMode::Direct ? "direct" : d.io == IoMode::Buffered ? "buffered" : "auto";
    f[u"newDevice"_s] = u"%1/%2/%3/%4/%5/%6/%7"_s.arg(QString::fromStdString(d.path), n(d.sizeBytes))
                            .arg(d.priority)
                            .arg(QLatin1String(io), b(d.discard), b(d.preallocate), b(d.writeBehind));
    f[u"name"_s] = QString::fromStdString(a.newDeviceName);
    return f;
}

std::optional<SandboxAction> actionOf(const ActionSpec::Outcome& outcome) {
    if (const auto* error = std::get_if<ActionSpecError>(&outcome)) {
        QTest::qFail(qPrintable(error->toString()), __FILE__, __LINE__);
        return std::nullopt;
    }
    return std::get<SandboxAction>(outcome);
}

} // namespace

class TestActionSpec : public QObject {
    Q_OBJECT

private slots:
    void goodSpecs_data();
    void goodSpecs();
    void badSpecs_data();
    void badSpecs();
    void fileAndOptionAgree_data();
    void fileAndOptionAgree();
    void addToEveryVariant();
    void addToIsAllOrNothing();
    void addDevice_data();
    void addDevice();
    void laterSpecNamesAddedDevice();
    void everyKindNameIsAKind();
    void errorText();
    void helpNamesTheKinds();
};

void TestActionSpec::goodSpecs_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("kind alone") << u"compact-pool"_s << QStringList{u"kind=compact-pool"_s, u"at=1"_s};
    QTest::newRow("brief's writeback, dashes in keys")
        << u"writeback cgroup=/batch at=50% max-pages=4096"_s
        << QStringList{u"kind=writeback"_s, u"at=0.5"_s, u"cgroup=1"_s,
                       u"writeback=4096/max/max/0/true/false/256"_s};
    QTest::newRow("brief's set-policy") << u"set-policy cgroup=/batch zswap-max=16M at=0.3"_s
                                        << QStringList{u"kind=set-policy"_s, u"at=0.3"_s, u"cgroup=1"_s,
                                                       u"policy=-/16777216/-/-"_s};
    QTest::newRow("set-policy: list, boolean, max")
        << u"set-policy cgroup=batch allowed_tiers=slow,fast zswap_writeback=false swap_max=max"_s
        << QStringList{u"policy=max/-/false/[slow,fast]"_s};
    QTest::newRow("set-policy: empty list is every tier")
        << u"set-policy cgroup=batch allowed_tiers="_s << QStringList{u"policy=-/-/-/[]"_s};
    QTest::newRow("set-policy: TOML array")
        << u"set-policy cgroup=batch allowed_tiers=[\"slow\"]"_s << QStringList{u"policy=-/-/-/[slow]"_s};
    QTest::newRow("set-policy: bracketed list") << u"set-policy cgroup=/ allowed_tiers=[fast, slow]"_s
                                                << QStringList{u"cgroup=0"_s, u"policy=-/-/-/[fast,slow]"_s};
    QTest::newRow("kind as a key, every recompress key")
        << u"kind=recompress codec=zstd zstd_level=-3 min_idle=1.5s max_pages=10 cgroup=batch"_s
        << QStringList{u"kind=recompress"_s, u"cgroup=1"_s, u"recompress=zstd/-3/1500000000/10"_s};
    QTest::newRow("writeback: every key")
        << u"writeback cgroup=/ max_pages=8 max_pool_bytes=1M max_write_bytes=65536 min_idle=250 "
           "second_chance=false compressed=true batch_pages=1"_s
        << QStringList{u"cgroup=0"_s, u"writeback=8/1048576/65536/250000000/false/true/1"_s};
    QTest::newRow("spaces around words") << u"  writeback   at=start   "_s
                                         << QStringList{u"kind=writeback"_s, u"at=0"_s};
    QTest::newRow("set-pool: dotted keys keep the rest of [pool]")
        << u"set-pool pool.codec=zstd pool.zstd_level=7"_s << QStringList{u"pool=true/zstd/7/33554432"_s};
    QTest::newRow("set-pool: inline table with spaces")
        << u"set-pool pool={ codec = \"lzo\", limit = \"8M\" }"_s << QStringList{u"pool=true/lzo/3/8388608"_s};
    QTest::newRow("compact-device") << u"compact-device device=ssd at=end"_s
                                    << QStringList{u"kind=compact-device"_s, u"device=0"_s, u"at=1"_s};
    QTest::newRow("a device name that looks like a number") << u"swapoff device=1"_s
                                                            << QStringList{u"kind=swapoff"_s, u"device=1"_s};
    QTest::newRow("quoted name") << u"swapoff device=\"ssd\""_s << QStringList{u"device=0"_s};
    QTest::newRow("negative priority") << u"set-priority device=ssd priority=-1"_s
                                       << QStringList{u"kind=set-priority"_s, u"priority=-1"_s};
    QTest::newRow("set-promotion starts from [promotion]")
        << u"set-promotion device-to-pool=true"_s << QStringList{u"kind=set-promotion"_s, u"promotion=true/false/3"_s};
    QTest::newRow("set-promotion up the tiers")
        << u"set-promotion device-to-faster-tier=true min-loads=2"_s
        << QStringList{u"kind=set-promotion"_s, u"promotion=false/true/2"_s};
}

void TestActionSpec::goodSpecs() {
    QFETCH(QString, spec);
    QFETCH(QStringList, expected);
    const LoadedScenario scenario = load(kScenario);
    if (QTest::currentTestFailed())
        return;
    const auto action = actionOf(ActionSpec::parse(spec, scenario.variants[0].config));
    if (!action)
        return;
    const QMap<QString, QString> fields = describe(*action);
    for (const QString& e : expected) {
        const qsizetype eq = e.indexOf(u'=');
        QVERIFY2(fields.contains(e.left(eq)), qPrintable(e));
        QCOMPARE(fields.value(e.left(eq)), e.mid(eq + 1));
    }
}

void TestActionSpec::badSpecs_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("word");     // the word the error blames; "" = the whole spec
    QTest::addColumn<QString>("fragment"); // part of the message

    QTest::newRow("empty") << u"   "_s << QString() << u"no action given"_s;
    QTest::newRow("kind typo") << u"writebak at=50%"_s << u"writebak"_s
                               << u"'kind' in --action must be one of"_s;
    QTest::newRow("kind typo: did you mean") << u"writebak"_s << u"writebak"_s << u"did you mean \"writeback\"?"_s;
    QTest::newRow("unknown cgroup: did you mean")
        << u"writeback cgroup=/bach"_s << u"cgroup=/bach"_s
        << u"unknown cgroup '/bach' in --action, did you mean '/batch'? (cgroups: /, batch)"_s;
    QTest::newRow("batch_pages 0") << u"writeback batch_pages=0"_s << u"batch_pages=0"_s
                                   << u"'batch_pages' in --action must be between 1 and 512, not 0"_s;
    QTest::newRow("batch-pages 513") << u"writeback at=end batch-pages=513"_s << u"batch-pages=513"_s
                                     << u"'batch_pages' in --action must be between 1 and 512, not 513"_s;
    QTest::newRow("zswap_max lots") << u"set-policy cgroup=batch zswap_max=lots"_s << u"zswap_max=lots"_s
                                    << u"'zswap_max' in --action: 'lots' is not a size"_s;
    QTest::newRow("undeclared tier") << u"set-policy cgroup=batch allowed_tiers=fast,nvme"_s
                                     << u"allowed_tiers=fast,nvme"_s
                                     << u"unknown tier 'nvme' in 'allowed_tiers' in --action (tiers: fast, slow)"_s;
    QTest::newRow("codec raw") << u"recompress codec=raw"_s << u"codec=raw"_s
                               << u"unknown codec 'raw' in --action: recompression compresses with"_s;
    QTest::newRow("set-policy changes nothing")
        << u"set-policy cgroup=batch"_s << QString()
        << u"kind = \"set-policy\" in --action changes nothing: give at least one of"_s;
    QTest::newRow("missing required key") << u"swapoff"_s << QString()
                                          << u"missing required key 'device' in --action"_s;
    QTest::newRow("unknown device") << u"compact-device device=nvme"_s << u"device=nvme"_s
                                    << u"unknown device 'nvme' in --action (devices: ssd, 1)"_s;
    QTest::newRow("key of another kind") << u"compact-pool device=ssd"_s << u"device=ssd"_s
                                         << u"'device' in --action does not apply to kind = \"compact-pool\""_s;
    QTest::newRow("key typo: did you mean") << u"writeback max_pagez=3"_s << u"max_pagez=3"_s
                                            << u"unknown key 'max_pagez' in --action, did you mean 'max_pages'?"_s;
    QTest::newRow("a word without =") << u"writeback max_pages"_s << u"max_pages"_s << u"expected KEY=VALUE"_s;
    QTest::newRow("a key twice") << u"writeback max_pages=1 max-pages=2"_s << u"max-pages=2"_s
                                 << u"'max_pages' is given twice"_s;
    QTest::newRow("kind twice") << u"writeback kind=recompress"_s << u"kind=recompress"_s
                                << u"'kind' is given twice"_s;
    QTest::newRow("not a key") << u"writeback max%pages=3"_s << u"max%pages=3"_s << u"'max%pages' is not a key"_s;
    QTest::newRow("empty key") << u"writeback =3"_s << u"=3"_s << u"is not a key"_s;
    QTest::newRow("open quote") << u"swapoff device=\"ssd"_s << u"device=\"ssd"_s
                                << u"a quote or bracket is not closed"_s;
    QTest::newRow("open bracket") << u"set-pool pool={codec = \"lz4\""_s << u"pool={codec = \"lz4\""_s
                                  << u"a quote or bracket is not closed"_s;
    QTest::newRow("at past the end") << u"writeback at=120%"_s << u"at=120%"_s << u"not \"120%\""_s;
    QTest::newRow("boolean expected") << u"writeback second_chance=maybe"_s << u"second_chance=maybe"_s
                                      << u"'second_chance' in --action must be true or false, not a string"_s;
    QTest::newRow("pool key") << u"set-pool pool.codec=gzip"_s << u"pool.codec=gzip"_s
                              << u"unknown codec 'gzip' in --action.pool"_s;
    QTest::newRow("dotted key clashes with a table")
        << u"set-pool pool={codec=\"lz4\"} pool.limit=8M"_s << u"pool.limit=8M"_s << u"cannot be read"_s;
    QTest::newRow("line break in a value") << u"writeback cgroup=\"a\nb\""_s << u"cgroup=\"a\nb\""_s
                                           << u"control characters or line breaks"_s;
}

void TestActionSpec::badSpecs() {
    QFETCH(QString, spec);
    QFETCH(QString, word);
    QFETCH(QString, fragment);
    const LoadedScenario scenario = load(kScenario);
    if (QTest::currentTestFailed())
        return;
    const auto outcome = ActionSpec::parse(spec, scenario.variants[0].config);
    const auto* error = std::get_if<ActionSpecError>(&outcome);
    QVERIFY2(error, "the spec should have been refused");
    QCOMPARE(error->spec, spec);
    QCOMPARE(error->word, word);
    QVERIFY2(error->message.contains(fragment), qPrintable(error->message));
}

void TestActionSpec::fileAndOptionAgree_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("table"); // the same action as an [[action]] body

    QTest::newRow("writeback") << u"writeback cgroup=/batch at=50% max_pages=4096 min_idle=30s second_chance=false"_s
                               << QByteArray("kind = \"writeback\"\ncgroup = \"/batch\"\nat = \"50%\"\n"
                                             "max_pages = 4096\nmin_idle = \"30s\"\nsecond_chance = false\n");
    QTest::newRow("set-policy") << u"set-policy cgroup=batch zswap_max=16M allowed_tiers=slow at=0.25"_s
                                << QByteArray("kind = \"set-policy\"\ncgroup = \"batch\"\nzswap_max = \"16M\"\n"
                                              "allowed_tiers = [\"slow\"]\nat = 0.25\n");
    QTest::newRow("recompress") << u"recompress codec=lzo max_pages=5"_s
                                << QByteArray("kind = \"recompress\"\ncodec = \"lzo\"\nmax_pages = 5\n");
    QTest::newRow("set-pool") << u"set-pool pool.limit=16M at=start"_s
                              << QByteArray("kind = \"set-pool\"\npool = { limit = \"16M\" }\nat = \"start\"\n");
    QTest::newRow("set-promotion") << u"set-promotion min_loads=2"_s
                                   << QByteArray("kind = \"set-promotion\"\nmin_loads = 2\n");
    QTest::newRow("add-device") << u"add-device name=extra path=/srv/x.swap size=64M priority=5 io=direct at=30%"_s
                                << QByteArray("kind = \"add-device\"\nname = \"extra\"\npath = \"/srv/x.swap\"\n"
                                              "size = \"64M\"\npriority = 5\nio = \"direct\"\nat = \"30%\"\n");
}

void TestActionSpec::fileAndOptionAgree() {
    QFETCH(QString, spec);
    QFETCH(QByteArray, table);
    const LoadedScenario withFile = load(kScenario + "[[action]]\n" + table);
    const LoadedScenario plain = load(kScenario);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(withFile.variants[0].config.actions.size(), std::size_t(1));
    const auto fromOption = actionOf(ActionSpec::parse(spec, plain.variants[0].config));
    if (!fromOption)
        return;
    QCOMPARE(describe(*fromOption), describe(withFile.variants[0].config.actions[0]));
}

void TestActionSpec::addToEveryVariant() {
    LoadedScenario scenario =
        load(kScenario + "[[action]]\nkind = \"compact-pool\"\n[sweep]\nkey = \"pool.limit\"\nvalues = [\"8M\", \"16M\"]\n");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(scenario.variants.size(), std::size_t(2));
    const auto error = ActionSpec::addTo(scenario, {u"writeback max_pages=1"_s, u"set-pool pool.codec=zstd"_s});
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    for (const ScenarioVariant& v : scenario.variants) {
        QCOMPARE(v.config.actions.size(), std::size_t(3)); // the file's first, then the options in order
        QCOMPARE(v.config.actions[0].kind, SandboxAction::Kind::CompactPool);
        QCOMPARE(v.config.actions[1].kind, SandboxAction::Kind::Writeback);
        QCOMPARE(v.config.actions[2].kind, SandboxAction::Kind::SetPool);
    }
    // A set-pool starts from each variant's own [pool].
    QCOMPARE(scenario.variants[0].config.actions[2].pool.limitBytes, std::uint64_t(8) << 20);
    QCOMPARE(scenario.variants[1].config.actions[2].pool.limitBytes, std::uint64_t(16) << 20);
}

void TestActionSpec::addToIsAllOrNothing() {
    LoadedScenario scenario = load(kScenario);
    if (QTest::currentTestFailed())
        return;
    const auto error = ActionSpec::addTo(scenario, {u"compact-pool"_s, u"writeback batch_pages=0"_s});
    QVERIFY(error);
    QCOMPARE(error->word, u"batch_pages=0"_s);
    QVERIFY(scenario.variants[0].config.actions.empty());
    QVERIFY(!ActionSpec::addTo(scenario, {}));
    QVERIFY(scenario.variants[0].config.actions.empty());
}

void TestActionSpec::everyKindNameIsAKind() {
    // The JSON report names action kinds as the scenario format does.
    const LoadedScenario scenario = load(kScenario);
    if (QTest::currentTestFailed())
        return;
    using Kind = SandboxAction::Kind;
    const struct {
        Kind kind;
        const char* keys;
    } kinds[] = {{Kind::Swapoff, "device=ssd"},          {Kind::SetPriority, "device=ssd priority=1"},
                 {Kind::SetPool, "pool={}"},             {Kind::CompactDevice, "device=ssd"},
                 {Kind::CompactPool, ""},                {Kind::Writeback, ""},
                 {Kind::SetCgroupPolicy, "cgroup=/ zswap_max=1M"}, {Kind::Recompress, ""},
                 {Kind::SetPromotion, "min_loads=1"},   {Kind::AddDevice, "path=/srv/new.swap size=1M"}};
    for (const auto& k : kinds) {
        const QString spec = SandboxJson::actionKindName(k.kind) + u' ' + QLatin1String(k.keys);
        const auto action = actionOf(ActionSpec::parse(spec, scenario.variants[0].config));
        QVERIFY(action);
        QCOMPARE(action->kind, k.kind);
    }
}

// add-device takes the keys of a [[device]] table; with a device directory, a relative path (or
// the default "<name>.swap") is taken in it. The name and the swapfile must be new.
void TestActionSpec::addDevice_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("deviceDir");
    QTest::addColumn<QString>("expected"); // newDevice "path/size/priority/io/discard/preallocate/write_behind", or "!word: error fragment"

    const QString dir = u"/run/devs"_s;
    QTest::newRow("the brief's, no name") << u"add-device path=/tmp/a.swap size=64M priority=5"_s << QString()
                                          << u"/tmp/a.swap/67108864/5/auto/true/false/true"_s;
    QTest::newRow("name: default path in the device dir")
        << u"add-device name=extra size=1M"_s << dir << u"/run/devs/extra.swap/1048576/-1/auto/true/false/true"_s;
    QTest::newRow("relative path in the device dir")
        << u"add-device path=sub/../b.swap size=8K io=buffered discard=false preallocate=true write_behind=false"_s
        << dir << u"/run/devs/b.swap/8192/-1/buffered/false/true/false"_s;
    QTest::newRow("a path that looks like a number") << u"add-device path=5 size=4K"_s << dir
                                                     << u"/run/devs/5/4096/-1/auto/true/false/true"_s;
    QTest::newRow("relative path without a device dir")
        << u"add-device name=extra size=1M"_s << QString() << u"!:no device directory was given"_s;
    QTest::newRow("neither name nor path") << u"add-device size=1M"_s << dir
                                           << u"!:missing required key 'path' in --action"_s;
    QTest::newRow("no size") << u"add-device name=x"_s << dir << u"!:missing required key 'size' in --action"_s;
    QTest::newRow("size not whole pages") << u"add-device name=x size=5000"_s << dir
                                          << u"!size=5000:'size' in --action must be a whole number of 4096-byte pages"_s;
    QTest::newRow("priority out of range") << u"add-device name=x size=1M priority=40000"_s << dir
                                           << u"!priority=40000:must be between -1 and 32767"_s;
    QTest::newRow("io mode") << u"add-device name=x size=1M io=fast"_s << dir << u"!io=fast:'io' in --action must be one of"_s;
    QTest::newRow("name of a device") << u"add-device name=ssd size=1M path=/tmp/o.swap"_s << dir
                                      << u"!name=ssd:duplicate device name 'ssd'"_s;
    QTest::newRow("invalid name") << u"add-device name=a/b size=1M"_s << dir
                                  << u"!name=a/b:device name 'a/b' may only use letters"_s;
    QTest::newRow("swapfile of a device") << u"add-device name=x size=1M path=/srv/swaptier/ssd.swap"_s << dir
                                          << u"!path=/srv/swaptier/ssd.swap:device 'x' uses the same swapfile as device "
                                             "'ssd': /srv/swaptier/ssd.swap"_s;
    QTest::newRow("key of another kind") << u"add-device name=x size=1M cgroup=/"_s << dir
                                         << u"!cgroup=/:'cgroup' in --action does not apply to kind = \"add-device\""_s;
    QTest::newRow("device key") << u"add-device name=x size=1M device=ssd"_s << dir
                                << u"!device=ssd:does not apply to kind = \"add-device\""_s;
}

void TestActionSpec::addDevice() {
    QFETCH(QString, spec);
    QFETCH(QString, deviceDir);
    QFETCH(QString, expected);
    const LoadedScenario scenario = load(kScenario);
    if (QTest::currentTestFailed())
        return;
    const auto outcome = ActionSpec::parse(spec, scenario.variants[0].config, deviceDir);
    if (expected.startsWith(u'!')) {
        const auto* error = std::get_if<ActionSpecError>(&outcome);
        QVERIFY2(error, "the spec should have been refused");
        const qsizetype colon = expected.indexOf(u':');
        QCOMPARE(error->word, expected.mid(1, colon - 1));
        QVERIFY2(error->message.contains(expected.mid(colon + 1)), qPrintable(error->message));
        return;
    }
    const auto action = actionOf(outcome);
    if (!action)
        return;
    QCOMPARE(action->kind, SandboxAction::Kind::AddDevice);
    QCOMPARE(describe(*action).value(u"newDevice"_s), expected);
}

// A later --action names the device an earlier one adds (it is device 2: after ssd and "1"),
// but not before that add runs; two adds may not share a name or a swapfile.
void TestActionSpec::laterSpecNamesAddedDevice() {
    LoadedScenario scenario = load(kScenario);
    if (QTest::currentTestFailed())
        return;
    const QString dir = u"/run/devs"_s;
    auto error = ActionSpec::addTo(
        scenario, {u"add-device name=extra size=1M at=30%"_s, u"swapoff device=extra at=50%"_s}, dir);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    const auto& actions = scenario.variants[0].config.actions;
    QCOMPARE(actions.size(), std::size_t(2));
    QCOMPARE(actions[0].newDeviceName, std::string("extra"));
    QCOMPARE(actions[0].newDevice.path, std::string("/run/devs/extra.swap"));
    QCOMPARE(actions[1].kind, SandboxAction::Kind::Swapoff);
    QCOMPARE(actions[1].device, 2);
    QVERIFY(validateSandboxConfig(scenario.variants[0].config).ok());

    LoadedScenario again = load(kScenario);
    error = ActionSpec::addTo(again, {u"add-device name=extra size=1M at=60%"_s, u"compact-device device=extra at=50%"_s},
                              dir);
    QVERIFY(error);
    QCOMPARE(error->word, u"device=extra"_s);
    QVERIFY2(error->message.contains(u"device 'extra' is added at \"60%\", after this action runs (at \"50%\")"_s),
             qPrintable(error->message));
    QVERIFY(again.variants[0].config.actions.empty());
    error = ActionSpec::addTo(again, {u"add-device name=extra size=1M"_s, u"add-device name=extra size=1M path=o.swap"_s},
                              dir);
    QVERIFY(error);
    QVERIFY2(error->message.contains(u"duplicate device name 'extra'"_s), qPrintable(error->message));
    error = ActionSpec::addTo(again, {u"add-device name=one size=1M path=x.swap"_s, u"add-device name=two size=1M path=x.swap"_s},
                              dir);
    QVERIFY(error);
    QVERIFY2(error->message.contains(u"device 'two' uses the same swapfile as device 'one': /run/devs/x.swap"_s),
             qPrintable(error->message));
}

void TestActionSpec::errorText() {
    ActionSpecError e{u"writeback batch_pages=0"_s, u"batch_pages=0"_s, u"bad"_s};
    QCOMPARE(e.toString(), u"invalid --action \"writeback batch_pages=0\": at 'batch_pages=0': bad"_s);
    e.word.clear();
    QCOMPARE(e.toString(), u"invalid --action \"writeback batch_pages=0\": bad"_s);
}

void TestActionSpec::helpNamesTheKinds() {
    const QString help = ActionSpec::helpText();
    for (const char* kind : {"swapoff", "set-priority", "set-pool", "compact-device", "compact-pool", "writeback",
                             "set-policy", "recompress", "set-promotion", "add-device"})
        QVERIFY2(help.contains(QLatin1String(kind)), kind);
    QVERIFY(help.contains(u"--action \"writeback cgroup=/batch at=50% max_pages=4096\""_s));
}

QTEST_GUILESS_MAIN(TestActionSpec)
#include "tst_actionspec.moc"
