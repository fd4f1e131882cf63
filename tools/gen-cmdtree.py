#!/usr/bin/env python3
# gen-cmdtree.py -- build the compact RouterOS command tree (src/schema/cmdtree_data.c)
#
# Purpose: rosemu must know every menu, command and argument name RouterOS has, so real
# exports load and typos get RouterOS's errors.  The facts come from two console/inspect
# dumps of real routers (tikoci/restraml, see ../shared/reference/README.md) plus
# data/cmdtree-extra.txt, the hand-written part (hardware-only menus the x86 CHR lacks,
# and RouterOS v6's own menus and arguments).  This script merges them into one sorted
# list of text lines and writes them as a C string array.
#
# Usage (from the repo top):   python3 tools/gen-cmdtree.py [REFERENCE_DIR]
#   REFERENCE_DIR defaults to ../shared/reference.  Output is deterministic.
#
# Line format (one node per line; parents before children; sorted by path components):
#   D[@v] <path>                 a menu, e.g. "D ip/firewall/mangle" (root is implicit)
#   C[@v] <path>/<cmd> <args>    a command and its arguments, sorted by name; root-level
#                                commands have no slash ("C put message")
#   A@v   <path>/<cmd> <args>    arguments that exist only in version v of a command that
#                                exists in more versions; follows its C line
#   Each arg is "name" or "name=v1|v2|..." (sorted completion values).
#   @6 / @7 = only in RouterOS major version 6 / 7; no tag = both.
#
# Version rule: a node found in either JSON exists in v7; it is taken as "both" unless its
# path is in V7_ONLY below (things the references say v6 never had).  v6-only facts come
# from the extra file.  Tagging is deliberately coarse: v7 names and completeness matter
# most.  ALIASES (below) copies a subtree under an old menu name RouterOS still accepts.
#
# Completion values (7.22.3 "_completion": {value: {style, ...}}), by style:
#   none, arg       kept: enum words (actions, chains, protocols, yes/no, auto, ...)
#   obj-wildcard    kept: "all" (e.g. snmp trap-interfaces=all)
#   syntax-meta     dropped: "!" (value prefix) and "," (separator) are syntax, not values
#   dir             dropped: file-system entries ("skins/") of the dumped router
#   obj-dynamic, obj-inactive, obj-disabled
#                   dropped: configuration items that happened to exist on the dumped CHR
# Also dropped: INSTANCE_OBJECTS (names of that CHR's own interfaces/users, reported with
# style "none"), every value of ITEM_ARGS below the root (they complete to the CHR's
# item names), and values containing space, '|', '=' or non-printable bytes.
# Fallback: an arg with no completion whose "desc" is a bare enum ("a|b|c" or
# "a|b|c[,Name*]", common in the 7.19.4 dump, e.g. wireless rates) takes those values.
import json
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JSON_FILES = ("routeros-7.19.4-inspect-all-packages.json",
              "routeros-7.22.3-deep-inspect.json")
EXTRA = os.path.join(TOP, "data", "cmdtree-extra.txt")
OUT = os.path.join(TOP, "src", "schema", "cmdtree_data.c")

BOTH, V6, V7 = frozenset((6, 7)), frozenset((6,)), frozenset((7,))
KEEP_STYLES = {"none", "arg", "obj-wildcard"}
INSTANCE_OBJECTS = {"ether1", "lo", "admin", "client1", "serial0"}
ITEM_ARGS = {"numbers", "number", "from", "copy-from"}

