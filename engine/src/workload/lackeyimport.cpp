// SPDX-License-Identifier: GPL-3.0-or-later
// importLackey (trace.h): `valgrind --tool=lackey --trace-mem=yes` output to a swaptier trace.
//
// Lackey writes one access per line, "I  ADDR,SIZE" for an instruction fetch and
// " L ADDR,SIZE", " S ADDR,SIZE", " M ADDR,SIZE" for a load, store and modify (hex address,
// decimal size). The same stream also holds valgrind's "==PID==" messages and, without
// --log-file, the program's own output. Real output is noisy, so nothing in the content is
// fatal: a line is a trace line only if it starts with one of the four prefixes above; other
// lines are counted and skipped, and a trace-prefixed line that does not parse is counted as
// malformed and skipped. Only I/O failures on the two files are errors.
#include "swaptier/trace.h"
#include "workload/textparse.h"

#include <stdio.h>
#include <sys/types.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_set>

namespace swaptier {

namespace {

using workload::isBlank;
using workload::parseNumber;
using workload::trimRight;

/// Lackey never reports an access wider than a vector register; anything beyond a page is
/// not lackey output, and refusing it bounds a line to at most two pages.
constexpr std::uint64_t kMaxAccessSize = kTracePageSize;

enum class LineClass { Instruction, Access, Other, Malformed };

struct LackeyLine {
    LineClass cls = LineClass::Other;
    AccessKind kind = AccessKind::Read;
    char letter = 0;
    std::uint64_t address = 0;
    std::uint64_t size = 0;
};

/// "==1234== ..." gives 1234.
std::optional<std::uint32_t> valgrindPid(std::string_view line) {
    if (!line.starts_with("=="))
        return std::nullopt;
    const auto close = line.find("==", 2);
    std::uint32_t pid = 0;
    if (close == std::string_view::npos || !parseNumber(line.substr(2, close - 2), pid, 10))
        return std::nullopt;
    return pid;
}

LackeyLine classify(std::string_view line) {
    LackeyLine out;
    if (line.size() < 3)
        return out;
    if (line[0] == 'I' && line[1] == ' ' && line[2] == ' ') {
        out.cls = LineClass::Instruction;
        out.letter = 'I';
    } else if (line[0] == ' ' && line[2] == ' ' && (line[1] == 'L' || line[1] == 'S' || line[1] == 'M')) {
        out.cls = LineClass::Access;
        out.letter = line[1];
        out.kind = line[1] == 'L' ? AccessKind::Read : line[1] == 'S' ? AccessKind::Write : AccessKind::Modify;
    } else {
        return out;
    }
    std::string_view rest = trimRight(line.substr(3));
    while (!rest.empty() && isBlank(rest.front()))
        rest.remove_prefix(1);
    const auto comma = rest.find(',');
    if (comma == std::string_view::npos || comma > 16 || !parseNumber(rest.substr(0, comma), out.address, 16)
        || !parseNumber(rest.substr(comma + 1), out.size, 10) || out.size == 0 || out.size > kMaxAccessSize
        || out.address + (out.size - 1) < out.address) {
        out.cls = LineClass::Malformed;
    }
    return out;
}

struct InputCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

} // namespace

Result<ImportStats> importLackey(const std::string& inputPath, const std::string& outputPath,
                                 const LackeyImportOptions& options) {
    std::unique_ptr<std::FILE, InputCloser> in(std::fopen(inputPath.c_str(), "re"));
    if (!in)
        return Error::of(Errc::IoError).file(inputPath).os(errno);

    TraceHeader header;
    header.source = options.source.empty() ? "valgrind lackey " + inputPath : options.source;
    auto writer = TraceWriter::create(outputPath, header);
    if (!writer)
        return writer.error();

    ImportStats stats;
    std::unordered_set<std::uint64_t> pages;
    std::optional<TraceRecord> last;
    std::uint32_t id = 0;
    auto put = [&](const TraceRecord& rec) -> Status {
        if (options.collapseRepeats && last && *last == rec)
            return {};
        last = rec;
        if (auto s = writer->write(rec); !s)
            return s;
        ++stats.recordsWritten;
        pages.insert(rec.page);
        return {};
    };

    char* buf = nullptr;
    std::size_t cap = 0;
    struct LineFree {
        char*& p;
        ~LineFree() { std::free(p); }
    } freeLine{buf};
    for (;;) {
        errno = 0;
        const ssize_t n = ::getline(&buf, &cap, in.get());
        if (n < 0)
            break;
        ++stats.lines;
        std::string_view line(buf, static_cast<std::size_t>(n));
        if (line.ends_with('\n'))
            line.remove_suffix(1);
        const LackeyLine l = classify(line);
        switch (l.cls) {
        case LineClass::Other:
            if (const auto pid = valgrindPid(line))
                id = *pid;
            ++stats.otherLines;
            continue;
        case LineClass::Malformed:
            ++stats.malformedLines;
            continue;
        case LineClass::Instruction:
            ++stats.instructionFetches;
            if (!options.includeInstructions)
                continue;
            break;
        case LineClass::Access:
            ++(l.letter == 'L' ? stats.loads : l.letter == 'S' ? stats.stores : stats.modifies);
            break;
        }
        const std::uint64_t first = l.address >> kTracePageShift;
        const std::uint64_t lastPage = (l.address + l.size - 1) >> kTracePageShift;
        for (std::uint64_t page = first; page <= lastPage; ++page) {
            if (auto s = put(TraceRecord{page, l.kind, id}); !s)
                return s.error();
        }
    }
    if (std::ferror(in.get()))
        return Error::of(Errc::IoError).file(inputPath).os(errno != 0 ? errno : EIO);
    if (auto s = writer->close(); !s)
        return s.error();
    stats.distinctPages = pages.size();
    return stats;
}

} // namespace swaptier
