// SPDX-License-Identifier: GPL-3.0-or-later
// One sentence per error code, naming the subject (slot, device, file) when the error carries
// it; then the location facts the sentence did not already name (file, byte offset) and the
// operating system's own message for errno.
#include "errortext.h"

#include "swaptier/status.h"

#include <QCoreApplication>
#include <QStringList>

namespace swaptier::services {

namespace {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ErrorText)
};

constexpr std::uint64_t kNoOffset = ~std::uint64_t{0};

QString slotName(const Error& e) { return QString::number(e.slot.value); }
QString deviceName(const Error& e) { return QString::number(e.device.value); }
QString pathName(const Error& e) { return QString::fromStdString(e.path); }

/// The main sentence. Sets usedPath when it already names the file.
QString mainSentence(const Error& e, bool& usedPath) {
    const bool hasSlot = e.slot.valid();
    const bool hasDevice = e.device.valid();
    const bool hasPath = !e.path.empty();
    usedPath = false;
    switch (e.code) {
    case Errc::Ok:
        return ErrorText::tr("No error.");
    case Errc::UnknownSlot:
        return hasSlot ? ErrorText::tr("Swap slot %1 does not exist: it was never allocated or its cluster has "
                                       "been released.")
                             .arg(slotName(e))
                       : ErrorText::tr("The swap slot does not exist: it was never allocated or its cluster has "
                                       "been released.");
    case Errc::FreedSlot:
        return hasSlot ? ErrorText::tr("Swap slot %1 is free: its entry was already released.").arg(slotName(e))
                       : ErrorText::tr("The swap slot is free: its entry was already released.");
    case Errc::BackendFull:
        return ErrorText::tr("No backend could take the page: the compressed pool refused it and no swap device "
                             "has a free slot.");
    case Errc::PoolLimit:
        return ErrorText::tr("The compressed pool is at its memory limit and refuses pages until its usage drops "
                             "below the accept threshold.");
    case Errc::NoDevice:
        return ErrorText::tr("No swap device is available for this operation.");
    case Errc::UnknownDevice:
        return hasDevice ? ErrorText::tr("Swap device %1 does not exist: it was never added or has been removed.")
                               .arg(deviceName(e))
                         : ErrorText::tr("The swap device does not exist: it was never added or has been removed.");
    case Errc::DeviceFull:
        return hasDevice ? ErrorText::tr("Swap device %1 has no free slot.").arg(deviceName(e))
                         : ErrorText::tr("The swap device has no free slot.");
    case Errc::IoError:
        if (hasPath) {
            usedPath = true;
            return ErrorText::tr("Reading or writing \"%1\" failed.").arg(pathName(e));
        }
        return ErrorText::tr("A read or write failed.");
    case Errc::NoSpace:
        if (hasPath) {
            usedPath = true;
            return ErrorText::tr("The file system holding \"%1\" is full.").arg(pathName(e));
        }
        return ErrorText::tr("The file system holding the swap file is full.");
    case Errc::CorruptData:
        return hasSlot ? ErrorText::tr("The stored data of swap slot %1 is corrupt: it failed its checksum or "
                                       "could not be decompressed.")
                             .arg(slotName(e))
                       : ErrorText::tr("Stored data is corrupt: it failed its checksum or could not be "
                                       "decompressed.");
    case Errc::ShortIo:
        if (hasPath) {
            usedPath = true;
            return ErrorText::tr("A read or write of \"%1\" transferred fewer bytes than requested; the file may "
                                 "have been truncated.")
                .arg(pathName(e));
        }
        return ErrorText::tr("A read or write transferred fewer bytes than requested; the file may have been "
                             "truncated.");
    case Errc::InvalidArgument:
        return ErrorText::tr("An argument is out of range or malformed.");
    case Errc::Busy:
        return hasSlot ? ErrorText::tr("Swap slot %1 is being moved by another operation; try again later.")
                             .arg(slotName(e))
                       : ErrorText::tr("The entry is being moved by another operation; try again later.");
    case Errc::Cancelled:
        return ErrorText::tr("The operation was cancelled.");
    case Errc::Exists:
        if (hasPath) {
            usedPath = true;
            return ErrorText::tr("\"%1\" already exists and is not a swaptier swap file; it was left untouched.")
                .arg(pathName(e));
        }
        return ErrorText::tr("The file already exists and is not a swaptier swap file; it was left untouched.");
    case Errc::LimitExceeded:
        usedPath = true;
        return ErrorText::tr("The policy of cgroup %1 (%2) does not allow this page there.")
            .arg(e.cgroup.value)
            .arg(e.path.empty() ? ErrorText::tr("a limit") : QString::fromStdString(e.path));
    }
    return ErrorText::tr("Unknown error (code %1).").arg(int(e.code));
}

bool sentenceNamesSlot(Errc c) {
    return c == Errc::UnknownSlot || c == Errc::FreedSlot || c == Errc::CorruptData || c == Errc::Busy;
}

bool sentenceNamesDevice(Errc c) { return c == Errc::UnknownDevice || c == Errc::DeviceFull; }

} // namespace

QString errorText(const Error& error) {
    bool usedPath = false;
    QString text = mainSentence(error, usedPath);
    if (error.code == Errc::Ok)
        return text;

    // Facts the sentence did not name yet.
    QStringList where;
    if (error.slot.valid() && !sentenceNamesSlot(error.code))
        where << ErrorText::tr("swap slot %1").arg(slotName(error));
    if (error.device.valid() && !sentenceNamesDevice(error.code))
        where << ErrorText::tr("swap device %1").arg(deviceName(error));
    if (!error.path.empty() && !usedPath)
        where << ErrorText::tr("file \"%1\"").arg(pathName(error));
    if (error.offset != kNoOffset)
        where << ErrorText::tr("byte offset %1").arg(error.offset);
    if (!where.isEmpty())
        text += u' ' + ErrorText::tr("(At %1.)").arg(where.join(ErrorText::tr(", ")));
    if (error.osError != 0)
        text += u' '
                + ErrorText::tr("The system reported: %1 (errno %2).")
                      .arg(qt_error_string(error.osError))
                      .arg(error.osError);
    return text;
}

} // namespace swaptier::services
