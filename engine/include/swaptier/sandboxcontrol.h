// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxControl: steering a running sandbox from another thread (the desktop app's data source
// bar and action buttons): pause and resume, slow it down, and submit actions (compaction,
// writeback now, swapoff, priority and policy changes...) that run between two rounds, with
// progress and cancellation, whatever the scenario file planned. An AddDevice creates a swapfile
// on the fly: its index (ActionFigures::device) is the run's device count at the add, and later
// submitted actions name it by that index.
//
// Why a separate object: runSandbox() owns its threads and returns only at the end; the caller
// keeps this object, hands its address in SandboxCallbacks::control, and calls it from any
// thread while the run goes on. The run polls it at every round's barrier (the coordinator
// step, where no worker touches a page), so a pause or an action never meets a half-done
// round, and the determinism of the access stream is kept: pausing and slowing change the
// wall clock, not the rounds.
//
//   - pause: the coordinator waits at the barrier until resumed, cancelled or given an action
//     (submitted actions also run while paused: pause, compact, look, resume);
//   - speed: a share of full speed in (0, 1]; at 0.25 each round is followed by a wait of three
//     times its own duration (at most 1 s), interrupted by resume, cancel or a new setting;
//   - actions: queued in submission order, each with an id; a queued action can be cancelled
//     (reported as Cancelled without running), a running writeback or device compaction stops
//     at its next batch. Results come back through SandboxCallbacks::onAction, progress
//     through onActionProgress. A submitted action never ends the run: its error is reported.
//
// Thread safety: every member is thread-safe. Lock: m_lock (a leaf; never held while an
// action runs or a callback is called).
#pragma once

#include "swaptier/sandbox.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace swaptier {

class SandboxControl {
public:
    SandboxControl() = default;
    SandboxControl(const SandboxControl&) = delete;
    SandboxControl& operator=(const SandboxControl&) = delete;

    // --- for the controlling thread -------------------------------------------------------
    void setPaused(bool paused);
    bool paused() const;
    /// Share of full speed, 0 < share <= 1 (InvalidArgument otherwise, "speed").
    Status setSpeed(double share);
    double speed() const;
    /// Queues `action` (its `at` is ignored) for the next barrier; returns its id (from 1).
    std::uint64_t submit(const SandboxAction& action);
    /// Cancels a queued or running submitted action; an unknown or finished id is ignored.
    void cancelAction(std::uint64_t id);
    /// Submitted actions not yet started.
    std::size_t queuedActions() const;
    /// Ends the run after the current round (the same as SandboxCallbacks::cancel).
    void stop();
    bool stopRequested() const;
    /// When every workload is done, keep the run (and its swap setup) alive as if paused,
    /// running submitted actions, until stop(). Off by default (the run ends).
    void setHoldAtEnd(bool hold);
    bool holdAtEnd() const;

    // --- for the sandbox run (called by its coordinator step) ----------------------------
    struct Submitted {
        std::uint64_t id = 0;
        SandboxAction action;
        bool cancelled = false;                ///< cancelled while queued: report, do not run
    };
    /// The next queued action, marked running (its cancel flag cleared); none if the queue is empty.
    std::optional<Submitted> takeAction();
    /// The flag a running action's writeback or compaction polls.
    const std::atomic<bool>* runningCancelFlag() const { return &m_runningCancel; }
    /// The running action finished (clears the running id).
    void actionFinished();
    /// Waits while paused (or, with `finished`, while holding at the end); returns early when
    /// an action is queued, on stop or any other change, or after `timeout`. True if the caller
    /// should wait again (still paused or holding, nothing queued, no stop).
    bool waitWhilePaused(std::chrono::milliseconds timeout, bool finished = false);
    /// The wait that slows the run to speed(): `roundNanos` times (1/speed - 1), at most 1 s,
    /// cut short by resume, stop, a new speed or a queued action.
    void throttle(std::uint64_t roundNanos);

private:
    mutable std::mutex m_lock;
    std::condition_variable m_wake;
    bool m_paused = false;                     // GUARDED_BY(m_lock)
    bool m_stop = false;                       // GUARDED_BY(m_lock)
    bool m_holdAtEnd = false;                  // GUARDED_BY(m_lock)
    double m_speed = 1.0;                      // GUARDED_BY(m_lock)
    std::uint64_t m_generation = 0;            // GUARDED_BY(m_lock): bumped by every change
    std::uint64_t m_nextId = 1;                // GUARDED_BY(m_lock)
    std::deque<Submitted> m_queue;             // GUARDED_BY(m_lock)
    std::uint64_t m_runningId = 0;             // GUARDED_BY(m_lock): 0 = none
    std::atomic<bool> m_runningCancel{false};
    std::atomic<bool> m_stopFlag{false};       ///< m_stop, readable without the lock
};

} // namespace swaptier
