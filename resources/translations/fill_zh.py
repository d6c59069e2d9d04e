#!/usr/bin/env python3
"""Fill jevons_zh_CN.ts from the glossary below (run after lupdate; lists what is missing).

Usage: python3 resources/translations/fill_zh.py [--check]
Translations already in the .ts file are kept unless the glossary has the source text.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("jevons_zh_CN.ts")

ZH = {
    # Main window
    "Unsaved changes": "未保存的更改",
    "The forecast has unsaved changes. Save them before continuing?": "预测有未保存的更改。继续之前要保存吗？",
    "Assumptions": "假设",
    "Years:": "年份：",
    "Years to compare, e.g. 2025, 2028, 2030": "要比较的年份，例如 2025, 2028, 2030",
    "Data": "数据",
    "Scenario differences": "情景差异",
    "Tables": "表格",
    "Ready": "就绪",
    "&File": "文件(&F)",
    "&Open…": "打开(&O)…",
    "Open &Recent": "最近打开(&R)",
    "&Save": "保存(&S)",
    "Save &As…": "另存为(&A)…",
    "&Quit": "退出(&Q)",
    "&Edit": "编辑(&E)",
    "&Undo": "撤销(&U)",
    "&Redo": "重做(&R)",
    "Save as &Scenario…": "另存为情景(&S)…",
    "Main": "主工具栏",
    "Untitled": "未命名",
    "Open forecast": "打开预测",
    "Cannot open forecast": "无法打开预测",
    "Opened %1": "已打开 %1",
    "Could not save %1: %2": "无法保存 %1：%2",
    "Save failed": "保存失败",
    "Saved %1": "已保存 %1",
    "Save forecast": "保存预测",
    "Save as scenario": "另存为情景",
    "Name of the new scenario:": "新情景的名称：",
    "Saved scenario %1": "已保存情景 %1",
    "(none)": "（无）",
    "Jevons forecasts (*.json);;All files (*)": "Jevons 预测文件 (*.json);;所有文件 (*)",
    # Charts, tables, document
    " · total": " · 合计",
    "Published": "已发布数据",
    "Published: %1 (%2)": "已发布：%1（%2年）",
    "Drag the point to refit: edits “%1”": "拖动该点重新拟合：将修改“%1”",
    "&Copy": "复制(&C)",
    "Δ %1 vs %2": "Δ %1 对比 %2",
    "There is no assumption '%1'": "没有名为“%1”的假设",
    "There is no scenario '%1'": "没有名为“%1”的情景",
    "A scenario needs a new, non-empty name": "情景需要一个新的、非空的名称",
    "Analyst's judgement": "分析师判断",
    "Figure: %1": "数据：%1",
    "Note: %1": "说明：%1",
    "n/a CAGR": "CAGR 不适用",
    "% CAGR": "% 年复合增长率",
    "Switch to scenario %1": "切换到情景 %1",
    "Save as scenario %1": "另存为情景 %1",
    "Change %1": "修改 %1",
    "Base": "基准",
    # Scenario bar
    "Save as scenario…": "另存为情景…",
    "Scenario:": "情景：",
    "Switch scenario (one undo step)": "切换情景（可一步撤销）",
    "Compare scenarios": "比较情景",
    "Overlay every scenario on every chart": "在每张图上叠加所有情景",
    # Presentation
    "● Unsaved changes": "● 有未保存的更改",
    "Jevons — presentation": "Jevons — 演示",
    "Presentation": "演示",
    "Slide number": "页码",
    "← → move · W what-if · T theme · Esc leaves": "← → 翻页 · W 假设分析 · T 主题 · Esc 退出",
    "What if…": "假设分析…",
    "W hides these sliders · Ctrl+Z undoes": "按 W 隐藏滑块 · Ctrl+Z 撤销",
    "What-if sliders": "假设分析滑块",
    # View / Help menus, About, shortcuts
    "&View": "视图(&V)",
    "&Present": "演示(&P)",
    "One chart per screen, full screen (F5)": "全屏演示，每屏一张图 (F5)",
    "&Language": "语言(&L)",
    "Charts and tables now use this language; menus switch when Jevons restarts.": "图表和表格已切换语言；菜单将在 Jevons 重启后切换。",
    "&Help": "帮助(&H)",
    "&Keyboard Shortcuts": "键盘快捷键(&K)",
    "&About Jevons": "关于 Jevons(&A)",
    "A desktop dashboard for AI-hardware market forecasts.": "AI 硬件市场预测桌面看板。",
    "Licence: GPL-3.0-or-later. This program comes with ABSOLUTELY NO WARRANTY; you may redistribute it under the terms of the GNU General Public License, version 3 or any later version.": "许可证：GPL-3.0-or-later。本程序不提供任何担保；您可以按照 GNU 通用公共许可证第 3 版或任何更高版本的条款再发布本程序。",
    "Built with Qt %1.": "基于 Qt %1 构建。",
    "About Jevons": "关于 Jevons",
    "Present: one chart per screen, full screen": "演示：全屏，每屏一张图",
    "→ ↓ Page Down Space": "→ ↓ 下翻页键 空格",
    "Next chart": "下一张图",
    "← ↑ Page Up Backspace": "← ↑ 上翻页键 退格",
    "Previous chart": "上一张图",
    "Home / End": "Home / End 键",
    "First / last chart": "第一张 / 最后一张图",
    "Show or hide the what-if sliders": "显示或隐藏假设分析滑块",
    "Light or dark theme": "浅色或深色主题",
    "Undo / redo": "撤销 / 重做",
    "Leave the presentation": "退出演示",
    "Keyboard shortcuts": "键盘快捷键",
    # Units
    "&Units": "单位(&U)",
    "Money": "金额",
    "US$ billions (US$B)": "十亿美元 (US$B)",
    "US$ millions (US$M)": "百万美元 (US$M)",
    "US$ hundred millions (亿美元)": "亿美元",
    "RMB hundred millions (亿元)": "亿元人民币",
    "Exchange rate…": "汇率…",
    "Exchange rate": "汇率",
    "RMB per US dollar, used for 亿元 (stated on every axis and table):": "每美元兑人民币（用于亿元，并标注在每个坐标轴和表格上）：",
    "Volumes": "数量",
    "Millions of units (M units)": "百万台 (M units)",
    "Ten thousands of units (万台)": "万台",
    "Percentages": "百分比",
    # Command line
    "Dashboard for AI-hardware market forecasts": "AI 硬件市场预测看板",
    "Render the dashboard to a PNG and exit.": "将看板渲染为 PNG 后退出。",
    "Label language: en or zh.": "标签语言：en 或 zh。",
    "Forecast file (.json).": "预测文件 (.json)。",
    "Render presentation mode to a PNG and exit.": "将演示模式渲染为 PNG 后退出。",
    "Slide to render (1 = first).": "要渲染的页（1 = 第一页）。",
    "Presentation theme.": "演示主题。",
    "Raise the what-if sliders.": "显示假设分析滑块。",
    "After a crash: ask (default), recover or discard the unsaved changes (also JEVONS_RECOVERY).": "程序崩溃后：询问（默认）、恢复或丢弃未保存的更改（也可用 JEVONS_RECOVERY）。",
    # Autosave and recovery
    "Autosave failed: %1": "自动保存失败：%1",
    "cannot create %1": "无法创建 %1",
    "cannot lock %1": "无法锁定 %1",
    "An untitled forecast": "一个未命名的预测",
    "an untitled forecast": "一个未命名的预测",
    "an unknown time": "未知时间",
    "%1 has unsaved changes from a session that ended unexpectedly (last autosaved %2).": "%1 有上次意外结束的会话留下的未保存更改（最后自动保存于 %2）。",
    "Recover unsaved changes?": "恢复未保存的更改？",
    "Recover": "恢复",
    "Discard": "丢弃",
    "Decide later": "稍后决定",
    "Could not recover %1: %2": "无法恢复 %1：%2",
    "Recovered unsaved changes to %1 — save to keep them": "已恢复 %1 的未保存更改——请保存以保留",
    # Export
    "&Export": "导出(&E)",
    "&Deck (PowerPoint)…": "演示文稿 (PowerPoint)(&D)…",
    "Chart &Picture (PNG, SVG, PDF)…": "图表图片 (PNG, SVG, PDF)(&P)…",
    "&Copy as Picture": "复制为图片(&C)",
    "Save as &PNG…": "另存为 PNG(&P)…",
    "Save as &SVG…": "另存为 SVG(&S)…",
    "Save as P&DF…": "另存为 PDF(&D)…",
    "&Export Picture…": "导出图片(&E)…",
    "Copied “%1” as a picture": "已将“%1”复制为图片",
    "Copy failed": "复制失败",
    "Exported %1": "已导出 %1",
    "Export failed": "导出失败",
    "Save chart picture": "保存图表图片",
    "Export chart picture": "导出图表图片",
    "Export deck": "导出演示文稿",
    "PowerPoint decks (*.pptx)": "PowerPoint 演示文稿 (*.pptx)",
    "Move &Up": "上移(&U)",
    "Move &Down": "下移(&D)",
    "&Native charts (editable in PowerPoint)": "原生图表（可在 PowerPoint 中编辑）(&N)",
    "&Pictures (PNG)": "图片 (PNG)(&P)",
    "Export Deck": "导出演示文稿",
    "(current values, as on the dashboard)": "（当前数值，与看板一致）",
    "Language:": "语言：",
    "Charts as:": "图表形式：",
    "&Export…": "导出(&E)…",
    "Slides, in this order (one per checked chart, then the assumptions and sources):": "幻灯片顺序（每张勾选的图表一页，然后是假设与资料来源）：",
    "&Transparent background": "透明背景(&T)",
    "Export Chart Picture": "导出图表图片",
    "PNG picture": "PNG 图片",
    "SVG (vector)": "SVG（矢量）",
    "PDF page (vector)": "PDF 页面（矢量）",
    "%1 × %2 (%3× slide)": "%1 × %2（幻灯片的 %3 倍）",
    "Chart:": "图表：",
    "Format:": "格式：",
    "Size:": "尺寸：",
    "cannot write %1: %2": "无法写入 %1：%2",
    "it is a folder": "这是一个文件夹",
    # Uncertainty (issue 5): ranges, fan charts, CAGR ranges
    "Show &Uncertainty": "显示不确定性(&U)",
    "Fan charts (P10–P90, P25–P75) and CAGR ranges from the assumptions' ranges (Ctrl+Shift+U)": "由假设区间得出的扇形图（P10–P90、P25–P75）和复合增长率区间（Ctrl+Shift+U）",
    "Shaded: P10–P90 and P25–P75 of %1 simulated paths · line: the forecast at the set values": "阴影：%1条模拟路径的P10–P90与P25–P75 · 线：按当前设定值的预测",
    "CAGR %1–%2%": "复合增长率 %1–%2%",
    "CAGR %1% to %2%": "复合增长率 %1% 至 %2%",
    "Set range of %1": "设置 %1 的区间",
    "Remove range of %1": "移除 %1 的区间",
    "No range: click to give this assumption one": "无区间：点击为该假设设置区间",
    "Uniform: min %1, max %2": "均匀分布：最小 %1，最大 %2",
    "Triangular: min %1, most likely %2, max %3": "三角分布：最小 %1，最可能 %2，最大 %3",
    "PERT: min %1, most likely %2, max %3": "PERT分布：最小 %1，最可能 %2，最大 %3",
    "Normal: mean %1, standard deviation %2": "正态分布：均值 %1，标准差 %2",
    "Lognormal: 90% between %1 and %2": "对数正态分布：90%概率介于 %1 与 %2 之间",
    "Range of %1": "%1 的区间",
    "None (a fixed value)": "无（固定值）",
    "Uniform (min, max)": "均匀分布（最小、最大）",
    "Triangular (min, most likely, max)": "三角分布（最小、最可能、最大）",
    "PERT (min, most likely, max)": "PERT分布（最小、最可能、最大）",
    "Normal (mean, standard deviation)": "正态分布（均值、标准差）",
    "Lognormal (90% interval)": "对数正态分布（90%区间）",
    "Shape:": "分布形状：",
    "Minimum:": "最小值：",
    "Most likely:": "最可能值：",
    "Maximum:": "最大值：",
    "Mean:": "均值：",
    "Standard deviation:": "标准差：",
    "5th percentile:": "第5百分位：",
    "95th percentile:": "第95百分位：",
    "Monte Carlo samples this range; the slider's value stays the base forecast.": "蒙特卡洛模拟在此区间内抽样；滑块的数值仍是基准预测。",
    # Uncertainty: histogram, tornado, goal seek (app/uncertainty), deck export option
    "Output:": "输出：",
    "Year:": "年份：",
    "Choose an output.": "请选择一个输出。",
    "Choose a year.": "请选择一个年份。",
    "No assumption has a range yet: give one a distribution to see the spread of outcomes.": "还没有任何假设设置了区间：为某个假设设置分布后即可查看结果的分布。",
    "No assumption has a range yet: give one a distribution to see which assumptions matter most.": "还没有任何假设设置了区间：为某个假设设置分布后即可查看哪些假设影响最大。",
    "Paths per bin": "每个区间的路径数",
    "Paths": "路径数",
    "mean %1": "均值 %1",
    "%1 paths, seed %2. P10 is the 10th percentile (a 90% chance of exceeding it); %3 bins of %4.": "%1 条路径，种子 %2。P10 为第 10 百分位数（有 90% 的概率高于该值）；共 %3 个区间，每个宽 %4。",
    "Assumption at its P10": "假设取 P10 时",
    "Assumption at its P90": "假设取 P90 时",
    "Centre line: %1 (%2 in %3 with every assumption at its current value). Each bar swings one assumption from its P10 to its P90, the others held; widest first.": "中线：%1（所有假设取当前值时 %3 年的%2）。每根条形将一个假设从 P10 变动到 P90，其余假设保持不变；影响最大的排在最上。",
    "Uncertainty": "不确定性",
    "Histogram": "直方图",
    "Tornado": "龙卷风图",
    "Copy as Picture": "复制为图片",
    "Save as %1\u2026": "另存为 %1\u2026",
    "Save Picture": "保存图片",
    "Uncertainty &Charts": "不确定性图表(&C)",
    "&Goal Seek\u2026": "单变量求解(&G)\u2026",
    "Goal Seek": "单变量求解",
    "Change assumption:": "调整假设：",
    "So that output:": "使输出：",
    "In year:": "在年份：",
    "Reaches:": "达到：",
    "&Solve": "求解(&S)",
    "&Apply": "应用(&A)",
    "Find the value of an assumption that makes an output reach a target, with every other assumption at its current value (Brent's method within the slider's range).": "求出使某个输出达到目标值的假设取值，其余假设保持当前值（在滑块范围内用 Brent 方法求解）。",
    "%1 = %2 makes %3 reach %4 in %5 (now %6).": "%1 = %2 时，%3 在 %5 年达到 %4（当前为 %6）。",
    "No value of %1 between %2 and %3 makes %4 reach %5 in %6: %4 ranges from %7 to %8. Nothing was changed.": "%1 在 %2 至 %3 之间的任何取值都不能使 %4 在 %6 年达到 %5：%4 的范围为 %7 至 %8。未做任何更改。",
    "&Uncertainty slides: fans, tornado and histogram": "不确定性幻灯片：扇形图、龙卷风图和直方图(&U)",
    "No assumption has a range": "没有任何假设设置了区间",
    "Tornado of:": "龙卷风图：",
    "Histogram of:": "直方图：",
}

ZH_NUMERUS = {
    "%n assumption(s) with a range do not move it.": ["%n 个设置了区间的假设不影响它。"],
    "%n decimal(s)": ["%n 位小数"],
}


def main() -> int:
    check = "--check" in sys.argv
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if message.get("numerus") == "yes":
                forms = ZH_NUMERUS.get(source)
                if forms:
                    for child in list(translation):
                        translation.remove(child)
                    for form in forms:
                        ET.SubElement(translation, "numerusform").text = form
                    translation.attrib.pop("type", None)
                elif translation.get("type") == "unfinished":
                    missing.append(source)
                continue
            if source in ZH:
                translation.text = ZH[source]
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" or not translation.text:
                missing.append(source)
    for source in missing:
        print("missing:", repr(source))
    if not check:
        tree.write(TS, encoding="utf-8", xml_declaration=True)
        text = TS.read_text(encoding="utf-8")
        text = text.replace("<?xml version='1.0' encoding='utf-8'?>",
                            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        TS.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
