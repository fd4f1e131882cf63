#!/bin/sh
# Seed corpora for the harnesses: seeds.sh DIR [ROSEMU] makes
# DIR/script (the project's .rsc files), DIR/pcap (captures from
# rosemu --generate, slices of them, other link types) and DIR/packet
# (those frames in fuzz_packet's record format; needs python3).
set -e
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
d=${1:?usage: seeds.sh DIR [ROSEMU]}
bin=${2:-$top/rosemu}
mkdir -p "$d/script" "$d/pcap" "$d/packet"
for f in "$top"/examples/*.rsc "$top"/examples/*/*.rsc \
    "$top"/tests/golden/*/*.rsc "$top"/tests/corpus/*; do
	[ -f "$f" ] || continue
	r=${f#"$top"/}
	cp "$f" "$d/script/$(echo "$r" | tr / _)"
done
"$bin" --generate "$d/pcap/gen1.pcap" --connections 20 --seed 1
"$bin" --generate "$d/pcap/gen2.pcap" --connections 5 --packets 60 --seed 2
python3 - "$d" <<'PY'
import struct, sys
d = sys.argv[1]
def frames(path):
    b = open(path, 'rb').read()
    off, out = 24, []
    while off + 16 <= len(b):
        incl = struct.unpack('<I', b[off + 8:off + 12])[0]
        out.append((b[off:off + 16], b[off + 16:off + 16 + incl]))
        off += 16 + incl
    return b[:24], out
fr = []
for g in ('gen1', 'gen2'):
    hdr, recs = frames('%s/pcap/%s.pcap' % (d, g))
    fr += [f for _, f in recs]
    for i in range(0, len(recs), 10):
        open('%s/pcap/%s-%03d.pcap' % (d, g, i), 'wb').write(
            hdr + b''.join(h + f for h, f in recs[i:i + 3]))
# other link types: raw IPv4, BSD loopback, Linux cooked v1/v2, raw IPv6
ip = bytes.fromhex('4500001c0001000040117cce0a0019020a000001'
    '0035003500080000')
ip6 = (bytes.fromhex('6000000000083a40fe80') + bytes(13) + b'\1' +
    b'\xff\x02' + bytes(13) + b'\1' + bytes.fromhex('8000000000010001'))
def pcap(lt, p):
    return (struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, lt) +
        struct.pack('<IIII', 1, 0, len(p), len(p)) + p)
for name, lt, p in (('raw', 101, ip), ('null', 0, struct.pack('<I', 2) + ip),
    ('sll', 113, struct.pack('>HHH8sH', 0, 1, 6, b'\2' * 6 + b'\0\0',
        0x800) + ip),
    ('sll2', 276, struct.pack('>HHIHBB8s', 0x800, 0, 2, 1, 0, 6,
        b'\2' * 6 + b'\0\0') + ip),
    ('v6raw', 229, ip6)):
    open('%s/pcap/%s.pcap' % (d, name), 'wb').write(pcap(lt, p))
# fuzz_packet: 6 frames a seed, LAN-side, live, and on fixed interfaces
def rec(sel, dt, f):
    return bytes([sel, dt, len(f) >> 8, len(f) & 255]) + f
n = 0
for i in range(0, min(len(fr), 400), 6):
    c = fr[i:i + 6]
    for flag, sel in ((0, lambda k: 0x80), (1, lambda k: 0x80),
                      (0, lambda k: k % 4)):
        open('%s/packet/s%04d' % (d, n), 'wb').write(bytes([flag]) +
            b''.join(rec(sel(k), 1 + k, f) for k, f in enumerate(c)))
        n += 1
PY
echo "seeds: $(ls "$d/script" | wc -l) script, $(ls "$d/pcap" | wc -l) pcap," \
    "$(ls "$d/packet" | wc -l) packet"
