#!/usr/bin/python3
"""Edit a .pptx as a user would between two updates (issue 15's test), with nothing but the
standard library and openpyxl, so the edit does not share code with Jevons:

  * add a slide with a text box ("Our view: ...") after the first slide;
  * move the last chart slide to the front (slides reordered in presentation.xml);
  * retitle the first chart slide ("Retitled by the analyst");
  * recolour the first series of the first chart (FF00FF) and give its values the number
    format '#,##0.000' (python-pptx drops it: scanny/python-pptx#666);
  * add speaker notes to the first chart slide;
  * add a sheet "Analyst notes" to the first chart's embedded workbook (python-pptx drops
    other sheets: #379).

Usage: edit_deck.py IN.pptx OUT.pptx
Prints a JSON record of what it did: the parts it touched, the first chart part, the notes part.
"""
import io
import json
import re
import sys
import zipfile

import openpyxl

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

TEXT_SLIDE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld xmlns:a="{a}" xmlns:r="{r}" xmlns:p="{p}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr><p:sp><p:nvSpPr><p:cNvPr id="2" name="Analyst text"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="914400" y="914400"/><a:ext cx="7315200" cy="1828800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="2800"/><a:t>Our view: ASICs take share faster than the street thinks</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>""".format(**NS)

NOTES_MASTER = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:notesMaster xmlns:a="{a}" xmlns:r="{r}" xmlns:p="{p}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/></p:notesMaster>""".format(**NS)

NOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:notes xmlns:a="{a}" xmlns:r="{r}" xmlns:p="{p}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Notes Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Say: the bull case needs 25% share by 2028.</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>""".format(**NS)


def rels_of(part):
    head, _, tail = part.rpartition("/")
    return f"{head}/_rels/{tail}.rels"


def add_rel(xml, rel_id, rel_type, target):
    return xml.replace("</Relationships>",
                       f'<Relationship Id="{rel_id}" Type="{REL}/{rel_type}" Target="{target}"/>'
                       "</Relationships>")


def add_override(xml, part, content_type):
    return xml.replace("</Types>",
                       f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>')


def main():
    source, target = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(source) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    text = lambda name: parts[name].decode("utf-8")
    touched = []

    # The slides in order, and which hold a chart.
    pres = text("ppt/presentation.xml")
    pres_rels = text("ppt/_rels/presentation.xml.rels")
    targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', pres_rels))
    targets.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', pres_rels)})
    ids = re.findall(r'<p:sldId [^>]*/>', pres)
    slide_of = lambda sld: "ppt/" + targets[re.search(r'r:id="(rId\d+)"', sld).group(1)]
    chart_slides = [sld for sld in ids if "c:chart" in text(slide_of(sld))
                    or "/chart" in text(rels_of(slide_of(sld)))]
    first_chart_slide = slide_of(chart_slides[0])
    slide_rels = text(rels_of(first_chart_slide))
    chart_part = "ppt/" + re.search(r'Target="\.\./(charts/chart\d+\.xml)"', slide_rels).group(1)

    # Retitle the first chart slide.
    slide = text(first_chart_slide)
    slide = re.sub(r'(name="Title".*?<a:t>)[^<]*(</a:t>)', r"\1Retitled by the analyst\2", slide,
                   count=1, flags=re.S)
    parts[first_chart_slide] = slide.encode()
    touched.append(first_chart_slide)

    # Recolour the first series and give its values a number format of the user's.
    chart = text(chart_part)
    ser = chart.index("<c:ser>")
    fill = re.compile(r'<a:srgbClr val="[0-9A-Fa-f]{6}"/>')
    m = fill.search(chart, ser)
    chart = chart[:m.start()] + '<a:srgbClr val="FF00FF"/>' + chart[m.end():]
    val = chart.index("<c:val>", ser)
    chart = chart[:val] + re.sub(r"<c:formatCode>[^<]*</c:formatCode>",
                                 "<c:formatCode>#,##0.000</c:formatCode>", chart[val:], count=1)
    parts[chart_part] = chart.encode()
    touched.append(chart_part)

    # A sheet of the analyst's own in the chart's workbook.
    chart_rels = text(rels_of(chart_part))
    book_part = "ppt/" + re.search(r'Target="\.\./(embeddings/[^"]+)"', chart_rels).group(1)
    book = openpyxl.load_workbook(io.BytesIO(parts[book_part]))
    notes_sheet = book.create_sheet("Analyst notes")
    notes_sheet["A1"] = "Checked against the Marvell call, 5 Mar"
    out = io.BytesIO()
    book.save(out)
    parts[book_part] = out.getvalue()
    touched.append(book_part)

    # Speaker notes on the first chart slide (with the notes master PowerPoint expects).
    ct = text("[Content_Types].xml")
    notes_master, notes = "ppt/notesMasters/notesMaster1.xml", "ppt/notesSlides/notesSlide1.xml"
    parts[notes_master] = NOTES_MASTER.encode()
    parts[rels_of(notes_master)] = add_rel(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        "rId1", "theme", "../theme/theme1.xml").encode()
    parts[notes] = NOTES.encode()
    slide_name = first_chart_slide.rpartition("/")[2]
    parts[rels_of(notes)] = add_rel(add_rel(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        "rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
        "rId2", "slide", "../slides/" + slide_name).encode()
    parts[rels_of(first_chart_slide)] = add_rel(slide_rels, "rId90", "notesSlide",
                                                "../notesSlides/notesSlide1.xml").encode()
    ct = add_override(ct, notes_master,
                      "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml")
    ct = add_override(ct, notes,
                      "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml")
    pres_rels = add_rel(pres_rels, "rId91", "notesMaster", "notesMasters/notesMaster1.xml")
    pres = re.sub(r"(</p:sldIdLst>)", r'\1<p:notesMasterIdLst><p:notesMasterId r:id="rId91"/>'
                  r"</p:notesMasterIdLst>", pres, count=1)

    # A slide of the analyst's own after the first one.
    new_slide = "ppt/slides/slide901.xml"
    parts[new_slide] = TEXT_SLIDE.encode()
    parts[rels_of(new_slide)] = add_rel(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        "rId1", "slideLayout", "../slideLayouts/slideLayout1.xml").encode()
    ct = add_override(ct, new_slide,
                      "application/vnd.openxmlformats-officedocument.presentationml.slide+xml")
    pres_rels = add_rel(pres_rels, "rId92", "slide", "slides/slide901.xml")
    new_id = f'<p:sldId id="{900 + len(ids)}" r:id="rId92"/>'
    # New order: the last chart slide first, then the rest with the new slide second.
    order = [chart_slides[-1]] + [s for s in ids if s != chart_slides[-1]]
    order.insert(1, new_id)
    pres = re.sub(r"<p:sldIdLst>.*?</p:sldIdLst>", "<p:sldIdLst>" + "".join(order) +
                  "</p:sldIdLst>", pres, count=1, flags=re.S)
    parts["ppt/presentation.xml"] = pres.encode()
    parts["ppt/_rels/presentation.xml.rels"] = pres_rels.encode()
    parts["[Content_Types].xml"] = ct.encode()

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, data in parts.items():
            z.writestr(name, data)
    json.dump({"chart": chart_part, "workbook": book_part, "notes": notes,
               "slide": first_chart_slide, "added": new_slide,
               "moved": slide_of(chart_slides[-1])}, sys.stdout)


if __name__ == "__main__":
    main()
