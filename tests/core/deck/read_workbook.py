#!/usr/bin/python3
"""Print a workbook's Sheet1 as JSON for the deck tests: {"sheets": [...], "cells": {"A1": value},
"formats": {"B2": "0.0"}}. Run with Debian's /usr/bin/python3, which has python3-openpyxl.

Usage: read_workbook.py FILE.xlsx
"""
import json
import sys

import openpyxl


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    sheet = book["Sheet1"]
    cells, formats = {}, {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            cells[cell.coordinate] = cell.value
            formats[cell.coordinate] = cell.number_format
    json.dump({"sheets": book.sheetnames, "cells": cells, "formats": formats}, sys.stdout,
              ensure_ascii=False)


if __name__ == "__main__":
    main()
