// The zh_CN interface (issue 7): with the translation installed, every visible string of the main
// window, its menus and presentation mode is Chinese, except what comes from the forecast file
// (which the file's zh labels cover), numbers, units and proper nouns. The .ts file has no
// unfinished entry.
#include "app/assumptions/assumption_slider.h"
#include "app/assumptions/assumptions_panel.h"
#include "app/document/document.h"
#include "app/i18n/interface_language.h"
#include "app/presentation/presentation_window.h"
#include "test_support.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>

#include <functional>

using namespace jevons::app;

namespace {

bool hasCjk(const QString& s) {
    for (const QChar c : s)
        if (c.unicode() >= 0x3000 && c.unicode() <= 0x9FFF) return true;
    return false;
}

/// Strings the file supplies (labels, groups, sources, figures, notes) in English only: not the
/// interface's. A text the file gives in Chinese too is not listed: in Chinese it must show.
QStringList fileStrings(const jevons::core::Scenario& s) {
    QStringList out;
    auto add = [&](const std::string& t) {
        if (!t.empty()) out << toQString(t);
    };
    auto addText = [&](const jevons::core::Label& t) {
        if (t.zh.empty()) add(t.en);
    };
    addText(s.title);
    add(s.author);
    for (const auto& src : s.sources)
        addText(src.title), addText(src.publisher), add(src.date), add(src.url);
    for (const auto& a : s.assumptions)
        addText(a.label), add(a.group), addText(a.provenance.figure), addText(a.provenance.note);
    for (const auto& x : s.series) addText(x.label);
    for (const auto& c : s.charts) addText(c.title), addText(c.sourceLine);
    for (const auto& sc : s.scenarios) addText(sc.label), addText(sc.note);
    for (const auto& an : s.anchors) addText(an.figure);
    std::sort(out.begin(), out.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return out;
}

/// Proper nouns, units and key names that stay as they are in Chinese text.
const QStringList kKept{QStringLiteral("Jevons"),
                        QStringLiteral("English"),
                        QStringLiteral("Meta"),
                        QStringLiteral("US$B"),
                        QStringLiteral("US$M"),
                        QStringLiteral("M units"),
                        QStringLiteral("RMB"),
                        QStringLiteral("CAGR"),
                        QStringLiteral("PNG"),
                        QStringLiteral("SVG"),
                        QStringLiteral("PDF"),
                        QStringLiteral("PowerPoint"),
                        QStringLiteral("Esc"),
                        QStringLiteral("Ctrl"),
                        QStringLiteral("Qt"),
                        QStringLiteral("F5"),
                        QStringLiteral("GPL-3.0-or-later")};

class Walker {
public:
    explicit Walker(QStringList fromFile) : m_file(std::move(fromFile)) {}
    void check(const QString& where, QString text) {
        text.remove(QRegularExpression(QStringLiteral("\\(&.\\)|&(?=\\S)")));
        QString rest = text;
        for (const QString& f : m_file) rest.remove(f);
        for (const QString& k : kKept) rest.remove(k);
        static const QRegularExpression latin(QStringLiteral("[A-Za-z]{2,}"));
        if (hasCjk(text) || !latin.match(rest).hasMatch()) return;
        untranslated << where + QStringLiteral(": ") + text;
    }
    void walkWidgets(QWidget* root) {
        for (QLabel* l : root->findChildren<QLabel*>())
            if (l->isVisibleTo(root)) check(QStringLiteral("QLabel"), l->text());
        for (QAbstractButton* b : root->findChildren<QAbstractButton*>())
            if (b->isVisibleTo(root)) check(QStringLiteral("button"), b->text());
        for (QGroupBox* g : root->findChildren<QGroupBox*>())
            if (g->isVisibleTo(root)) check(QStringLiteral("QGroupBox"), g->title());
        for (QDockWidget* d : root->findChildren<QDockWidget*>())
            check(QStringLiteral("dock"), d->windowTitle());
        for (QTabBar* t : root->findChildren<QTabBar*>())
            for (int i = 0; i < t->count(); ++i) check(QStringLiteral("tab"), t->tabText(i));
    }
    void walkMenu(const QString& path, const QList<QAction*>& actions) {
        for (QAction* a : actions) {
            // Open Recent lists file names and paths: data, not interface.
            if (a->isSeparator() || a->text().isEmpty() || a->text().contains(QLatin1Char('/')))
                continue;
            check(path + QStringLiteral(" > menu"), a->text());
            if (QMenu* sub = a->menu()) {
                emit sub->aboutToShow();  // menus that fill themselves when opened
                walkMenu(path + QStringLiteral(" > ") + a->text(), sub->actions());
            }
        }
    }
    QStringList untranslated;

private:
    QStringList m_file;
};

}  // namespace

class I18nTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // never the reader's settings
        QCoreApplication::setOrganizationName(QStringLiteral("JevonsI18nTest"));
        QVERIFY(applyInterfaceLanguage(QStringLiteral("zh")));
        QCOMPARE(currentInterfaceLanguage(), QStringLiteral("zh"));
    }
    void translationIsComplete();
    void mainWindowIsChinese();
    void presentationIsChinese();
    void numbersFollowTheLocale();
    void switchingLanguageRetranslatesAnOpenWindow();
    void provenanceFollowsTheLanguage();
    void valuesAreNotClipped();
};

