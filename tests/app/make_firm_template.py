#!/usr/bin/python3
"""A firm's template for the export tests, made from a Jevons deck as a firm's template differs
from it: a title-only layout (with its title placeholder) instead of Jevons' blank one, and red
(C00000) as the theme's first accent. Usage: make_firm_template.py deck.pptx corp.potx"""
import re
import sys
import zipfile

TITLE_ONLY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<p:sldLayout xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" type="titleOnly" '
    'preserve="1"><p:cSld name="Title Only"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
    '<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr>'
    '<p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>'
    '<p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="609600" y="228600"/>'
    '<a:ext cx="10972800" cy="914400"/></a:xfrm></p:spPr></p:sp></p:spTree></p:cSld>'
    '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>')

source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "ppt/slideLayouts/slideLayout1.xml":
            data = TITLE_ONLY.encode()
        elif item.filename == "ppt/theme/theme1.xml":
            data = re.sub(rb'(<a:accent1><a:srgbClr val=")[0-9A-Fa-f]{6}', rb"\1C00000", data)
        elif item.filename == "[Content_Types].xml":
            data = data.replace(b"presentationml.presentation.main+xml",
                                b"presentationml.template.main+xml")
        zout.writestr(item, data)
