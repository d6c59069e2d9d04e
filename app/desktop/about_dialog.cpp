#include "app/desktop/about_dialog.h"

#include <QMessageBox>
#include <QObject>

#ifndef JEVONS_VERSION
#error "JEVONS_VERSION is set by app/CMakeLists.txt from PROJECT_VERSION"
#endif

namespace jevons::app {

QString applicationVersion() { return QStringLiteral(JEVONS_VERSION); }

QString aboutText() {
    return QStringLiteral("<h3>Jevons %1</h3><p>%2</p><p>%3</p><p>%4</p>")
        .arg(applicationVersion(),
             QObject::tr("A desktop dashboard for AI-hardware market forecasts.").toHtmlEscaped(),
             QObject::tr("Licence: GPL-3.0-or-later. This program comes with ABSOLUTELY NO "
                         "WARRANTY; you may redistribute it under the terms of the GNU General "
                         "Public License, version 3 or any later version.")
                 .toHtmlEscaped(),
             QObject::tr("Built with Qt %1.").arg(QString::fromLatin1(qVersion())).toHtmlEscaped());
}

void showAboutBox(QWidget* parent) {
    QMessageBox::about(parent, QObject::tr("About Jevons"), aboutText());
}

QString shortcutsText() {
    const QList<QPair<QString, QString>> rows{
        {QStringLiteral("F5"), QObject::tr("Present: one chart per screen, full screen")},
        {QObject::tr("\u2192 \u2193 Page Down Space"), QObject::tr("Next chart")},
        {QObject::tr("\u2190 \u2191 Page Up Backspace"), QObject::tr("Previous chart")},
        {QObject::tr("Home / End"), QObject::tr("First / last chart")},
        {QStringLiteral("W"), QObject::tr("Show or hide the what-if sliders")},
        {QStringLiteral("T"), QObject::tr("Light or dark theme")},
        {QStringLiteral("Ctrl+Z / Ctrl+Y"), QObject::tr("Undo / redo")},
        {QStringLiteral("Esc"), QObject::tr("Leave the presentation")},
    };
    QString html = QStringLiteral("<table cellpadding=4>");
    for (const auto& [key, what] : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(key.toHtmlEscaped(), what.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

void showShortcuts(QWidget* parent) {
    QMessageBox box(parent);
    box.setWindowTitle(QObject::tr("Keyboard shortcuts"));
    box.setTextFormat(Qt::RichText);
    box.setText(shortcutsText());
    box.exec();
}

}  // namespace jevons::app