void I18nTest::translationIsComplete() {
    QFile ts(QStringLiteral(JEVONS_TEST_DATA_DIR "/../../resources/translations/jevons_zh_CN.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(text.count(QStringLiteral("<message")) > 100);
    QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
    QCOMPARE(text.count(QStringLiteral("<translation></translation>")), 0);
}

void I18nTest::mainWindowIsChinese() {
    auto window = test::makeWindow(nullptr);
    window->document()->setLanguage(QStringLiteral("zh"));
    window->resize(1400, 900);
    window->show();
    QCoreApplication::processEvents();
    Walker walker(fileStrings(window->document()->scenario()));
    walker.walkWidgets(window.get());
    walker.walkMenu(QStringLiteral("menu bar"), window->menuBar()->actions());
    QVERIFY2(walker.untranslated.isEmpty(),
             qPrintable(walker.untranslated.join(QLatin1Char('\n'))));
    // The File menu is there and in Chinese (a sanity check that the walk saw something).
    QVERIFY(window->menuBar()->actions().first()->text().startsWith(QStringLiteral("文件")));
}

void I18nTest::presentationIsChinese() {
    auto window = test::makeWindow(nullptr);
    window->document()->setLanguage(QStringLiteral("zh"));
    PresentationWindow p(window->document());
    p.resize(1600, 900);
    p.show();
    p.setOverlayVisible(true);
    QCoreApplication::processEvents();
    Walker walker(fileStrings(window->document()->scenario()));
    for (int i = 0; i < p.slideCount(); ++i) {
        walker.walkWidgets(&p);
        p.next();
    }
    QVERIFY2(walker.untranslated.isEmpty(),
             qPrintable(walker.untranslated.join(QLatin1Char('\n'))));
}

void I18nTest::numbersFollowTheLocale() {
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1,234.5"));
}

namespace {
QAction* languageAction(QMenuBar* bar, const QString& code) {
    for (QAction* a : bar->findChildren<QAction*>())
        if (a->data().toString() == code && a->isCheckable()) return a;
    return nullptr;
}

QString dockTitle(QWidget* window, const QString& objectName) {
    auto* dock = window->findChild<QDockWidget*>(objectName);
    return dock ? dock->windowTitle() : QString();
}

/// Interface texts (menus, docks, tabs) in Chinese: Chinese characters and no English word
/// ("US$ hundred millions (亿美元)" names a Chinese unit in English).
QStringList chineseTexts(QWidget* window, QMenuBar* bar) {
    QStringList out;
    static const QRegularExpression english(QStringLiteral("[A-Za-z]{3,}"));
    const auto hasCjk = [](const QString& t) {
        return ::hasCjk(t) && !english.match(t).hasMatch();
    };
    std::function<void(const QList<QAction*>&)> menus = [&](const QList<QAction*>& actions) {
        for (QAction* a : actions) {
            if (a->data().toString() == QStringLiteral("zh")) continue;  // "中文" names itself
            if (hasCjk(a->text())) out << a->text();
            if (QMenu* sub = a->menu()) menus(sub->actions());
        }
    };
    menus(bar->actions());
    for (QDockWidget* d : window->findChildren<QDockWidget*>())
        if (hasCjk(d->windowTitle())) out << d->windowTitle();
    for (QTabBar* t : window->findChildren<QTabBar*>())
        for (int i = 0; i < t->count(); ++i)
            if (hasCjk(t->tabText(i))) out << t->tabText(i);
    return out;
}
}  // namespace

// Issue 7: View → Language switches menus, docks and tabs of the open window at once, both ways.
void I18nTest::switchingLanguageRetranslatesAnOpenWindow() {
    QVERIFY(applyInterfaceLanguage(QStringLiteral("en")));
    auto window = test::makeWindow(nullptr);
    window->resize(1400, 900);
    window->show();
    QCoreApplication::processEvents();
    QMenuBar* bar = window->menuBar();
    QCOMPARE(bar->actions().first()->text(), QStringLiteral("&File"));
    QCOMPARE(dockTitle(window.get(), QStringLiteral("assumptionsDock")),
             QStringLiteral("Assumptions"));
    QVERIFY2(chineseTexts(window.get(), bar).isEmpty(),
             qPrintable(chineseTexts(window.get(), bar).join(QLatin1Char('\n'))));

    QAction* zh = languageAction(bar, QStringLiteral("zh"));
    QVERIFY(zh);
    zh->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(currentInterfaceLanguage(), QStringLiteral("zh"));
    QCOMPARE(bar->actions().first()->text(), QStringLiteral("文件(&F)"));
    QCOMPARE(dockTitle(window.get(), QStringLiteral("assumptionsDock")), QStringLiteral("假设"));
    Walker walker(fileStrings(window->document()->scenario()));
    walker.walkWidgets(window.get());
    walker.walkMenu(QStringLiteral("menu bar"), bar->actions());
    QVERIFY2(walker.untranslated.isEmpty(),
             qPrintable(walker.untranslated.join(QLatin1Char('\n'))));

    QAction* en = languageAction(bar, QStringLiteral("en"));
    QVERIFY(en);
    en->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(currentInterfaceLanguage(), QStringLiteral("en"));
    QCOMPARE(bar->actions().first()->text(), QStringLiteral("&File"));
    QCOMPARE(dockTitle(window.get(), QStringLiteral("assumptionsDock")),
             QStringLiteral("Assumptions"));
    QVERIFY2(chineseTexts(window.get(), bar).isEmpty(),
             qPrintable(chineseTexts(window.get(), bar).join(QLatin1Char('\n'))));
    QVERIFY(applyInterfaceLanguage(QStringLiteral("zh")));  // as the other tests expect
}

// Every assumption's provenance line and citation in the language shown: the file's Chinese
// figure, publisher and source title in Chinese (issue 20), its English in English.
void I18nTest::provenanceFollowsTheLanguage() {
    auto window = test::makeWindow(nullptr);
    const jevons::core::Scenario& s = window->document()->scenario();
    for (const QString& language : {QStringLiteral("zh"), QStringLiteral("en")}) {
        window->document()->setLanguage(language);
        QCoreApplication::processEvents();
        const std::string lang = language.toStdString();
        const std::string other = language == QStringLiteral("zh") ? "en" : "zh";
        int checked = 0;
        for (const auto& a : s.assumptions) {
            AssumptionSlider* row = window->assumptionsPanel()->slider(toQString(a.id));
            QVERIFY2(row, a.id.c_str());
            const QString line = row->provenanceLabel()->text();
            const QString tip = row->provenanceLabel()->toolTip();
            const auto& figure = a.provenance.figure;
            if (!figure.zh.empty()) {
                QVERIFY2(line.contains(toQString(figure.in(lang))), qPrintable(line));
                QVERIFY2(!line.contains(toQString(figure.in(other))), qPrintable(line));
                ++checked;
            }
            const auto& note = a.provenance.note;
            if (!note.zh.empty())
                QVERIFY2(tip.contains(toQString(note.in(lang)).toHtmlEscaped()), qPrintable(tip));
            if (const auto* src = s.findSource(a.provenance.source); src && !src->title.zh.empty())
                QVERIFY2(tip.contains(toQString(src->title.in(lang)).toHtmlEscaped()),
                         qPrintable(tip));
        }
        QVERIFY(checked >= 10);
    }
}

namespace {
/// Every assumption spin box under `root` narrower than its text needs (Qt's sizeHint: the
/// longest value with its unit), as "where: text (width < needed)".
QStringList clippedSpinBoxes(QWidget* root, const QString& where) {
    QStringList out;
    for (AssumptionSlider* row : root->findChildren<AssumptionSlider*>()) {
        QDoubleSpinBox* spin = row->spinBox();
        if (!spin->isVisibleTo(root)) continue;
        if (spin->width() < spin->sizeHint().width())
            out << QStringLiteral("%1: %2 (%3 < %4 px)")
                       .arg(where, spin->text())
                       .arg(spin->width())
                       .arg(spin->sizeHint().width());
    }
    return out;
}
}  // namespace

// "171.6 US$B" was clipped to "171.6 US$" in the what-if panel (issue 20): in both languages, on
// the smallest supported screen (1366x768) and full HD, no assumption's value is cut off, in the
// dashboard or in presentation mode's what-if panel.
void I18nTest::valuesAreNotClipped() {
    auto window = test::makeWindow(nullptr);
    QStringList clipped;
    int seen = 0;
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")}) {
        window->document()->setLanguage(language);
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
            window->resize(size);
            window->show();
            QCoreApplication::processEvents();
            seen += int(window->findChildren<AssumptionSlider*>().size());
            clipped << clippedSpinBoxes(window.get(), QStringLiteral("dashboard %1 %2x%3")
                                                          .arg(language)
                                                          .arg(size.width())
                                                          .arg(size.height()));
            PresentationWindow p(window->document());
            p.resize(size);
            p.show();
            p.setOverlayVisible(true);
            QCoreApplication::processEvents();
            for (int i = 0; i < p.slideCount(); ++i) {
                seen += int(p.findChildren<AssumptionSlider*>().size());
                clipped << clippedSpinBoxes(&p, QStringLiteral("what-if %1 %2x%3 slide %4")
                                                    .arg(language)
                                                    .arg(size.width())
                                                    .arg(size.height())
                                                    .arg(i + 1));
                p.next();
                QCoreApplication::processEvents();
            }
        }
    }
    QVERIFY(seen > 60);  // the walk saw the sliders
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

QTEST_MAIN(I18nTest)
#include "i18n_test.moc"
