"""Checks every XML part of an .xlsx/.docx against the vendored ECMA-376 Transitional schemas.

Usage: /usr/bin/python3 validate_package.py FILE...   (Debian's python3 with python3-lxml)
Prints one line per problem and exits 1 when there is any. For each part: well-formed, and valid against
the schema of its root element's namespace (xml:space="preserve" on SpreadsheetML text tolerated). Markup compatibility is applied first as a consumer that knows
only the ECMA namespaces: attributes and elements of namespaces a part lists in mc:Ignorable are dropped
(ExcelJS and docx write Office 2010 extensions that way). Parts in other namespaces are not checked.
"""
import sys
import zipfile
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent / "schemas"
XS = "http://www.w3.org/2001/XMLSchema"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PRELOAD = [
    ("http://www.w3.org/XML/1998/namespace", "w3c/xml.xsd"),
    ("http://purl.org/dc/dcmitype/", "dcmi/dcmitype.xsd"),
    ("http://purl.org/dc/elements/1.1/", "dcmi/dc.xsd"),
    ("http://purl.org/dc/terms/", "dcmi/dcterms.xsd"),
]
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def schema_files():
    out = {}
    for d in ("transitional", "opc"):
        for p in sorted((HERE / d).glob("*.xsd")):
            tns = etree.parse(str(p), PARSER).getroot().get("targetNamespace")
            out.setdefault(tns, p)
    return out


FILES = schema_files()
COMPILED = {}


def schema(ns):
    if ns not in COMPILED:
        driver = etree.Element("{%s}schema" % XS, nsmap={"xs": XS})
        for pns, rel in PRELOAD:
            etree.SubElement(driver, "{%s}import" % XS, namespace=pns, schemaLocation=(HERE / rel).as_uri())
        etree.SubElement(driver, "{%s}import" % XS, namespace=ns, schemaLocation=FILES[ns].as_uri())
        COMPILED[ns] = etree.XMLSchema(driver)
    return COMPILED[ns]


def strip_ignorable(root):
    """Drops what mc:Ignorable marks as ignorable (in scope at the root; the writers declare it there)."""
    ignorable = set()
    for el in root.iter():
        value = el.get("{%s}Ignorable" % MC)
        if value:
            ignorable |= {el.nsmap.get(p) for p in value.split()}
    ignorable.discard(None)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if etree.QName(el).namespace in ignorable and el.getparent() is not None:
            el.getparent().remove(el)
            continue
        for a in list(el.attrib):
            ns = etree.QName(a).namespace
            if ns in ignorable or ns == MC:
                del el.attrib[a]
    etree.cleanup_namespaces(root)


def check(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            try:
                root = etree.fromstring(z.read(name), PARSER)
            except etree.XMLSyntaxError as e:
                problems.append("%s:%s: not well formed: %s" % (path, name, e))
                continue
            strip_ignorable(root)
            # Tolerated as Excel writes it (and ../shared's validator allows): xml:space="preserve" on a
            # SpreadsheetML text element (<t>, <v>, footers), whose schema type admits no attribute.
            for el in root.iter("{%s}*" % SML):
                if el.get(XML_SPACE) == "preserve":
                    del el.attrib[XML_SPACE]
            ns = etree.QName(root).namespace
            if ns not in FILES:
                continue
            s = schema(ns)
            if not s.validate(root):
                for e in list(s.error_log)[:5]:
                    problems.append("%s:%s:%d: %s" % (path, name, e.line, e.message))
    return problems


if __name__ == "__main__":
    bad = [p for f in sys.argv[1:] for p in check(f)]
    for p in bad:
        print(p)
    sys.exit(1 if bad else 0)
