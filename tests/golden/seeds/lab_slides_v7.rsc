# rosemu: --ros 7
# examples/slides-lab-v7.rsc, the slide lab in RouterOS 7's dialect
# (/routing table add fib, routes with routing-table=): v7 layouts with
# Flags:/Columns: lines, unnumbered dynamic routes, comment lines.
/import file-name=examples/slides-lab-v7.rsc
/interface print
/ip address print
/routing table print
/ip route print
/ip route print detail
/ip firewall mangle print
/ip firewall mangle print stats
/ip firewall nat print
/system script print
/export
