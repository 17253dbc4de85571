// SPDX-License-Identifier: GPL-3.0-or-later
// Memory-access traces: the "swaptier trace v1" text format (docs/trace-format.md), a
// streaming writer and reader for it, and an importer for the output of
// `valgrind --tool=lackey --trace-mem=yes`, so that the page accesses of a real program can
// later be replayed against any tier layout.
//
// A trace is a header (format version, page size, a one-line source description) followed by
// records {virtual page number, access kind, thread/process id}. Readers and writers work
// record by record and never hold the whole trace in memory.
//
// Like the rest of the workload API this reads and writes files directly with stdio, not
// through Env: traces are workload input, not the engine's storage path.
//
// Thread safety: none; a TraceReader or TraceWriter is used by one thread at a time.
#pragma once

#include "swaptier/status.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace swaptier {

inline constexpr int kTraceFormatVersion = 1;
inline constexpr std::uint32_t kTracePageSize = 4096;
inline constexpr unsigned kTracePageShift = 12;

/// How a record touches its page. Modify is a read followed by a write of the same bytes.
enum class AccessKind : std::uint8_t { Read, Write, Modify };

/// The format letter of a kind: 'R', 'W' or 'M'.
char accessKindLetter(AccessKind kind);

struct TraceRecord {
    std::uint64_t page = 0;          ///< virtual page number (address >> 12)
    AccessKind kind = AccessKind::Read;
    std::uint32_t id = 0;            ///< thread or process id, 0 if unknown

    friend bool operator==(const TraceRecord&, const TraceRecord&) = default;
};

struct TraceHeader {
    int version = kTraceFormatVersion;
    std::uint32_t pageSize = kTracePageSize;
    std::string source;              ///< one line; the writer turns CR and LF into spaces
};

namespace detail {
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;
} // namespace detail

/// Writes a trace file record by record. Movable, not copyable.
class TraceWriter {
public:
    /// Creates (or truncates) `path` and writes the header. IoError with path and errno if the
    /// file cannot be created; InvalidArgument if the header's version or page size is not
    /// the one this build writes.
    static Result<TraceWriter> create(const std::string& path, const TraceHeader& header);

    Status write(const TraceRecord& record);
    /// Flushes and closes the file; reports a late write error (e.g. ENOSPC). The destructor
    /// closes too, but silently.
    Status close();

    const std::string& path() const { return m_path; }

private:
    TraceWriter(detail::FilePtr file, std::string path) : m_file(std::move(file)), m_path(std::move(path)) {}
    Error ioError(int err) const;

    detail::FilePtr m_file;
    std::string m_path;
};

/// Reads a trace file record by record. Movable, not copyable.
class TraceReader {
public:
    /// Opens `path` and parses the header. IoError with errno if it cannot be opened or read;
    /// InvalidArgument with the byte offset of the offending line if the header is malformed,
    /// of another version or of another page size.
    static Result<TraceReader> open(const std::string& path);

    const TraceHeader& header() const { return m_header; }

    /// The next record, std::nullopt at end of file. A malformed line is InvalidArgument with
    /// path and the byte offset of the line's start; the following call continues after it.
    Result<std::optional<TraceRecord>> next();

private:
    TraceReader(detail::FilePtr file, std::string path) : m_file(std::move(file)), m_path(std::move(path)) {}
    /// Reads one line without its newline into m_line. False at end of file.
    Result<bool> readLine();
    Error malformed() const { return Error::of(Errc::InvalidArgument).file(m_path, m_lineOffset); }

    detail::FilePtr m_file;
    std::string m_path;
    TraceHeader m_header;
    std::string m_line;
    std::uint64_t m_lineOffset = 0;  ///< offset of the line in m_line
    std::uint64_t m_nextOffset = 0;  ///< offset of the line after it
};

struct LackeyImportOptions {
    bool includeInstructions = false; ///< emit instruction fetches ("I" lines) as Read records
    bool collapseRepeats = true;      ///< drop a record equal to the one written just before it
    std::string source;               ///< header source; empty: "valgrind lackey <inputPath>"
};

struct ImportStats {
    std::uint64_t lines = 0;              ///< every line of the input
    std::uint64_t instructionFetches = 0; ///< "I" lines (records only with includeInstructions)
    std::uint64_t loads = 0;              ///< " L" lines
    std::uint64_t stores = 0;             ///< " S" lines
    std::uint64_t modifies = 0;           ///< " M" lines
    std::uint64_t recordsWritten = 0;
    std::uint64_t distinctPages = 0;      ///< distinct pages among the records written
    std::uint64_t otherLines = 0;         ///< valgrind messages, program output, blank lines
    std::uint64_t malformedLines = 0;     ///< looked like trace lines but did not parse
};

/// Converts lackey `--trace-mem=yes` output at inputPath into a trace at outputPath. Noise
/// and malformed lines are counted and skipped, never an error. IoError with path and errno
/// if the input cannot be read or the output cannot be written. The record id is the PID of
/// the latest "==PID==" line seen (0 before the first).
Result<ImportStats> importLackey(const std::string& inputPath, const std::string& outputPath,
                                 const LackeyImportOptions& options = {});

} // namespace swaptier
