#include "app/common/write_file.h"

#include <QCoreApplication>
#include <QFile>

#include <cstring>

#include <string_view>

namespace jevons::app {
namespace {

QString stepText(core::WriteStep step) {
    switch (step) {
        case core::WriteStep::CheckPath:
            return QCoreApplication::translate("jevons::app::WriteFile",
                                               "it is a folder, not a file");
        case core::WriteStep::CreateTemporary:
            return QCoreApplication::translate("jevons::app::WriteFile",
                                               "creating a temporary file beside it");
        case core::WriteStep::SetMode:
            return QCoreApplication::translate("jevons::app::WriteFile", "setting its permissions");
        case core::WriteStep::Write:
            return QCoreApplication::translate("jevons::app::WriteFile", "writing");
        case core::WriteStep::Flush:
            return QCoreApplication::translate("jevons::app::WriteFile", "flushing to disk");
        case core::WriteStep::Close:
            return QCoreApplication::translate("jevons::app::WriteFile", "closing");
        case core::WriteStep::Rename:
            return QCoreApplication::translate("jevons::app::WriteFile", "replacing the file");
    }
    return QString::fromUtf8(core::describe(step));
}

}  // namespace

QString writeFailureReason(const core::AtomicWriteError& error) {
    return QCoreApplication::translate("jevons::app::WriteFile", "%1 (%2)")
        .arg(QString::fromLocal8Bit(std::strerror(error.error())), stepText(error.step()));
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error) {
    try {
        core::writeFileAtomically(
            QFile::encodeName(path).toStdString(),
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        return true;
    } catch (const core::AtomicWriteError& e) {
        if (error)
            *error = QCoreApplication::translate("jevons::app::WriteFile", "cannot write %1: %2")
                         .arg(path, writeFailureReason(e));
        return false;
    }
}

}  // namespace jevons::app
