// SPDX-License-Identifier: GPL-3.0-or-later
// WorkloadProcess: a real child process holding a realistic heap, for
// PageCorpus::captureHeap(). A heap built by a real interpreter (dicts, lists, strings, small
// objects) compresses like a real program's, which no synthetic pattern does.
//
// This is workload generation, not the engine's storage path: it spawns python3 with POSIX
// calls and is not routed through Env.
#pragma once

#include "swaptier/status.h"

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swaptier {

/// A real child process holding a realistic heap (python3 building dicts, lists, strings and
/// objects from text files), for captureHeap(). It stays alive until destroyed (SIGKILL then
/// reaped); it also exits by itself when the parent dies (its stdin pipe closes).
class WorkloadProcess {
public:
    /// Starts `python3` with a heap of about targetMiB built from textFiles (default text files
    /// if empty) and waits up to timeoutMs for it to report ready. IoError with path "python3"
    /// if it cannot be started or does not become ready.
    static Result<std::unique_ptr<WorkloadProcess>> startPython(std::vector<std::string> textFiles = {},
                                                                unsigned targetMiB = 32, int timeoutMs = 60000);
    ~WorkloadProcess();
    WorkloadProcess(const WorkloadProcess&) = delete;
    WorkloadProcess& operator=(const WorkloadProcess&) = delete;

    /// The process whose heap to capture (the python interpreter itself).
    pid_t pid() const { return m_pid; }
    /// Bytes of heap the workload reported building (its own estimate).
    std::uint64_t reportedBytes() const { return m_reportedBytes; }

private:
    WorkloadProcess() = default;

    pid_t m_pid = -1;       ///< the interpreter (reported by itself)
    pid_t m_childPid = -1;  ///< what we spawned (the same process unless a launcher forked)
    int m_stdinFd = -1;
    int m_stdoutFd = -1;
    std::uint64_t m_reportedBytes = 0;
};

} // namespace swaptier
