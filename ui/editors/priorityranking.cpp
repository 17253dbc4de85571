// SPDX-License-Identifier: GPL-3.0-or-later
// PriorityRanking (priorityranking.h).
#include "editors/priorityranking.h"

#include <algorithm>

namespace swaptier::ui {

namespace {

constexpr int kMin = -1;
constexpr int kMax = 32767;

/// Raises the devices above position k (list order) so that q strictly decreases down to k.
bool raiseAbove(std::vector<int>& q, std::size_t k) {
    for (std::size_t i = k; i-- > 0;) {
        if (q[i] > q[i + 1])
            break;
        q[i] = q[i + 1] + 1;
        if (q[i] > kMax)
            return false;
    }
    return true;
}

/// Lowers the devices below position k so that q strictly decreases from k.
bool lowerBelow(std::vector<int>& q, std::size_t k) {
    for (std::size_t i = k + 1; i < q.size(); ++i) {
        if (q[i] < q[i - 1])
            break;
        q[i] = q[i - 1] - 1;
        if (q[i] < kMin)
            return false;
    }
    return true;
}

} // namespace

std::optional<std::vector<RankedDevice>> PriorityRanking::moveTo(const std::vector<RankedDevice>& ranked, int device,
                                                                 int rank) {
    auto it = std::find_if(ranked.begin(), ranked.end(), [device](const RankedDevice& d) { return d.device == device; });
    if (it == ranked.end())
        return std::nullopt;
    std::vector<RankedDevice> list = ranked;
    const RankedDevice moved = *it;
    list.erase(list.begin() + (it - ranked.begin()));
    const std::size_t k = std::size_t(std::clamp(rank, 0, int(list.size())));
    list.insert(list.begin() + std::ptrdiff_t(k), moved);

    std::vector<int> q;
    for (const RankedDevice& d : list)
        q.push_back(d.priority);
    const bool hasAbove = k > 0;
    const bool hasBelow = k + 1 < q.size();
    const int above = hasAbove ? q[k - 1] : kMax + 1;
    const int below = hasBelow ? q[k + 1] : kMin - 1;
    if (!(q[k] < above && q[k] > below)) {
        if (hasAbove && hasBelow && above - below >= 2) {
            q[k] = below + (above - below) / 2;
        } else if (!hasAbove) {
            q[k] = below + 1; // top: just above the old top
            if (q[k] > kMax) {
                q[k] = kMax;
                if (!lowerBelow(q, k))
                    return std::nullopt;
            }
        } else if (!hasBelow) {
            q[k] = above - 1; // bottom: just below the old bottom
            if (q[k] < kMin) {
                q[k] = kMin;
                if (!raiseAbove(q, k))
                    return std::nullopt;
            }
        } else {
            // No integer between the neighbours: make room by raising those above, or, when
            // that runs past the top of the range, by lowering those below.
            std::vector<int> up = q;
            up[k] = below + 1;
            if (up[k] <= kMax && raiseAbove(up, k)) {
                q = std::move(up);
            } else {
                q[k] = above - 1;
                if (q[k] < kMin || !lowerBelow(q, k))
                    return std::nullopt;
            }
        }
    }
    std::vector<RankedDevice> changes;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (q[i] != list[i].priority)
            changes.push_back({list[i].device, q[i]});
    return changes;
}

} // namespace swaptier::ui
