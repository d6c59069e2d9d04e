<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot lock %1</source>
        <translation>无法锁定 %1</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source> · total</source>
        <translation> · 合计</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布数据</translation>
    </message>
    <message>
        <source>Published: %1 (%2)</source>
        <translation>已发布：%1（%2年）</translation>
    </message>
    <message>
        <source>Drag the point to refit: edits “%1”</source>
        <translation>拖动该点重新拟合：将修改“%1”</translation>
    </message>
</context>
<context>
    <name>CopyableTableView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <source>Δ %1 vs %2</source>
        <translation>Δ %1 对比 %2</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>There is no assumption '%1'</source>
        <translation>没有名为“%1”的假设</translation>
    </message>
    <message>
        <source>There is no scenario '%1'</source>
        <translation>没有名为“%1”的情景</translation>
    </message>
    <message>
        <source>A scenario needs a new, non-empty name</source>
        <translation>情景需要一个新的、非空的名称</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Deck (PowerPoint)…</source>
        <translation>演示文稿 (PowerPoint)(&amp;D)…</translation>
    </message>
    <message>
        <source>Chart &amp;Picture (PNG, SVG, PDF)…</source>
        <translation>图表图片 (PNG, SVG, PDF)(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Copy as Picture</source>
        <translation>复制为图片(&amp;C)</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>另存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>另存为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Export Picture…</source>
        <translation>导出图片(&amp;E)…</translation>
    </message>
    <message>
        <source>Copied “%1” as a picture</source>
        <translation>已将“%1”复制为图片</translation>
    </message>
    <message>
        <source>Copy failed</source>
        <translation>复制失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Save chart picture</source>
        <translation>保存图表图片</translation>
    </message>
    <message>
        <source>Export chart picture</source>
        <translation>导出图表图片</translation>
    </message>
    <message>
        <source>Export deck</source>
        <translation>导出演示文稿</translation>
    </message>
    <message>
        <source>PowerPoint decks (*.pptx)</source>
        <translation>PowerPoint 演示文稿 (*.pptx)</translation>
    </message>
</context>
<context>
    <name>ExportDeckDialog</name>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Native charts (editable in PowerPoint)</source>
        <translation>原生图表（可在 PowerPoint 中编辑）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Pictures (PNG)</source>
        <translation>图片 (PNG)(&amp;P)</translation>
    </message>
    <message>
        <source>Export Deck</source>
        <translation>导出演示文稿</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>情景：</translation>
    </message>
    <message>
        <source>(current values, as on the dashboard)</source>
        <translation>（当前数值，与看板一致）</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Charts as:</source>
        <translation>图表形式：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Slides, in this order (one per checked chart, then the assumptions and sources):</source>
        <translation>幻灯片顺序（每张勾选的图表一页，然后是假设与资料来源）：</translation>
    </message>
</context>
<context>
    <name>ExportPictureDialog</name>
    <message>
        <source>&amp;Transparent background</source>
        <translation>透明背景(&amp;T)</translation>
    </message>
    <message>
        <source>Export Chart Picture</source>
        <translation>导出图表图片</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG（矢量）</translation>
    </message>
    <message>
        <source>PDF page (vector)</source>
        <translation>PDF 页面（矢量）</translation>
    </message>
    <message>
        <source>%1 × %2 (%3× slide)</source>
        <translation>%1 × %2（幻灯片的 %3 倍）</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The forecast has unsaved changes. Save them before continuing?</source>
        <translation>预测有未保存的更改。继续之前要保存吗？</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Years to compare, e.g. 2025, 2028, 2030</source>
        <translation>要比较的年份，例如 2025, 2028, 2030</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Scenario differences</source>
        <translation>情景差异</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Save as &amp;Scenario…</source>
        <translation>另存为情景(&amp;S)…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open forecast</source>
        <translation>打开预测</translation>
    </message>
    <message>
        <source>Cannot open forecast</source>
        <translation>无法打开预测</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save forecast</source>
        <translation>保存预测</translation>
    </message>
    <message>
        <source>Save as scenario</source>
        <translation>另存为情景</translation>
    </message>
    <message>
        <source>Name of the new scenario:</source>
        <translation>新情景的名称：</translation>
    </message>
    <message>
        <source>Saved scenario %1</source>
        <translation>已保存情景 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>● Unsaved changes</source>
        <translation>● 有未保存的更改</translation>
    </message>
    <message>
        <source>Jevons — presentation</source>
        <translation>Jevons — 演示</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Slide number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>← → move · W what-if · T theme · Esc leaves</source>
        <translation>← → 翻页 · W 假设分析 · T 主题 · Esc 退出</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Analyst's judgement</source>
        <translation>分析师判断</translation>
    </message>
    <message>
        <source>Figure: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>n/a CAGR</source>
        <translation>CAGR 不适用</translation>
    </message>
    <message>
        <source>% CAGR</source>
        <translation>% 年复合增长率</translation>
    </message>
    <message>
        <source>A desktop dashboard for AI-hardware market forecasts.</source>
        <translation>AI 硬件市场预测桌面看板。</translation>
    </message>
    <message>
        <source>Licence: GPL-3.0-or-later. This program comes with ABSOLUTELY NO WARRANTY; you may redistribute it under the terms of the GNU General Public License, version 3 or any later version.</source>
        <translation>许可证：GPL-3.0-or-later。本程序不提供任何担保；您可以按照 GNU 通用公共许可证第 3 版或任何更高版本的条款再发布本程序。</translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation>基于 Qt %1 构建。</translation>
    </message>
    <message>
        <source>About Jevons</source>
        <translation>关于 Jevons</translation>
    </message>
    <message>
        <source>Present: one chart per screen, full screen</source>
        <translation>演示：全屏，每屏一张图</translation>
    </message>
    <message>
        <source>→ ↓ Page Down Space</source>
        <translation>→ ↓ 下翻页键 空格</translation>
    </message>
    <message>
        <source>Next chart</source>
        <translation>下一张图</translation>
    </message>
    <message>
        <source>← ↑ Page Up Backspace</source>
        <translation>← ↑ 上翻页键 退格</translation>
    </message>
    <message>
        <source>Previous chart</source>
        <translation>上一张图</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End 键</translation>
    </message>
    <message>
        <source>First / last chart</source>
        <translation>第一张 / 最后一张图</translation>
    </message>
    <message>
        <source>Show or hide the what-if sliders</source>
        <translation>显示或隐藏假设分析滑块</translation>
    </message>
    <message>
        <source>Light or dark theme</source>
        <translation>浅色或深色主题</translation>
    </message>
    <message>
        <source>Undo / redo</source>
        <translation>撤销 / 重做</translation>
    </message>
    <message>
        <source>Leave the presentation</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Switch to scenario %1</source>
        <translation>切换到情景 %1</translation>
    </message>
    <message>
        <source>Save as scenario %1</source>
        <translation>另存为情景 %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>One chart per screen, full screen (F5)</source>
        <translation>全屏演示，每屏一张图 (F5)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Charts and tables now use this language; menus switch when Jevons restarts.</source>
        <translation>图表和表格已切换语言；菜单将在 Jevons 重启后切换。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Jevons</source>
        <translation>关于 Jevons(&amp;A)</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>RMB per US dollar, used for 亿元 (stated on every axis and table):</source>
        <translation>每美元兑人民币（用于亿元，并标注在每个坐标轴和表格上）：</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>US$ billions (US$B)</source>
        <translation>十亿美元 (US$B)</translation>
    </message>
    <message>
        <source>US$ millions (US$M)</source>
        <translation>百万美元 (US$M)</translation>
    </message>
    <message>
        <source>US$ hundred millions (亿美元)</source>
        <translation>亿美元</translation>
    </message>
    <message>
        <source>RMB hundred millions (亿元)</source>
        <translation>亿元人民币</translation>
    </message>
    <message>
        <source>Exchange rate…</source>
        <translation>汇率…</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Millions of units (M units)</source>
        <translation>百万台 (M units)</translation>
    </message>
    <message>
        <source>Ten thousands of units (万台)</source>
        <translation>万台</translation>
    </message>
    <message>
        <source>Percentages</source>
        <translation>百分比</translation>
    </message>
    <message numerus="yes">
        <source>%n decimal(s)</source>
        <translation>
            <numerusform>%n 位小数</numerusform></translation>
    </message>
</context>
<context>
    <name>ScenarioBar</name>
    <message>
        <source>Save as scenario…</source>
        <translation>另存为情景…</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>情景：</translation>
    </message>
    <message>
        <source>Switch scenario (one undo step)</source>
        <translation>切换情景（可一步撤销）</translation>
    </message>
    <message>
        <source>Compare scenarios</source>
        <translation>比较情景</translation>
    </message>
    <message>
        <source>Overlay every scenario on every chart</source>
        <translation>在每张图上叠加所有情景</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基准</translation>
    </message>
</context>
<context>
    <name>WhatIfOverlay</name>
    <message>
        <source>What if…</source>
        <translation>假设分析…</translation>
    </message>
    <message>
        <source>W hides these sliders · Ctrl+Z undoes</source>
        <translation>按 W 隐藏滑块 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>What-if sliders</source>
        <translation>假设分析滑块</translation>
    </message>
</context>
<context>
    <name>jevons::app</name>
    <message>
        <source>An untitled forecast</source>
        <translation>一个未命名的预测</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <source>%1 has unsaved changes from a session that ended unexpectedly (last autosaved %2).</source>
        <translation>%1 有上次意外结束的会话留下的未保存更改（最后自动保存于 %2）。</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的更改？</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>Could not recover %1: %2</source>
        <translation>无法恢复 %1：%2</translation>
    </message>
    <message>
        <source>Recovered unsaved changes to %1 — save to keep them</source>
        <translation>已恢复 %1 的未保存更改——请保存以保留</translation>
    </message>
    <message>
        <source>an untitled forecast</source>
        <translation>一个未命名的预测</translation>
    </message>
</context>
<context>
    <name>jevons::app::ChartRenderer</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Dashboard for AI-hardware market forecasts</source>
        <translation>AI 硬件市场预测看板</translation>
    </message>
    <message>
        <source>Render the dashboard to a PNG and exit.</source>
        <translation>将看板渲染为 PNG 后退出。</translation>
    </message>
    <message>
        <source>Label language: en or zh.</source>
        <translation>标签语言：en 或 zh。</translation>
    </message>
    <message>
        <source>After a crash: ask (default), recover or discard the unsaved changes (also JEVONS_RECOVERY).</source>
        <translation>程序崩溃后：询问（默认）、恢复或丢弃未保存的更改（也可用 JEVONS_RECOVERY）。</translation>
    </message>
    <message>
        <source>Forecast file (.json).</source>
        <translation>预测文件 (.json)。</translation>
    </message>
    <message>
        <source>Render presentation mode to a PNG and exit.</source>
        <translation>将演示模式渲染为 PNG 后退出。</translation>
    </message>
    <message>
        <source>Slide to render (1 = first).</source>
        <translation>要渲染的页（1 = 第一页）。</translation>
    </message>
    <message>
        <source>Presentation theme.</source>
        <translation>演示主题。</translation>
    </message>
    <message>
        <source>Raise the what-if sliders.</source>
        <translation>显示假设分析滑块。</translation>
    </message>
</context>
</TS>
