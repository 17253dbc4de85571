// SPDX-License-Identifier: GPL-3.0-or-later
// The "swaptier trace v1" text format (trace.h, docs/trace-format.md): TraceWriter and
// TraceReader. Both stream through stdio one line at a time.
//
// Parsing is strict on content (kind letter, hex digits, decimal id, the three header lines)
// and lenient on layout (runs of spaces or tabs, trailing whitespace, a CR before the LF),
// so that hand-edited files still read. Every refusal names the byte offset of the line.
#include "swaptier/trace.h"
#include "workload/textparse.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <string_view>
#include <vector>

namespace swaptier {

namespace {

using workload::isBlank;
using workload::parseNumber;

constexpr std::string_view kMagicLine = "swaptier-trace";
constexpr std::string_view kPageSizeKey = "page-size";
constexpr std::string_view kSourceKey = "source";

/// Splits on runs of blanks. Empty input gives no fields.
std::vector<std::string_view> fields(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isBlank(line[i]))
            ++i;
        std::size_t j = i;
        while (j < line.size() && !isBlank(line[j]))
            ++j;
        if (j > i)
            out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

std::optional<AccessKind> kindFromLetter(std::string_view s) {
    if (s == "R")
        return AccessKind::Read;
    if (s == "W")
        return AccessKind::Write;
    if (s == "M")
        return AccessKind::Modify;
    return std::nullopt;
}

} // namespace

char accessKindLetter(AccessKind kind) {
    switch (kind) {
    case AccessKind::Read: return 'R';
    case AccessKind::Write: return 'W';
    case AccessKind::Modify: return 'M';
    }
    return '?';
}

// ---- TraceWriter ----------------------------------------------------------------------------

Result<TraceWriter> TraceWriter::create(const std::string& path, const TraceHeader& header) {
    if (header.version != kTraceFormatVersion || header.pageSize != kTracePageSize)
        return Error::of(Errc::InvalidArgument).file(path);
    detail::FilePtr file(std::fopen(path.c_str(), "we"));
    if (!file)
        return Error::of(Errc::IoError).file(path).os(errno);
    std::string source = header.source;
    for (char& c : source)
        if (c == '\n' || c == '\r')
            c = ' ';
    std::string head;
    head.append(kMagicLine).append(" ").append(std::to_string(kTraceFormatVersion)).append("\n");
    head.append(kPageSizeKey).append(" ").append(std::to_string(kTracePageSize)).append("\n");
    head.append(kSourceKey);
    if (!source.empty())
        head.append(" ").append(source);
    head.append("\n");
    TraceWriter w(std::move(file), path);
    if (std::fwrite(head.data(), 1, head.size(), w.m_file.get()) != head.size())
        return w.ioError(errno);
    return w;
}

Error TraceWriter::ioError(int err) const {
    return Error::of(Errc::IoError).file(m_path).os(err != 0 ? err : EIO);
}

Status TraceWriter::write(const TraceRecord& record) {
    if (!m_file)
        return Error::of(Errc::InvalidArgument).file(m_path);
    // "K " + 16 hex digits + " " + 10 decimal digits + "\n"
    char buf[2 + 16 + 1 + 10 + 1];
    char* p = buf;
    *p++ = accessKindLetter(record.kind);
    *p++ = ' ';
    p = std::to_chars(p, buf + sizeof buf, record.page, 16).ptr;
    if (record.id != 0) {
        *p++ = ' ';
        p = std::to_chars(p, buf + sizeof buf, record.id).ptr;
    }
    *p++ = '\n';
    const auto n = static_cast<std::size_t>(p - buf);
    errno = 0;
    if (std::fwrite(buf, 1, n, m_file.get()) != n)
        return ioError(errno);
    return {};
}

Status TraceWriter::close() {
    if (!m_file)
        return {};
    std::FILE* f = m_file.release();
    errno = 0;
    const bool flushed = std::fflush(f) == 0 && !std::ferror(f);
    const int flushErr = errno;
    errno = 0;
    const bool closed = std::fclose(f) == 0;
    if (!flushed)
        return ioError(flushErr);
    if (!closed)
        return ioError(errno);
    return {};
}

// ---- TraceReader ----------------------------------------------------------------------------

Result<bool> TraceReader::readLine() {
    m_line.clear();
    m_lineOffset = m_nextOffset;
    std::FILE* f = m_file.get();
    errno = 0;
    int c;
    bool any = false;
    while ((c = std::getc(f)) != EOF) {
        any = true;
        ++m_nextOffset;
        if (c == '\n')
            break;
        m_line.push_back(static_cast<char>(c));
    }
    if (std::ferror(f))
        return Error::of(Errc::IoError).file(m_path, m_lineOffset).os(errno != 0 ? errno : EIO);
    if (!m_line.empty() && m_line.back() == '\r')
        m_line.pop_back();
    return any;
}

Result<TraceReader> TraceReader::open(const std::string& path) {
    detail::FilePtr file(std::fopen(path.c_str(), "re"));
    if (!file)
        return Error::of(Errc::IoError).file(path).os(errno);
    TraceReader r(std::move(file), path);

    // Line 1: "swaptier-trace <version>"
    auto got = r.readLine();
    if (!got)
        return got.error();
    auto f = fields(r.m_line);
    if (!*got || f.size() != 2 || f[0] != kMagicLine || !parseNumber(f[1], r.m_header.version, 10)
        || r.m_header.version != kTraceFormatVersion)
        return r.malformed();

    // Line 2: "page-size 4096"
    got = r.readLine();
    if (!got)
        return got.error();
    f = fields(r.m_line);
    if (!*got || f.size() != 2 || f[0] != kPageSizeKey || !parseNumber(f[1], r.m_header.pageSize, 10)
        || r.m_header.pageSize != kTracePageSize)
        return r.malformed();

    // Line 3: "source[ <text>]" -- the text is the rest of the line after one separator.
    got = r.readLine();
    if (!got)
        return got.error();
    const std::string_view line = r.m_line;
    if (!*got || !line.starts_with(kSourceKey)
        || (line.size() > kSourceKey.size() && !isBlank(line[kSourceKey.size()])))
        return r.malformed();
    r.m_header.source = line.size() > kSourceKey.size() ? std::string(line.substr(kSourceKey.size() + 1)) : std::string();
    return r;
}

Result<std::optional<TraceRecord>> TraceReader::next() {
    if (!m_file)
        return Error::of(Errc::InvalidArgument).file(m_path);
    for (;;) {
        auto got = readLine();
        if (!got)
            return got.error();
        if (!*got)
            return std::optional<TraceRecord>();
        const auto f = fields(m_line);
        if (f.empty() || f[0].starts_with('#'))
            continue; // blank line or comment
        if (f.size() < 2 || f.size() > 3)
            return malformed();
        const auto kind = kindFromLetter(f[0]);
        TraceRecord rec;
        if (!kind || f[1].size() > 16 || !parseNumber(f[1], rec.page, 16))
            return malformed();
        rec.kind = *kind;
        if (f.size() == 3 && !parseNumber(f[2], rec.id, 10))
            return malformed();
        return std::optional<TraceRecord>(rec);
    }
}

} // namespace swaptier
