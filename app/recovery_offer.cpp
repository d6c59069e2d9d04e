#include "app/recovery_offer.h"

#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/window_services.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <cstdio>

namespace jevons::app {

RecoveryMode recoveryModeFromName(const QString& name, RecoveryMode fallback) {
    const QString n = name.trimmed().toLower();
    if (n == QStringLiteral("recover")) return RecoveryMode::Recover;
    if (n == QStringLiteral("discard")) return RecoveryMode::Discard;
    if (n == QStringLiteral("ask")) return RecoveryMode::Ask;
    if (n == QStringLiteral("ignore")) return RecoveryMode::Ignore;
    return fallback;
}

namespace {

QString tr(const char* text) { return QCoreApplication::translate("Recovery", text); }

QString describe(const OrphanedRecovery& r) {
    const QString name = r.originalPath.isEmpty() ? tr("An untitled forecast")
                                                  : QFileInfo(r.originalPath).fileName();
    const QString when = r.savedAt.isValid()
                             ? QLocale().toString(r.savedAt.toLocalTime(), QLocale::ShortFormat)
                             : tr("an unknown time");
    return tr("%1 has unsaved changes from a session that ended unexpectedly (last autosaved "
              "%2).")
        .arg(name, when);
}

/// Recover / Discard; closing the box keeps the file for a later start.
RecoveryMode ask(QWidget* window, const OrphanedRecovery& r) {
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved changes?"), describe(r),
                    QMessageBox::NoButton, window);
    box.setInformativeText(r.originalPath.isEmpty() ? QString() : r.originalPath);
    QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel)->setText(tr("Decide later"));
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == recover) return RecoveryMode::Recover;
    if (box.clickedButton() == discard) return RecoveryMode::Discard;
    return RecoveryMode::Ignore;
}

}  // namespace

bool offerRecovery(const WindowServices& services, Autosave* autosave, RecoveryMode mode) {
    if (mode == RecoveryMode::Ignore) return false;
    for (const OrphanedRecovery& r : findOrphanedRecoveries()) {
        const RecoveryMode choice = mode == RecoveryMode::Ask ? ask(services.window, r) : mode;
        if (choice == RecoveryMode::Discard) {
            removeRecovery(r);
            continue;
        }
        if (choice != RecoveryMode::Recover) continue;
        QString error;
        if (!restoreRecovery(services.document, r, &error)) {
            // Kept on disk: a later version may read it, or a person can extract the text.
            std::fprintf(stderr, "jevons: cannot recover %s: %s\n", qPrintable(r.recoveryPath),
                         qPrintable(error));
            services.window->statusBar()->showMessage(
                tr("Could not recover %1: %2").arg(r.recoveryPath, error), 15000);
            continue;
        }
        if (!autosave || autosave->writeNow()) removeRecovery(r);
        services.window->statusBar()->showMessage(
            tr("Recovered unsaved changes to %1 — save to keep them")
                .arg(r.originalPath.isEmpty() ? tr("an untitled forecast")
                                              : QFileInfo(r.originalPath).fileName()),
            15000);
        return true;
    }
    return false;
}

}  // namespace jevons::app
