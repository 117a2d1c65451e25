#!/usr/bin/env python3
"""go-isprint.py ISPRINT_GO OUT_H - Go's strconv.IsPrint tables as C.

Reads Go's src/strconv/isprint.go (generated there by makeisprint.go from
the Unicode tables of that Go release) and writes the same five arrays as
static C tables, so numfmt_is_print() answers exactly as strconv.IsPrint.
"""
import re
import sys

src = open(sys.argv[1]).read()
out = ["/* isprint_tab.h - strconv.IsPrint's tables of Go 1.19 (Unicode 13),",
       " * written by tools/go-isprint.py from Go's src/strconv/isprint.go.",
       " * Included by numfmt.c only.  Do not edit. */",
       "#ifndef PS_GO_ISPRINT_TAB_H", "#define PS_GO_ISPRINT_TAB_H", "",
       "#include <stdint.h>", ""]
names = {"isPrint16": ("uint16_t", "isprint16"), "isNotPrint16": ("uint16_t", "isnotprint16"),
         "isPrint32": ("uint32_t", "isprint32"), "isNotPrint32": ("uint16_t", "isnotprint32"),
         "isGraphic": ("uint16_t", "isgraphic")}
for go, (ctype, cname) in names.items():
    m = re.search(r"var %s = \[\]uint(16|32)\{(.*?)\n\}" % go, src, re.S)
    body = re.sub(r"//[^\n]*", "", m.group(2))
    nums = re.findall(r"0x[0-9a-fA-F]+", body)
    out.append("static const %s %s[] = {" % (ctype, cname))
    for i in range(0, len(nums), 8):
        out.append("    " + ", ".join(nums[i:i + 8]) + ",")
    out.append("};")
    out.append("")
out.append("#endif")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
