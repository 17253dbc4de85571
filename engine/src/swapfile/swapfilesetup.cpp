// SPDX-License-Identifier: GPL-3.0-or-later
// Swapfile setup: the refuse-foreign-files check, sizing and the header page. See
// swapfilesetup.h for what is promised and why.
#include "swapfile/swapfilesetup.h"

#include "swapfile/swapheader.h"

#include <cerrno>

namespace swaptier::swapfile {
namespace {

/// One page-aligned page buffer (so that direct I/O needs no bounce).
struct alignas(File::directIoAlignment()) PageBuffer {
    std::byte bytes[kPageSize];
};

struct OpenedFile {
    std::unique_ptr<File> file;
    bool created = false;  ///< we created the path: remove it if setup fails
    bool wasEmpty = false; ///< an existing empty file: truncate it back if setup fails
};

/// Opens options.path: creates it if missing; an existing file must be empty or start with
/// the swaptier magic (else Exists, and not one byte of it is written).
Result<OpenedFile> openOrTakeOver(Env* env, DeviceId id, const DeviceOptions& options) {
    OpenOptions open;
    open.create = true;
    open.exclusive = true;
    open.direct = options.io != IoMode::Buffered;
    auto created = env->open(options.path, open);
    if (created)
        return OpenedFile{std::move(created).value(), true, false};
    if (created.code() != Errc::Exists)
        return Error(created.error()).on(id);

    open.create = false;
    open.exclusive = false;
    auto existing = env->open(options.path, open);
    if (!existing)
        return Error(existing.error()).on(id);
    File& file = **existing;
    auto size = file.size();
    if (!size)
        return Error(size.error()).on(id);
    if (*size == 0)
        return OpenedFile{std::move(existing).value(), false, true};
    if (*size < kPageSize) // too short to be ours
        return deviceError(Errc::Exists, id, options.path, 0);
    PageBuffer header;
    if (Status s = file.readAt(0, header.bytes); !s)
        return Error(s.error()).on(id);
    if (!hasSwapMagic(header.bytes, kPageSize))
        return deviceError(Errc::Exists, id, options.path, 0);
    return OpenedFile{std::move(existing).value(), false, false};
}

/// Sizes the file, reserves its blocks if asked and writes the header.
Status setUp(File& file, std::uint64_t slots, std::uint32_t clusterSlots, const DeviceOptions& options) {
    const std::uint64_t fileBytes = slotOffset(slots);
    // Truncating to 0 first drops a taken-over file's old blocks: its contents are meaningless.
    if (Status s = file.truncate(0); !s)
        return s;
    if (Status s = file.truncate(fileBytes); !s)
        return s;
    if (options.preallocate)
        if (Status s = file.allocate(0, fileBytes); !s)
            return s;
    SwapHeader h;
    h.slotCount = slots;
    h.clusterSlots = clusterSlots;
    PageBuffer page;
    encodeSwapHeader(h, page.bytes);
    if (Status s = file.writeAt(0, page.bytes); !s)
        return s;
    return file.sync();
}

} // namespace

Error deviceError(Errc code, DeviceId id, const std::string& path, std::uint64_t offset) {
    Error e = Error::of(code);
    e.on(id).file(path, offset);
    return e;
}

Result<std::unique_ptr<File>> openSwapfile(Env* env, DeviceId id, const DeviceOptions& options, std::uint64_t slots,
                                           std::uint32_t clusterSlots) {
    auto opened = openOrTakeOver(env, id, options);
    if (!opened)
        return opened.error();
    OpenedFile& of = *opened;
    auto fail = [&](Error e) -> Error {
        if (of.created) {
            of.file.reset();
            static_cast<void>(env->remove(options.path));
        } else if (of.wasEmpty) {
            static_cast<void>(of.file->truncate(0));
        }
        return e.on(id);
    };
    if (options.io == IoMode::Direct && !of.file->directIo())
        return fail(deviceError(Errc::IoError, id, options.path).os(EINVAL));
    if (Status s = setUp(*of.file, slots, clusterSlots, options); !s)
        return fail(s.error());
    return std::move(of.file);
}

} // namespace swaptier::swapfile