# Paths (and everything below them) that clearly do not exist in v6
# (routeros-scripting.md §9, routeros-engine.md §5.4, corpus/NOTES.md markers).
V7_ONLY = [
    "routing/table", "routing/rule", "routing/id", "routing/route",
    "routing/nexthop", "routing/stats", "routing/settings",
    "routing/filter/rule", "routing/filter/select-rule", "routing/filter/num-list",
    "routing/filter/community-list", "routing/filter/community-ext-list",
    "routing/filter/community-large-list", "routing/filter/chain",
    "routing/filter/filter-wizard", "routing/filter/sync",
    "routing/ospf/interface-template", "routing/ospf/static-neighbor",
    "routing/bgp/connection", "routing/bgp/template", "routing/bgp/session",
    "routing/bgp/evpn",
    "interface/wifi", "interface/wifiwave2", "interface/wireguard", "interface/vxlan",
    "interface/veth", "interface/macsec", "container", "ip/vrf",
    # root builtins added in v7 (routeros-scripting.md §9 "New commands")
    "convert", "jobname", "tonsec", "serialize", "deserialize", "grep", "tolf",
    "tocrlf", "lock", "range", "break", "continue", "exit", "onerror", "retry",
]
# Settings menus of v6 that v7 turned into item lists: their list commands are
# v7-only, so in v6 the menu is a single item again (`set enabled=yes`).
# [corpus: Gersa4i__thesis__*_conf.rsc (6.49.4) "/mpls ldp set enabled=yes",
# mm1rza ROUTER-RUMAH (6.48.6) "/interface ovpn-server server set certificate="]
for _menu in ("mpls/ldp", "interface/ovpn-server/server"):
    for _cmd in ("add", "remove", "find", "enable", "disable", "comment", "move"):
        V7_ONLY.append(_menu + "/" + _cmd)
del _menu, _cmd
V7_ONLY = [tuple(p.split("/")) for p in V7_ONLY]

# Old menu names RouterOS still resolves: alias -> current name.  The whole
# subtree of the current name is copied under the alias with the alias's tag
# (routeros-scripting.md §9: 7.13 resolves the old wifiwave2 name).
ALIASES = {"interface/wifiwave2": "interface/wifi"}
DESC_ENUM = re.compile(r"^([A-Za-z0-9.\-]+(?:\|[A-Za-z0-9.\-]+)+)(?:\[,\w+\*\])?$")


def good_value(v):
    return v != "" and all(33 <= ord(c) <= 126 and c not in "|=" for c in v)


class Node:
    def __init__(self, kind, vers):
        self.kind, self.vers = kind, set(vers)
        self.args = {}          # name -> [vers set, values set]


class Tree:
    def __init__(self):
        self.nodes = {}         # path tuple -> Node

    def add_node(self, path, kind, vers, where):
        for i in range(1, len(path)):           # parents are menus
            self._touch(path[:i], "D", vers, where)
        return self._touch(path, kind, vers, where)

    def _touch(self, path, kind, vers, where):
        n = self.nodes.get(path)
        if n is None:
            n = self.nodes[path] = Node(kind, vers)
        elif n.kind != kind:
            sys.exit("%s: %s is both menu and command" % (where, "/".join(path)))
        n.vers |= vers
        return n

    def add_arg(self, node, name, vers, values):
        a = node.args.setdefault(name, [set(), set()])
        a[0] |= vers
        a[1] |= {v for v in values if good_value(v)}


def json_vers(path):
    for p in V7_ONLY:
        if path[:len(p)] == p:
            return V7
    return BOTH


def arg_values(path, name, a):
    """Value words of one JSON arg node (see the style table at the top)."""
    if name in ITEM_ARGS and len(path) > 1:     # root :convert from=hex is an enum
        return []
    comp = a.get("_completion")
    if comp:
        return [v for v, c in comp.items()
                if c.get("style") in KEEP_STYLES and v not in INSTANCE_OBJECTS]
    m = DESC_ENUM.match(a.get("desc", ""))
    return m.group(1).split("|") if m else []


def load_json(tree, fname):
    with open(fname, encoding="utf-8") as f:
        root = json.load(f)

    def walk(obj, path):
        for k in sorted(obj):
            v = obj[k]
            if k.startswith("_") or not isinstance(v, dict):
                continue                        # "_meta", "_type", "desc", ...
            p = path + (k,)
            t = v.get("_type")
            if t in ("dir", "path"):            # "path" = a menu that is also a prefix
                tree.add_node(p, "D", json_vers(p), fname)
                walk(v, p)
            elif t == "cmd":
                n = tree.add_node(p, "C", json_vers(p), fname)
                for an in sorted(v):
                    av = v[an]
                    if isinstance(av, dict) and av.get("_type") == "arg":
                        tree.add_arg(n, an, n.vers, arg_values(p, an, av))
    walk(root, ())


