// SPDX-License-Identifier: GPL-3.0-or-later
// WorkloadProcess (see workloadprocess.h): spawns python3 building a realistic heap, for heap
// capture.
//
// What and why: a heap made by a real interpreter (dicts, lists, strings, small objects with
// attribute dicts) compresses like a real program's heap. The child gets the script with -c and
// text files to take words from, reports "ready <pid> <bytes>" on stdout, and blocks on stdin,
// so it exits by itself when the pipe closes (the parent died or is done).
#include "swaptier/workloadprocess.h"

#include "swaptier/pagecorpus.h"
#include "workload/seededhash.h"
#include "workload/workloadio.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

extern char** environ;

namespace swaptier {

using workload::Fd;
using workload::seededShuffle;

namespace {

// Builds a heap that looks like a real program's: word-count dicts, lists of strings, tuples,
// small objects with attribute dicts, ints and floats, a few bytes buffers; then reports
// "ready <pid> <bytes>" and blocks on stdin (EOF = parent gone or done: exit).
constexpr const char* kPythonHeapScript = R"PY(
import os, sys, random
target = int(sys.argv[1]) * 1024 * 1024
rnd = random.Random(1)
words = []
for path in sys.argv[2:]:
    try:
        with open(path, 'r', encoding='utf-8', errors='replace') as fh:
            words.extend(fh.read().split())
    except OSError:
        pass
    if len(words) > 1500000:
        break
if not words:
    words = ['swap', 'tier', 'zswap', 'cgroup', 'page', 'slot', 'cluster', 'device']
class Record:
    def __init__(self, name, count, tags):
        self.name = name
        self.count = count
        self.tags = tags
        self.score = count * 0.75
keep = []
size = 0
counts = {}
while size < target:
    kind = rnd.randrange(6)
    if kind == 0:
        d = {}
        for _ in range(rnd.randrange(4, 40)):
            w = rnd.choice(words)
            d[w] = d.get(w, 0) + 1
        keep.append(d); size += sys.getsizeof(d) + 64 * len(d)
    elif kind == 1:
        n = rnd.randrange(5, 60)
        s = ' '.join(rnd.choice(words) for _ in range(n))
        keep.append(s); size += sys.getsizeof(s)
    elif kind == 2:
        l = [rnd.choice(words) + str(rnd.randrange(1000)) for _ in range(rnd.randrange(3, 30))]
        keep.append(l); size += sys.getsizeof(l) + 56 * len(l)
    elif kind == 3:
        r = Record(rnd.choice(words), rnd.randrange(100000), (rnd.choice(words), rnd.choice(words)))
        keep.append(r); size += 300
    elif kind == 4:
        t = tuple(rnd.random() * 1000 for _ in range(rnd.randrange(2, 20)))
        keep.append(t); size += sys.getsizeof(t) + 24 * len(t)
    else:
        w = rnd.choice(words)
        counts[w] = counts.get(w, 0) + 1
        size += 8
print('ready', os.getpid(), size, flush=True)
sys.stdin.read()
)PY";

Error spawnError(int err) { return Error::of(Errc::IoError).file("python3").os(err); }

} // namespace

Result<std::unique_ptr<WorkloadProcess>> WorkloadProcess::startPython(std::vector<std::string> textFiles,
                                                                      unsigned targetMiB, int timeoutMs) {
    if (textFiles.empty()) {
        textFiles = PageCorpus::defaultTextFiles();
        seededShuffle(textFiles, 1);
        if (textFiles.size() > 300)
            textFiles.resize(300);
    }
    int in[2];
    int out[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        return spawnError(errno);
    if (::pipe2(out, O_CLOEXEC) != 0) {
        const int err = errno;
        ::close(in[0]);
        ::close(in[1]);
        return spawnError(err);
    }
    std::unique_ptr<WorkloadProcess> proc(new WorkloadProcess);
    proc->m_stdinFd = in[1];
    proc->m_stdoutFd = out[0];
    Fd childIn(in[0]);
    Fd childOut(out[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, childIn.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, childOut.get(), STDOUT_FILENO);

    std::vector<std::string> args{"python3", "-c", kPythonHeapScript, std::to_string(targetMiB)};
    args.insert(args.end(), textFiles.begin(), textFiles.end());
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    pid_t child = -1;
    const int rc = ::posix_spawnp(&child, "python3", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return spawnError(rc);
    proc->m_pid = child; // replaced by the interpreter's own pid below
    proc->m_childPid = child;
    childIn.reset();
    childOut.reset();

    // Wait for "ready <pid> <bytes>\n".
    std::string line;
    while (line.find('\n') == std::string::npos) {
        pollfd p{proc->m_stdoutFd, POLLIN, 0};
        const int pr = ::poll(&p, 1, timeoutMs);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr <= 0)
            return spawnError(pr == 0 ? ETIMEDOUT : errno);
        char buf[256];
        const ssize_t n = ::read(proc->m_stdoutFd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return spawnError(n == 0 ? ECHILD : errno); // exited before becoming ready
        line.append(buf, static_cast<std::size_t>(n));
    }
    long long pid = 0;
    unsigned long long bytes = 0;
    if (std::sscanf(line.c_str(), "ready %lld %llu", &pid, &bytes) != 2 || pid <= 0)
        return spawnError(EPROTO);
    proc->m_pid = static_cast<pid_t>(pid);
    proc->m_reportedBytes = bytes;
    return proc;
}

WorkloadProcess::~WorkloadProcess() {
    if (m_stdinFd >= 0)
        ::close(m_stdinFd); // the interpreter exits on EOF, even if it is not our direct child
    if (m_stdoutFd >= 0)
        ::close(m_stdoutFd);
    if (m_childPid > 0) {
        ::kill(m_childPid, SIGKILL);
        int status = 0;
        while (::waitpid(m_childPid, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

} // namespace swaptier
