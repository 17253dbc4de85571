// SPDX-License-Identifier: GPL-3.0-or-later
// Stable machine names of the engine's enums (errors, codecs, backends): used in logs, JSON
// reports and tests. They are identifiers, not user-facing text; services/ translates.
#include "swaptier/options.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"

namespace swaptier {

const char* errcName(Errc code) {
    switch (code) {
    case Errc::Ok: return "ok";
    case Errc::UnknownSlot: return "unknown-slot";
    case Errc::FreedSlot: return "freed-slot";
    case Errc::BackendFull: return "backend-full";
    case Errc::PoolLimit: return "pool-limit";
    case Errc::NoDevice: return "no-device";
    case Errc::UnknownDevice: return "unknown-device";
    case Errc::DeviceFull: return "device-full";
    case Errc::IoError: return "io-error";
    case Errc::NoSpace: return "no-space";
    case Errc::CorruptData: return "corrupt-data";
    case Errc::ShortIo: return "short-io";
    case Errc::InvalidArgument: return "invalid-argument";
    case Errc::Busy: return "busy";
    case Errc::Cancelled: return "cancelled";
    case Errc::Exists: return "exists";
    case Errc::LimitExceeded: return "limit-exceeded";
    }
    return "unknown-error";
}

const char* codecName(Codec codec) {
    switch (codec) {
    case Codec::Raw: return "raw";
    case Codec::Zstd: return "zstd";
    case Codec::Lz4: return "lz4";
    case Codec::Lzo: return "lzo";
    }
    return "unknown";
}

std::optional<Codec> codecFromName(std::string_view name) {
    for (Codec c : {Codec::Raw, Codec::Zstd, Codec::Lz4, Codec::Lzo})
        if (name == codecName(c))
            return c;
    return std::nullopt;
}

const char* backendName(Backend backend) {
    switch (backend) {
    case Backend::Zero: return "zero";
    case Backend::Pool: return "pool";
    case Backend::Device: return "device";
    case Backend::Memory: return "memory";
    }
    return "unknown";
}

} // namespace swaptier