def parse_line_head(tok, where):
    m = re.fullmatch(r"([DCA])(?:@([67]))?", tok)
    if not m:
        sys.exit("%s: bad line kind %r" % (where, tok))
    return m.group(1), (BOTH if m.group(2) is None else frozenset((int(m.group(2)),)))


def load_extra(tree, fname):
    with open(fname, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where = "%s:%d" % (fname, ln)
            toks = line.split()
            kind, vers = parse_line_head(toks[0], where)
            if len(toks) < 2:
                sys.exit("%s: missing path" % where)
            path = tuple(toks[1].strip("/").split("/"))
            if kind == "D":
                if len(toks) > 2:
                    sys.exit("%s: a menu line takes no args" % where)
                tree.add_node(path, "D", vers, where)
                continue
            if kind == "A":
                n = tree.nodes.get(path)
                if n is None or n.kind != "C":
                    sys.exit("%s: A line for unknown command" % where)
                if not vers <= n.vers:
                    sys.exit("%s: A line version outside its command's" % where)
            else:
                n = tree.add_node(path, "C", vers, where)
            for a in toks[2:]:
                name, _, vals = a.partition("=")
                tree.add_arg(n, name, vers, vals.split("|") if vals else [])


def build(refdir):
    tree = Tree()
    for f in JSON_FILES:
        load_json(tree, os.path.join(refdir, f))
    load_extra(tree, EXTRA)
    for alias, real in sorted(ALIASES.items()):
        src, dst = tuple(real.split("/")), tuple(alias.split("/"))
        vers = tree.nodes[dst].vers if dst in tree.nodes else V7
        for p in sorted(tree.nodes):
            if p[:len(src)] != src or p == src:
                continue
            n = tree.nodes[p]
            m = tree.add_node(dst + p[len(src):], n.kind, vers, "alias " + alias)
            for name, (_, vals) in n.args.items():
                tree.add_arg(m, name, vers, vals)
        tree.add_node(dst, "D", vers, "alias " + alias)
    return tree


def tag(vers):
    return "" if vers == BOTH else "@%d" % min(vers)


def fmt_arg(name, vals):
    return name + ("=" + "|".join(sorted(vals)) if vals else "")


def render(tree):
    lines = []
    for path in sorted(tree.nodes):
        n = tree.nodes[path]
        p = "/".join(path)
        if n.kind == "D":
            lines.append("D%s %s" % (tag(n.vers), p))
            continue
        inline, extra = [], {}
        for name in sorted(n.args):
            av, vals = n.args[name]
            av = av & n.vers
            if av == n.vers:
                inline.append(fmt_arg(name, vals))
            else:
                extra.setdefault(frozenset(av), []).append(fmt_arg(name, vals))
        lines.append(" ".join(["C%s %s" % (tag(n.vers), p)] + inline))
        for av in sorted(extra, key=sorted):
            lines.append(" ".join(["A%s %s" % (tag(av), p)] + extra[av]))
    return lines


def c_string(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= ord(ch) <= 126 and ch != "?":   # '?' avoids trigraphs
            out.append(ch)
        else:
            out.append("\\%03o" % (ord(ch) & 0xFF))
    return '"' + "".join(out) + '"'


def write_c(lines, fname):
    with open(fname, "w", encoding="ascii", newline="\n") as f:
        f.write("/* Generated by tools/gen-cmdtree.py from the RouterOS inspect dumps and\n"
                " * data/cmdtree-extra.txt.  Do not edit; line format: see the script. */\n")
        f.write("#include <stddef.h>\n\n")
        f.write("const char *const sch_cmdtree_lines[] = {\n")
        for s in lines:
            f.write("\t%s,\n" % c_string(s))
        f.write("};\n\nconst size_t sch_cmdtree_n_lines = %d;\n" % len(lines))


def main():
    refdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "..", "shared",
                                                                 "reference")
    lines = render(build(refdir))
    write_c(lines, OUT)
    print("%s: %d lines, %d bytes" % (os.path.relpath(OUT, TOP), len(lines),
                                       os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
