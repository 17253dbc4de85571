// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxControl (swaptier/sandboxcontrol.h): the mailbox between a controlling thread and a
// running sandbox. Every state change bumps a generation and wakes the coordinator, so a
// paused or throttled run reacts at once to resume, stop, a new speed or a new action.
//
// Lock order: m_lock is a leaf: nothing else is taken under it and no action or callback runs
// under it.
#include "swaptier/sandboxcontrol.h"

#include <algorithm>

namespace swaptier {

void SandboxControl::setPaused(bool paused) {
    {
        std::lock_guard lock(m_lock);
        m_paused = paused;
        ++m_generation;
    }
    m_wake.notify_all();
}

bool SandboxControl::paused() const {
    std::lock_guard lock(m_lock);
    return m_paused;
}

Status SandboxControl::setSpeed(double share) {
    if (!(share > 0.0 && share <= 1.0))
        return Error::of(Errc::InvalidArgument).file("speed");
    {
        std::lock_guard lock(m_lock);
        m_speed = share;
        ++m_generation;
    }
    m_wake.notify_all();
    return {};
}

double SandboxControl::speed() const {
    std::lock_guard lock(m_lock);
    return m_speed;
}

std::uint64_t SandboxControl::submit(const SandboxAction& action) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_lock);
        id = m_nextId++;
        m_queue.push_back(Submitted{id, action, false});
        ++m_generation;
    }
    m_wake.notify_all();
    return id;
}

void SandboxControl::cancelAction(std::uint64_t id) {
    std::lock_guard lock(m_lock);
    if (id != 0 && id == m_runningId) {
        m_runningCancel.store(true, std::memory_order_relaxed);
        return;
    }
    for (Submitted& s : m_queue)
        if (s.id == id)
            s.cancelled = true;
}

std::size_t SandboxControl::queuedActions() const {
    std::lock_guard lock(m_lock);
    return m_queue.size();
}

void SandboxControl::stop() {
    {
        std::lock_guard lock(m_lock);
        m_stop = true;
        m_stopFlag.store(true, std::memory_order_relaxed);
        ++m_generation;
    }
    m_wake.notify_all();
}

bool SandboxControl::stopRequested() const { return m_stopFlag.load(std::memory_order_relaxed); }

std::optional<SandboxControl::Submitted> SandboxControl::takeAction() {
    std::lock_guard lock(m_lock);
    if (m_queue.empty())
        return std::nullopt;
    Submitted next = std::move(m_queue.front());
    m_queue.pop_front();
    m_runningId = next.cancelled ? 0 : next.id;
    m_runningCancel.store(false, std::memory_order_relaxed);
    return next;
}

void SandboxControl::actionFinished() {
    std::lock_guard lock(m_lock);
    m_runningId = 0;
    m_runningCancel.store(false, std::memory_order_relaxed);
}

void SandboxControl::setHoldAtEnd(bool hold) {
    {
        std::lock_guard lock(m_lock);
        m_holdAtEnd = hold;
        ++m_generation;
    }
    m_wake.notify_all();
}

bool SandboxControl::holdAtEnd() const {
    std::lock_guard lock(m_lock);
    return m_holdAtEnd;
}

bool SandboxControl::waitWhilePaused(std::chrono::milliseconds timeout, bool finished) {
    std::unique_lock lock(m_lock);
    const auto waiting = [&] { return (m_paused || (finished && m_holdAtEnd)) && !m_stop && m_queue.empty(); };
    if (!waiting())
        return false;
    const std::uint64_t seen = m_generation;
    m_wake.wait_for(lock, timeout, [&] { return m_generation != seen; });
    return waiting();
}

void SandboxControl::throttle(std::uint64_t roundNanos) {
    std::unique_lock lock(m_lock);
    if (m_speed >= 1.0 || m_stop || !m_queue.empty())
        return;
    const double extra = double(roundNanos) * (1.0 / m_speed - 1.0);
    const auto wait = std::chrono::nanoseconds(std::uint64_t(std::min(extra, 1e9)));
    const std::uint64_t seen = m_generation;
    m_wake.wait_for(lock, wait, [&] { return m_generation != seen; });
}

} // namespace swaptier
