<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartForm</name>
    <message>
        <source>Show published figures</source>
        <translation>显示已发布数据</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>折线图</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Stacked column</source>
        <translation>堆积柱形图</translation>
    </message>
    <message>
        <source>Stacked area</source>
        <translation>堆积面积图</translation>
    </message>
    <message>
        <source>Combo (columns and lines)</source>
        <translation>组合图（柱形与折线）</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>序列(&amp;S)</translation>
    </message>
    <message>
        <source>Right-hand axis</source>
        <translation>右侧坐标轴</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>结束(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;CAGR arrows</source>
        <translation>CAGR 箭头(&amp;C)</translation>
    </message>
    <message>
        <source>Source line (English)</source>
        <translation>资料来源行（英文）</translation>
    </message>
    <message>
        <source>Source line (Chinese)</source>
        <translation>资料来源行（中文）</translation>
    </message>
    <message>
        <source>Edit chart %1</source>
        <translation>编辑图表 %1</translation>
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
    <message>
        <source>Remove range of %1</source>
        <translation>移除 %1 的区间</translation>
    </message>
    <message>
        <source>No range: click to give this assumption one</source>
        <translation>无区间：点击为该假设设置区间</translation>
    </message>
    <message>
        <source>Uniform: min %1, max %2</source>
        <translation>均匀分布：最小 %1，最大 %2</translation>
    </message>
    <message>
        <source>Triangular: min %1, most likely %2, max %3</source>
        <translation>三角分布：最小 %1，最可能 %2，最大 %3</translation>
    </message>
    <message>
        <source>PERT: min %1, most likely %2, max %3</source>
        <translation>PERT分布：最小 %1，最可能 %2，最大 %3</translation>
    </message>
    <message>
        <source>Normal: mean %1, standard deviation %2</source>
        <translation>正态分布：均值 %1，标准差 %2</translation>
    </message>
    <message>
        <source>Lognormal: 90% between %1 and %2</source>
        <translation>对数正态分布：90%概率介于 %1 与 %2 之间</translation>
    </message>
    <message>
        <source>%1 (pinned: stays when the value changes)</source>
        <translation>%1（已固定：数值改变时保持不变）</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>Pin range of %1</source>
        <translation>固定 %1 的区间</translation>
    </message>
    <message>
        <source>Unpin range of %1</source>
        <translation>取消固定 %1 的区间</translation>
    </message>
    <message>
        <source>Range of %1: %2</source>
        <translation>%1 的区间：%2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <source>&amp;Id</source>
        <translation>标识(&amp;I)</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Publisher (English)</source>
        <translation>发布机构（英文）</translation>
    </message>
    <message>
        <source>Publisher (Chinese)</source>
        <translation>发布机构（中文）</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>链接(&amp;L)</translation>
    </message>
    <message>
        <source>Rename source %1 to %2</source>
        <translation>将资料来源 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Edit source %1</source>
        <translation>编辑资料来源 %1</translation>
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
    <name>jevons::app::AnchorForm</name>
    <message>
        <source>empty for a single figure</source>
        <translation>单一数值时留空</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>序列(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Value (or a range's low end)</source>
        <translation>数值或区间下限(&amp;V)</translation>
    </message>
    <message>
        <source>Range's &amp;high end</source>
        <translation>区间上限(&amp;H)</translation>
    </message>
    <message>
        <source>Sou&amp;rce</source>
        <translation>资料来源(&amp;R)</translation>
    </message>
    <message>
        <source>Figure (English)</source>
        <translation>原文数据（英文）</translation>
    </message>
    <message>
        <source>Figure (Chinese)</source>
        <translation>原文数据（中文）</translation>
    </message>
    <message>
        <source>&amp;Dragging it moves</source>
        <translation>拖动时调整(&amp;D)</translation>
    </message>
    <message>
        <source>(nothing: not draggable)</source>
        <translation>（无：不可拖动）</translation>
    </message>
</context>
<context>
    <name>jevons::app::AssumptionForm</name>
    <message>
        <source>&amp;Id</source>
        <translation>标识(&amp;I)</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>英文标签</translation>
    </message>
    <message>
        <source>Chinese label</source>
        <translation>中文标签</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>分组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>数值(&amp;V)</translation>
    </message>
    <message>
        <source>Slider mi&amp;n</source>
        <translation>滑块最小值(&amp;N)</translation>
    </message>
    <message>
        <source>Slider ma&amp;x</source>
        <translation>滑块最大值(&amp;X)</translation>
    </message>
    <message>
        <source>Slider &amp;step</source>
        <translation>滑块步长(&amp;S)</translation>
    </message>
    <message>
        <source>Sou&amp;rce</source>
        <translation>资料来源(&amp;R)</translation>
    </message>
    <message>
        <source>Figure (English)</source>
        <translation>原文数据（英文）</translation>
    </message>
    <message>
        <source>Figure (Chinese)</source>
        <translation>原文数据（中文）</translation>
    </message>
    <message>
        <source>Edit %1's label</source>
        <translation>编辑 %1 的标签</translation>
    </message>
    <message>
        <source>Move %1 to a group</source>
        <translation>将 %1 移到分组</translation>
    </message>
    <message>
        <source>Change %1's unit</source>
        <translation>更改 %1 的单位</translation>
    </message>
    <message>
        <source>Edit %1's slider</source>
        <translation>编辑 %1 的滑块</translation>
    </message>
    <message>
        <source>Edit %1's source</source>
        <translation>编辑 %1 的资料来源</translation>
    </message>
    <message>
        <source>Edit %1's figure</source>
        <translation>编辑 %1 的原文数据</translation>
    </message>
    <message>
        <source>%1: '%2' is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
        <source>Value and slider in %1</source>
        <translation>数值与滑块单位：%1</translation>
    </message>
    <message>
        <source>plain numbers</source>
        <translation>纯数字</translation>
    </message>
    <message>
        <source>(the analyst's judgement)</source>
        <translation>（分析师判断）</translation>
    </message>
    <message>
        <source>Note (English)</source>
        <translation>说明（英文）</translation>
    </message>
    <message>
        <source>Note (Chinese)</source>
        <translation>说明（中文）</translation>
    </message>
    <message>
        <source>Edit %1's note</source>
        <translation>编辑 %1 的说明</translation>
    </message>
</context>
<context>
    <name>jevons::app::Autosave</name>
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
    <name>jevons::app::BridgeView</name>
    <message>
        <source>Choose two different scenarios to see what moves one to the other.</source>
        <translation>请选择两个不同的情景，查看从一个到另一个的变动来源。</translation>
    </message>
    <message>
        <source>Choose an output.</source>
        <translation>请选择一个输出。</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Scenario Bridge</source>
        <translation>情景桥图</translation>
    </message>
    <message>
        <source>Scenario &amp;Bridge</source>
        <translation>情景桥图(&amp;B)</translation>
    </message>
</context>
<context>
    <name>jevons::app::CalibrationActions</name>
    <message>
        <source>&amp;Import Actuals…</source>
        <translation>导入实际值(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Paste Actuals</source>
        <translation>粘贴实际值(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Fit Curve…</source>
        <translation>拟合曲线(&amp;F)…</translation>
    </message>
    <message>
        <source>Import actuals</source>
        <translation>导入实际值</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>pasted data</source>
        <translation>粘贴的数据</translation>
    </message>
    <message>
        <source>Imported actuals from %1</source>
        <translation>已从 %1 导入实际值</translation>
    </message>
</context>
<context>
    <name>jevons::app::ChartCard</name>
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
    <message>
        <source>Shaded: P10–P90 and P25–P75 of %1 simulated paths · line: the forecast at the set values</source>
        <translation>阴影：%1条模拟路径的P10–P90与P25–P75 · 线：按当前设定值的预测</translation>
    </message>
</context>
<context>
    <name>jevons::app::CopyableTableView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>jevons::app::DifferencesModel</name>
    <message>
        <source>Δ %1 vs %2</source>
        <translation>Δ %1 对比 %2</translation>
    </message>
</context>
<context>
    <name>jevons::app::DistributionDialog</name>
    <message>
        <source>Range of %1</source>
        <translation>%1 的区间</translation>
    </message>
    <message>
        <source>None (a fixed value)</source>
        <translation>无（固定值）</translation>
    </message>
    <message>
        <source>Uniform (min, max)</source>
        <translation>均匀分布（最小、最大）</translation>
    </message>
    <message>
        <source>Triangular (min, most likely, max)</source>
        <translation>三角分布（最小、最可能、最大）</translation>
    </message>
    <message>
        <source>PERT (min, most likely, max)</source>
        <translation>PERT分布（最小、最可能、最大）</translation>
    </message>
    <message>
        <source>Normal (mean, standard deviation)</source>
        <translation>正态分布（均值、标准差）</translation>
    </message>
    <message>
        <source>Lognormal (90% interval)</source>
        <translation>对数正态分布（90%区间）</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>分布形状：</translation>
    </message>
    <message>
        <source>Minimum:</source>
        <translation>最小值：</translation>
    </message>
    <message>
        <source>Most likely:</source>
        <translation>最可能值：</translation>
    </message>
    <message>
        <source>Maximum:</source>
        <translation>最大值：</translation>
    </message>
    <message>
        <source>Mean:</source>
        <translation>均值：</translation>
    </message>
    <message>
        <source>Standard deviation:</source>
        <translation>标准差：</translation>
    </message>
    <message>
        <source>5th percentile:</source>
        <translation>第5百分位：</translation>
    </message>
    <message>
        <source>95th percentile:</source>
        <translation>第95百分位：</translation>
    </message>
    <message>
        <source>Monte Carlo samples this range; the slider's value stays the base forecast.</source>
        <translation>蒙特卡洛模拟在此区间内抽样；滑块的数值仍是基准预测。</translation>
    </message>
    <message>
        <source>&amp;Pin this range (keep it where it is when the value changes)</source>
        <translation>固定此区间(&amp;P)（数值改变时保持不动）</translation>
    </message>
    <message>
        <source>Unpinned, the range moves with the value when you edit it (min, most likely and max by the change, a normal or lognormal re-centred with the same relative spread).</source>
        <translation>未固定时，编辑数值会使区间随之移动（最小、最可能和最大值按变动量平移；正态或对数正态分布以相同的相对离散度重新居中）。</translation>
    </message>
</context>
<context>
    <name>jevons::app::Document</name>
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
    <name>jevons::app::ExportActions</name>
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
    <message>
        <source>&amp;Update Deck…</source>
        <translation>更新演示文稿(&amp;U)…</translation>
    </message>
    <message>
        <source>Bring the charts of a deck exported before up to date with this forecast, keeping every edit made to the deck</source>
        <translation>将之前导出的演示文稿中的图表更新为本预测的最新数据，保留对演示文稿所做的所有修改</translation>
    </message>
    <message>
        <source>Update deck</source>
        <translation>更新演示文稿</translation>
    </message>
    <message>
        <source>Update failed</source>
        <translation>更新失败</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>no longer in the forecast, left as it was</source>
        <translation>预测中已无此图表，保持原样</translation>
    </message>
    <message>
        <source>left as it was</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>Slide %1: %2 (%3): %4</source>
        <translation>第 %1 页：%2（%3）：%4</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>已更新 %1</translation>
    </message>
    <message>
        <source>%1 is up to date</source>
        <translation>%1 已是最新</translation>
    </message>
    <message>
        <source>Slide %1: assumptions &amp; sources: updated</source>
        <translation>第 %1 页：假设与资料来源：已更新</translation>
    </message>
</context>
<context>
    <name>jevons::app::ExportDeckDialog</name>
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
        <source>&amp;Uncertainty slides: fans, tornado and histogram</source>
        <translation>不确定性幻灯片：扇形图、龙卷风图和直方图(&amp;U)</translation>
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
        <source>No assumption has a range</source>
        <translation>没有任何假设设置了区间</translation>
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
        <source>Tornado of:</source>
        <translation>龙卷风图：</translation>
    </message>
    <message>
        <source>Histogram of:</source>
        <translation>直方图：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Slides, in this order (one per checked chart, then the assumptions and sources):</source>
        <translation>幻灯片顺序（每张勾选的图表一页，然后是假设与资料来源）：</translation>
    </message>
    <message>
        <source>Scenario &amp;bridges: what moves base to each other scenario</source>
        <translation>情景桥图：基准到各情景的变动来源(&amp;B)</translation>
    </message>
    <message>
        <source>The forecast has no other scenario</source>
        <translation>该预测没有其他情景</translation>
    </message>
    <message>
        <source>Bridge of:</source>
        <translation>桥图指标：</translation>
    </message>
    <message>
        <source>Jevons (built in, 16:9)</source>
        <translation>Jevons（内置，16:9）</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose a PowerPoint template</source>
        <translation>选择 PowerPoint 模板</translation>
    </message>
    <message>
        <source>PowerPoint templates and decks (*.potx *.pptx)</source>
        <translation>PowerPoint 模板和演示文稿 (*.potx *.pptx)</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>jevons::app::ExportPictureDialog</name>
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
    <name>jevons::app::F</name>
    <message>
        <source>Edit a published figure</source>
        <translation>编辑公开数据</translation>
    </message>
</context>
<context>
    <name>jevons::app::FitDialog</name>
    <message>
        <source>Fit curve to actuals</source>
        <translation>按实际值拟合曲线</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>序列：</translation>
    </message>
    <message>
        <source>CAGR (log-linear least squares)</source>
        <translation>CAGR（对数线性最小二乘）</translation>
    </message>
    <message>
        <source>Logistic S-curve</source>
        <translation>Logistic S 曲线</translation>
    </message>
    <message>
        <source>Gompertz S-curve</source>
        <translation>Gompertz S 曲线</translation>
    </message>
    <message>
        <source>Bass diffusion (three methods)</source>
        <translation>Bass 扩散模型（三种方法）</translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>曲线：</translation>
    </message>
    <message>
        <source>OLS on logs</source>
        <translation>对数 OLS</translation>
    </message>
    <message>
        <source>NLS (ceiling free)</source>
        <translation>NLS（上限自由）</translation>
    </message>
    <message>
        <source>OLS (Bass 1969)</source>
        <translation>OLS（Bass 1969）</translation>
    </message>
    <message>
        <source>No series has actuals: import them first (File → Import actuals… or Edit → Paste actuals).</source>
        <translation>没有序列有实际值：请先导入（文件 → 导入实际值… 或 编辑 → 粘贴实际值）。</translation>
    </message>
    <message>
        <source>%1 years of actuals, %2–%3; source: %4</source>
        <translation>%1 年实际值，%2–%3；来源：%4</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>RMSE (%1)</source>
        <translation>RMSE（%1）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source> (fixed)</source>
        <translation>（固定）</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>采用 %1</translation>
    </message>
    <message>
        <source>Use these parameters as assumptions of the series (one undo step)</source>
        <translation>将这些参数用作该序列的假设（一步撤销）</translation>
    </message>
    <message>
        <source>%1: actuals and fits</source>
        <translation>%1：实际值与拟合</translation>
    </message>
    <message>
        <source>Residuals (actual − fitted)</source>
        <translation>残差（实际 − 拟合）</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>There is no such fit</source>
        <translation>没有这个拟合</translation>
    </message>
    <message>
        <source>Accept %1 fit of %2</source>
        <translation>采用 %2 的 %1 拟合</translation>
    </message>
    <message>
        <source>NLS on m·[F(t)−F(t−1)]</source>
        <translation>对 m·[F(t)−F(t−1)] 的 NLS</translation>
    </message>
    <message>
        <source>NLS on m·f(t)</source>
        <translation>对 m·f(t) 的 NLS</translation>
    </message>
    <message>
        <source>Fix the ceiling at</source>
        <translation>将上限固定为</translation>
    </message>
    <message>
        <source>Ceiling:</source>
        <translation>上限：</translation>
    </message>
    <message>
        <source>NLS (ceiling fixed)</source>
        <translation>NLS（上限固定）</translation>
    </message>
    <message>
        <source>End of year: S(t) = m·f(t), as published fits</source>
        <translation>年末：S(t) = m·f(t)，与已发表的拟合一致</translation>
    </message>
    <message>
        <source>Mid-year: S(t) = m·f(t − ½)</source>
        <translation>年中：S(t) = m·f(t − ½)</translation>
    </message>
    <message>
        <source>Where in year t the adoption rate stands for the year's sales in the NLS fit on m·f(t); t = 1 in the launch year (the first year with sales). Accepting the fit keeps the convention in the series.</source>
        <translation>对 m·f(t) 做 NLS 拟合时，以第 t 年中哪一时点的采用率代表当年销量；上市年份 t = 1（默认为第一个有销量的年份）。接受拟合后，序列保留该约定。</translation>
    </message>
    <message>
        <source>Bass density timing:</source>
        <translation>Bass 密度时点：</translation>
    </message>
    <message>
        <source>NLS on m·f(t − ½)</source>
        <translation>对 m·f(t − ½) 的 NLS</translation>
    </message>
</context>
<context>
    <name>jevons::app::ForecastForm</name>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>简介（英文）</translation>
    </message>
    <message>
        <source>Description (Chinese)</source>
        <translation>简介（中文）</translation>
    </message>
    <message>
        <source>&amp;First year</source>
        <translation>起始年份(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last year</source>
        <translation>结束年份(&amp;L)</translation>
    </message>
    <message>
        <source>Edit the forecast</source>
        <translation>编辑预测</translation>
    </message>
</context>
<context>
    <name>jevons::app::GoalSeekDialog</name>
    <message>
        <source>Goal Seek</source>
        <translation>单变量求解</translation>
    </message>
    <message>
        <source>Change assumption:</source>
        <translation>调整假设：</translation>
    </message>
    <message>
        <source>So that output:</source>
        <translation>使输出：</translation>
    </message>
    <message>
        <source>In year:</source>
        <translation>在年份：</translation>
    </message>
    <message>
        <source>Reaches:</source>
        <translation>达到：</translation>
    </message>
    <message>
        <source>&amp;Solve</source>
        <translation>求解(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Find the value of an assumption that makes an output reach a target, with every other assumption at its current value (Brent's method within the slider's range).</source>
        <translation>求出使某个输出达到目标值的假设取值，其余假设保持当前值（在滑块范围内用 Brent 方法求解）。</translation>
    </message>
    <message>
        <source>%1 = %2 makes %3 reach %4 in %5 (now %6).</source>
        <translation>%1 = %2 时，%3 在 %5 年达到 %4（当前为 %6）。</translation>
    </message>
    <message>
        <source>No value of %1 between %2 and %3 makes %4 reach %5 in %6: %4 ranges from %7 to %8. Nothing was changed.</source>
        <translation>%1 在 %2 至 %3 之间的任何取值都不能使 %4 在 %6 年达到 %5：%4 的范围为 %7 至 %8。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>jevons::app::HistogramView</name>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Choose an output.</source>
        <translation>请选择一个输出。</translation>
    </message>
    <message>
        <source>No assumption has a range yet: give one a distribution to see the spread of outcomes.</source>
        <translation>还没有任何假设设置了区间：为某个假设设置分布后即可查看结果的分布。</translation>
    </message>
    <message>
        <source>Choose a year.</source>
        <translation>请选择一个年份。</translation>
    </message>
    <message>
        <source>Paths per bin</source>
        <translation>每个区间的路径数</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>路径数</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>均值 %1</translation>
    </message>
    <message>
        <source>%1 paths, seed %2. P10 is the 10th percentile (a 90% chance of exceeding it); %3 bins of %4.</source>
        <translation>%1 条路径，种子 %2。P10 为第 10 百分位数（有 90% 的概率高于该值）；共 %3 个区间，每个宽 %4。</translation>
    </message>
    <message>
        <source>%1 has no value in %2: the series starts later.</source>
        <translation>%1 在 %2 年没有数值：该序列从更晚的年份开始。</translation>
    </message>
</context>
<context>
    <name>jevons::app::ImportActualsDialog</name>
    <message>
        <source>Import actuals</source>
        <translation>导入实际值</translation>
    </message>
    <message>
        <source>Actuals from %1. Values are in the series' unit (M units, US$B; shares as 25%).</source>
        <translation>来自 %1 的实际值。数值采用序列的单位（百万台、十亿美元；份额写作 25%）。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>New series id</source>
        <translation>新序列 ID</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>e.g. company filings; IDC, 2025-03</source>
        <translation>例如：公司财报；IDC，2025-03</translation>
    </message>
    <message>
        <source>Source (required):</source>
        <translation>来源（必填）：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>(skip)</source>
        <translation>（跳过）</translation>
    </message>
    <message>
        <source>New series</source>
        <translation>新序列</translation>
    </message>
    <message>
        <source>Import actuals of %1</source>
        <translation>导入 %1 的实际值</translation>
    </message>
</context>
<context>
    <name>jevons::app::MainWindow</name>
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
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Cannot create the forecast</source>
        <translation>无法创建预测</translation>
    </message>
    <message>
        <source>New forecast: save it to give it a name</source>
        <translation>新预测：保存时为其命名</translation>
    </message>
</context>
<context>
    <name>jevons::app::ModelEditor</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Replace by value and delete</source>
        <translation>以数值替换并删除</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Duplicate the selected assumption or series</source>
        <translation>复制所选假设或序列</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected item (Del in the tree)</source>
        <translation>删除所选项（在树中按 Del）</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>上移（Alt+Up）</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>下移（Alt+Down）</translation>
    </message>
    <message>
        <source>&amp;Model Editor</source>
        <translation>模型编辑器(&amp;M)</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Published figures</source>
        <translation>已发布数据</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Add assumption %1</source>
        <translation>添加假设 %1</translation>
    </message>
    <message>
        <source>Add series %1</source>
        <translation>添加序列 %1</translation>
    </message>
    <message>
        <source>Add a series first: a chart plots series.</source>
        <translation>请先添加序列：图表绘制的是序列。</translation>
    </message>
    <message>
        <source>Add chart %1</source>
        <translation>添加图表 %1</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete chart %1</source>
        <translation>删除图表 %1</translation>
    </message>
    <message>
        <source>Delete a published figure</source>
        <translation>删除一项已发布数据</translation>
    </message>
    <message>
        <source>Replace %1 by its value</source>
        <translation>以数值替换 %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Model map</source>
        <translation>模型关系图</translation>
    </message>
    <message>
        <source>Model M&amp;ap</source>
        <translation>模型关系图(&amp;A)</translation>
    </message>
    <message>
        <source>Delete scenario %1</source>
        <translation>删除情景 %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add an item (Insert in the tree adds one like the selected)</source>
        <translation>添加项目（在树中按 Insert 添加与所选同类的项目）</translation>
    </message>
    <message>
        <source>&amp;Assumption</source>
        <translation>假设(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Series (a formula)</source>
        <translation>序列（公式）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Chart of the selected series</source>
        <translation>所选序列的图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Published figure</source>
        <translation>公开数据(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>资料来源(&amp;O)</translation>
    </message>
    <message>
        <source>Sc&amp;enario</source>
        <translation>情景(&amp;E)</translation>
    </message>
    <message>
        <source>Forecast: %1</source>
        <translation>预测：%1</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Add a series first: a published figure is shown against a series.</source>
        <translation>请先添加序列：公开数据须对照某个序列显示。</translation>
    </message>
    <message>
        <source>Add a published figure</source>
        <translation>添加公开数据</translation>
    </message>
    <message>
        <source>Add source %1</source>
        <translation>添加资料来源 %1</translation>
    </message>
    <message>
        <source>Add scenario %1</source>
        <translation>添加情景 %1</translation>
    </message>
    <message>
        <source>Delete source %1</source>
        <translation>删除资料来源 %1</translation>
    </message>
</context>
<context>
    <name>jevons::app::NewForecastDialog</name>
    <message>
        <source>New forecast</source>
        <translation>新建预测</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>从以下开始：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>jevons::app::PresentationWindow</name>
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
    <name>jevons::app::ScenarioBar</name>
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
    <name>jevons::app::ScenarioGrid</name>
    <message>
        <source>English label</source>
        <translation>英文标签</translation>
    </message>
    <message>
        <source>Chinese label</source>
        <translation>中文标签</translation>
    </message>
    <message>
        <source>Note (English)</source>
        <translation>说明（英文）</translation>
    </message>
    <message>
        <source>Note (Chinese)</source>
        <translation>说明（中文）</translation>
    </message>
    <message>
        <source>Edit scenario %1</source>
        <translation>编辑情景 %1</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>%1: '%2' is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>标识(&amp;I)</translation>
    </message>
    <message>
        <source>Rename scenario %1 to %2</source>
        <translation>将情景 %1 重命名为 %2</translation>
    </message>
</context>
<context>
    <name>jevons::app::SeriesForm</name>
    <message>
        <source>Chart it</source>
        <translation>为其作图</translation>
    </message>
    <message>
        <source>Points (given values)</source>
        <translation>给定数值点</translation>
    </message>
    <message>
        <source>CAGR (growth rates)</source>
        <translation>复合增长率（CAGR）</translation>
    </message>
    <message>
        <source>Logistic S-curve</source>
        <translation>Logistic S 曲线</translation>
    </message>
    <message>
        <source>Gompertz S-curve</source>
        <translation>Gompertz S 曲线</translation>
    </message>
    <message>
        <source>Bass diffusion</source>
        <translation>Bass 扩散模型</translation>
    </message>
    <message>
        <source>Jevons (cheaper → more demand)</source>
        <translation>杰文斯（成本降→需求增）</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>A parameter is a number or an assumption's name. Numbers as the file stores them: shares and rates as fractions (0.25 = 25%).</source>
        <translation>参数可为数字或假设名称。数字按文件存储方式填写：份额与增长率用小数（0.25 = 25%）。</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>标识(&amp;I)</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>英文标签</translation>
    </message>
    <message>
        <source>Chinese label</source>
        <translation>中文标签</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Formula</source>
        <translation>公式(&amp;F)</translation>
    </message>
    <message>
        <source>Edit %1's label</source>
        <translation>编辑 %1 的标签</translation>
    </message>
    <message>
        <source>Change %1's unit</source>
        <translation>更改 %1 的单位</translation>
    </message>
    <message>
        <source>Make %1 a %2 series</source>
        <translation>将 %1 改为%2序列</translation>
    </message>
    <message>
        <source>Chart %1</source>
        <translation>为 %1 作图</translation>
    </message>
    <message>
        <source>Edit %1's formula</source>
        <translation>编辑 %1 的公式</translation>
    </message>
    <message>
        <source>Ceiling</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Midpoint year</source>
        <translation>中点年份</translation>
    </message>
    <message>
        <source>Steepness</source>
        <translation>陡度</translation>
    </message>
    <message>
        <source>Through (two points)</source>
        <translation>经过的两点</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Growth until</source>
        <translation>增长至</translation>
    </message>
    <message>
        <source>Before the start</source>
        <translation>起点之前</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Between points</source>
        <translation>点间插值</translation>
    </message>
    <message>
        <source>p (innovation)</source>
        <translation>p（创新系数）</translation>
    </message>
    <message>
        <source>q (imitation)</source>
        <translation>q（模仿系数）</translation>
    </message>
    <message>
        <source>m (market potential)</source>
        <translation>m（市场潜量）</translation>
    </message>
    <message>
        <source>Launch year</source>
        <translation>上市年份</translation>
    </message>
    <message>
        <source>Bass form</source>
        <translation>Bass 形式</translation>
    </message>
    <message>
        <source>Base year</source>
        <translation>基准年</translation>
    </message>
    <message>
        <source>Base demand</source>
        <translation>基准需求</translation>
    </message>
    <message>
        <source>Base unit cost</source>
        <translation>基准单位成本</translation>
    </message>
    <message>
        <source>Cost decline a year</source>
        <translation>年成本降幅</translation>
    </message>
    <message>
        <source>Elasticity of demand</source>
        <translation>需求弹性</translation>
    </message>
    <message>
        <source>Extend back at the first rate</source>
        <translation>按首段增长率向前回推</translation>
    </message>
    <message>
        <source>a number or an assumption</source>
        <translation>数字或假设名称</translation>
    </message>
    <message>
        <source>Edit %1's %2</source>
        <translation>编辑 %1 的 %2</translation>
    </message>
</context>
<context>
    <name>jevons::app::SeriesTableModel</name>
    <message>
        <source>Actual %1: %2 (source: %3); model: %4</source>
        <translation>%1 年实际值：%2（来源：%3）；模型：%4</translation>
    </message>
</context>
<context>
    <name>jevons::app::SimulationProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this simulation: the charts show no bands until the next edit</source>
        <translation>停止本次模拟：下次编辑前图表不显示区间</translation>
    </message>
    <message>
        <source>Simulating %1 paths</source>
        <translation>正在模拟 %1 条路径</translation>
    </message>
</context>
<context>
    <name>jevons::app::TornadoView</name>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>No assumption has a range yet: give one a distribution to see which assumptions matter most.</source>
        <translation>还没有任何假设设置了区间：为某个假设设置分布后即可查看哪些假设影响最大。</translation>
    </message>
    <message>
        <source>Assumption at its P10</source>
        <translation>假设取 P10 时</translation>
    </message>
    <message>
        <source>Assumption at its P90</source>
        <translation>假设取 P90 时</translation>
    </message>
    <message>
        <source>Centre line: %1 (%2 in %3 with every assumption at its current value). Each bar swings one assumption from its P10 to its P90, the others held; widest first.</source>
        <translation>中线：%1（所有假设取当前值时 %3 年的%2）。每根条形将一个假设从 P10 变动到 P90，其余假设保持不变；影响最大的排在最上。</translation>
    </message>
    <message numerus="yes">
        <source>%n assumption(s) with a range do not move it.</source>
        <translation>
            <numerusform>%n 个设置了区间的假设不影响它。</numerusform></translation>
    </message>
</context>
<context>
    <name>jevons::app::UncertaintyDock</name>
    <message>
        <source>Uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Tornado</source>
        <translation>龙卷风图</translation>
    </message>
    <message>
        <source>Copy as Picture</source>
        <translation>复制为图片</translation>
    </message>
    <message>
        <source>Save as %1…</source>
        <translation>另存为 %1…</translation>
    </message>
    <message>
        <source>Save Picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>Uncertainty &amp;Charts</source>
        <translation>不确定性图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Goal Seek…</source>
        <translation>单变量求解(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>jevons::app::UncertaintyEngine</name>
    <message>
        <source>Show &amp;Uncertainty</source>
        <translation>显示不确定性(&amp;U)</translation>
    </message>
    <message>
        <source>Fan charts (P10–P90, P25–P75) and CAGR ranges from the assumptions' ranges (Ctrl+Shift+U)</source>
        <translation>由假设区间得出的扇形图（P10–P90、P25–P75）和复合增长率区间（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <source>Simulation cancelled: no bands until the next edit</source>
        <translation>模拟已取消：下次编辑前不显示区间</translation>
    </message>
    <message>
        <source>Uncertainty off for this forecast: %1 (setting %2)</source>
        <translation>本预测已关闭不确定性分析：%1（设置项 %2）</translation>
    </message>
</context>
<context>
    <name>jevons::app::UndoActions</name>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo: %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>jevons::app::UnitNames</name>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>US$ billion</source>
        <translation>十亿美元</translation>
    </message>
    <message>
        <source>US$ million</source>
        <translation>百万美元</translation>
    </message>
    <message>
        <source>Million units</source>
        <translation>百万台</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>份额（%）</translation>
    </message>
    <message>
        <source>Rate (% a year)</source>
        <translation>年增长率（%）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Multiple (x)</source>
        <translation>倍数（x）</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
</context>
<context>
    <name>jevons::app::WhatIfOverlay</name>
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
    <name>jevons::app::WriteFile</name>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>creating a temporary file beside it</source>
        <translation>在其旁边创建临时文件</translation>
    </message>
    <message>
        <source>setting its permissions</source>
        <translation>设置文件权限</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>flushing to disk</source>
        <translation>同步到磁盘</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>关闭文件</translation>
    </message>
    <message>
        <source>replacing the file</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
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
    <message>
        <source>Open the model editor on an item (series:asic_market).</source>
        <translation>打开模型编辑器并选中一项（series:asic_market）。</translation>
    </message>
    <message>
        <source>Show the model map (the dependency graph).</source>
        <translation>显示模型关系图（依赖关系图）。</translation>
    </message>
    <message>
        <source>Compare the scenarios, with SCENARIO active (its bridge from base shows).</source>
        <translation>比较各情景，并激活 SCENARIO（显示其相对基准的桥图）。</translation>
    </message>
</context>
</TS>
