/*
 * Unit tests: packet decode/rewrite (src/engine/pkt.c), PCC
 * (src/engine/pcc.c), connection tracking (src/engine/conntrack.c), pcap
 * files (src/io/pcap.c) and the firewall matchers with state or payload
 * (src/engine/fwmatch.c, through the whole engine).  Frames are built by
 * hand below.
 */
#include <check.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "emu.h"
#include "engine.h"
#include "io.h"
#include "script.h"
#include "util.h"
#include "../../src/engine/eng.h"

#define IP(a, b, c, d) \
	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))
#define SEC	1000000000LL

/* ---- frame building ---- */

static const uint8_t mac_a[6] = { 0x02, 0, 0, 0, 0, 0x0a };
static const uint8_t mac_b[6] = { 0x02, 0, 0, 0, 0, 0x0b };

static void
put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static void
put32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static uint16_t
get16(const uint8_t *b)
{
	return (uint16_t)(b[0] << 8 | b[1]);
}

/* Ethernet header with ntags VLAN tags (tpid[i], vid[i]); returns 14+4n */
static size_t
eth(uint8_t *b, uint16_t et, int ntags, const uint16_t *tpid,
    const uint16_t *vid)
{
	size_t o = 12;
	int i;

	memcpy(b, mac_b, 6);
	memcpy(b + 6, mac_a, 6);
	for (i = 0; i < ntags; i++) {
		put16(b + o, tpid[i]);
		put16(b + o + 2, vid[i]);
		o += 4;
	}
	put16(b + o, et);
	return o + 2;
}

/* IPv4 header of ihl words, total length ihl*4 + l4len; checksum 0 */
static size_t
ip4(uint8_t *b, uint8_t proto, uint32_t src, uint32_t dst, size_t l4len,
    uint16_t frag, int ihl)
{
	memset(b, 0, (size_t)ihl * 4);
	b[0] = (uint8_t)(0x40 | ihl);
	b[1] = 0x10;
	put16(b + 2, (uint16_t)(ihl * 4 + l4len));
	put16(b + 4, 0x1234);
	put16(b + 6, frag);
	b[8] = 64;
	b[9] = proto;
	put32(b + 12, src);
	put32(b + 16, dst);
	if (ihl > 5)
		b[20] = 1;	/* NOP options */
	return (size_t)ihl * 4;
}

static size_t
ip6(uint8_t *b, uint8_t nh, const uint8_t *src, const uint8_t *dst,
    size_t plen)
{
	memset(b, 0, 40);
	b[0] = 0x60;
	put16(b + 4, (uint16_t)plen);
	b[6] = nh;
	b[7] = 64;
	memcpy(b + 8, src, 16);
	memcpy(b + 24, dst, 16);
	return 40;
}

/* an IPv6 extension header of (len8 + 1) * 8 bytes, zero padded */
static size_t
ext6(uint8_t *b, uint8_t nh, uint8_t len8)
{
	size_t n = ((size_t)len8 + 1) * 8;

	memset(b, 0, n);
	b[0] = nh;
	b[1] = len8;
	return n;
}

static size_t
tcp(uint8_t *b, uint16_t sp, uint16_t dp, uint8_t flags, int doff,
    size_t paylen)
{
	size_t n = (size_t)doff * 4;

	memset(b, 0, n + paylen);
	put16(b, sp);
	put16(b + 2, dp);
	put32(b + 4, 1000);
	put32(b + 8, (flags & TH_ACK) ? 2000 : 0);
	b[12] = (uint8_t)(doff << 4);
	b[13] = flags;
	put16(b + 14, 65535);
	if (doff > 5) {
		b[20] = 2;	/* MSS 1460 */
		b[21] = 4;
		put16(b + 22, 1460);
	}
	return n + paylen;
}

static size_t
udp(uint8_t *b, uint16_t sp, uint16_t dp, size_t paylen)
{
	memset(b, 0, 8 + paylen);
	put16(b, sp);
	put16(b + 2, dp);
	put16(b + 4, (uint16_t)(8 + paylen));
	memset(b + 8, 'x', paylen);
	return 8 + paylen;
}

static size_t
icmp(uint8_t *b, uint8_t type, uint8_t code, uint16_t id, size_t paylen)
{
	memset(b, 0, 8 + paylen);
	b[0] = type;
	b[1] = code;
	put16(b + 4, id);
	put16(b + 6, 1);
	return 8 + paylen;
}

/* decodes and fixes checksums; the frame must be valid */
static void
finish(struct pkt *p, uint8_t *b, size_t n)
{
	memset(p, 0, sizeof(*p));
	ck_assert_int_eq(pkt_decode(p, b, n), PD_NONE);
	pkt_fix_checksums(p);
}

/* a complete IPv4 frame: TCP (flags), UDP, or ICMP (flags = type,
 * sport = id) */
static size_t
mk4(uint8_t *b, uint8_t proto, uint32_t src, uint16_t sp, uint32_t dst,
    uint16_t dp, uint8_t flags, size_t paylen)
{
	size_t o = eth(b, 0x0800, 0, NULL, NULL), l4;
	struct pkt p;

	switch (proto) {
	case IPP_TCP:
		l4 = tcp(b + o + 20, sp, dp, flags, 5, paylen);
		break;
	case IPP_UDP:
		l4 = udp(b + o + 20, sp, dp, paylen);
		break;
	default:
		l4 = icmp(b + o + 20, flags, 0, sp, paylen);
		break;
	}
	ip4(b + o, proto, src, dst, l4, 0x4000, 5);
	finish(&p, b, o + 20 + l4);
	return o + 20 + l4;
}

static const uint8_t v6a[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0x01 };
static const uint8_t v6b[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0x02 };

/* independent checksum: ones' complement sum of 16-bit words */
static uint32_t
sum16(uint32_t s, const uint8_t *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		s += (i & 1) ? b[i] : (uint32_t)b[i] << 8;
	while (s > 0xffff)
		s = (s & 0xffff) + (s >> 16);
	return s;
}

static bool
ip4_csum_ok(const struct pkt *p)
{
	const uint8_t *ip = p->buf + p->l3off;

	return sum16(0, ip, (size_t)(ip[0] & 15) * 4) == 0xffff;
}

/* the folded sum over pseudo header and segment (0xffff: valid) */
static uint32_t
l4_sum(const struct pkt *p)
{
	const uint8_t *b = p->buf, *ip = b + p->l3off;
	uint32_t l4len = p->l3off + p->ip_len - p->l4off, s = 0;
	uint8_t ph[40];

	if (p->proto != IPP_ICMP) {
		if (p->family == PF_IP4) {
			memcpy(ph, ip + 12, 8);
			ph[8] = 0;
			ph[9] = p->proto;
			put16(ph + 10, (uint16_t)l4len);
			s = sum16(0, ph, 12);
		} else {
			memcpy(ph, ip + 8, 32);
			put32(ph + 32, l4len);
			ph[36] = ph[37] = ph[38] = 0;
			ph[39] = p->proto;
			s = sum16(0, ph, 40);
		}
	}
	return sum16(s, b + p->l4off, l4len);
}

/* L4 checksum of a decoded, unfragmented packet */
static bool
l4_csum_ok(const struct pkt *p)
{
	if (p->proto == IPP_UDP && p->family == PF_IP4 &&
	    get16(p->buf + p->l4off + 6) == 0)
		return true;
	return l4_sum(p) == 0xffff;
}

/* ---- PCC ---- */

static const struct {
	uint32_t init;
	const char *hex;
	uint32_t h;
	unsigned m2, m3;
} jvec[] = {	/* routeros-engine.md §8 */
	{ 0, "c0a8580a", 0x35067d85, 1, 2 },
	{ 0, "c0a8580a08080808", 0x16642f12, 0, 1 },
	{ 0, "c0a8580a08080808c35001bb", 0x0334e60e, 0, 2 },
	{ 0, "", 0xdeadbeef, 1, 2 },
	{ 0x12345678, "c0a8580a", 0x70fc9d76, 0, 0 },
	{ 0x12345678, "c0a8580a08080808c35001bb", 0xf5614b8b, 1, 1 },
};

static size_t
unhex(const char *s, uint8_t *out)
{
	size_t n = 0;

	for (; s[0] && s[1]; s += 2) {
		unsigned v;

		sscanf(s, "%2x", &v);
		out[n++] = (uint8_t)v;
	}
	return n;
}

START_TEST(test_jhash_vectors)
{
	uint8_t k[32];
	size_t n = unhex(jvec[_i].hex, k);
	uint32_t h = pcc_jhash(k, n, jvec[_i].init);

	ck_assert_msg(h == jvec[_i].h, "%s: %08x", jvec[_i].hex, h);
	ck_assert_uint_eq(h % 2, jvec[_i].m2);
	ck_assert_uint_eq(h % 3, jvec[_i].m3);
}
END_TEST

/* lookup3.c's own published values (driver5 / the header comment) */
START_TEST(test_jhash_lookup3)
{
	const char *fs = "Four score and seven years ago";

	ck_assert_uint_eq(pcc_jhash(NULL, 0, 0), 0xdeadbeef);
	ck_assert_uint_eq(pcc_jhash(NULL, 0, 0xdeadbeef), 0xbd5b7dde);
	ck_assert_uint_eq(pcc_jhash((const uint8_t *)fs, 30, 0), 0x17770551);
	ck_assert_uint_eq(pcc_jhash((const uint8_t *)fs, 30, 1), 0xcd628161);
}
END_TEST

/* pcc_hash3 (conntrack's IPv4 key) is jhash of the 12 bytes, LE words */
START_TEST(test_jhash_3words)
{
	uint64_t s = 12345;
	int i;

	for (i = 0; i < 1000; i++) {
		uint8_t k[12];
		uint32_t w[3], init;
		int j;

		for (j = 0; j < 12; j++) {
			s = s * 6364136223846793005ULL + 1442695040888963407ULL;
			k[j] = (uint8_t)(s >> 56);
		}
		for (j = 0; j < 3; j++)
			w[j] = (uint32_t)k[4 * j] |
			    (uint32_t)k[4 * j + 1] << 8 |
			    (uint32_t)k[4 * j + 2] << 16 |
			    (uint32_t)k[4 * j + 3] << 24;
		init = (uint32_t)(s >> 16);
		ck_assert_uint_eq(pcc_hash3(w[0], w[1], w[2], init),
		    pcc_jhash(k, 12, init));
	}
}
END_TEST

static const struct {
	const char *in;
	int rc;
	uint8_t fields;
	bool neg;
	uint32_t den, rem;
} pcc_cases[] = {
	{ "src-address:2/0", 0, PCC_SRC_ADDR, false, 2, 0 },
	{ "dst-address:3/1", 0, PCC_DST_ADDR, false, 3, 1 },
	{ "both-addresses:3/2", 0, PCC_SRC_ADDR | PCC_DST_ADDR, false, 3, 2 },
	{ "src-port:4/3", 0, PCC_SRC_PORT, false, 4, 3 },
	{ "dst-port:5/0", 0, PCC_DST_PORT, false, 5, 0 },
	{ "both-ports:2/1", 0, PCC_SRC_PORT | PCC_DST_PORT, false, 2, 1 },
	{ "src-address-and-port:7/6", 0, PCC_SRC_ADDR | PCC_SRC_PORT, false,
	    7, 6 },
	{ "dst-address-and-port:2/0", 0, PCC_DST_ADDR | PCC_DST_PORT, false,
	    2, 0 },
	{ "both-addresses-and-ports:3/1", 0, 15, false, 3, 1 },
	{ "!both-addresses-and-ports:3/1", 0, 15, true, 3, 1 },
	{ "!src-address:2/0", 0, PCC_SRC_ADDR, true, 2, 0 },
	{ "src-address:1/0", 0, PCC_SRC_ADDR, false, 1, 0 },
	{ "src-address:4294967295/7", 0, PCC_SRC_ADDR, false, 4294967295u,
	    7 },
	{ "src-address", -1, 0, false, 0, 0 },
	{ "src-address:", -1, 0, false, 0, 0 },
	{ "src-address:2", -1, 0, false, 0, 0 },
	{ "src-address:2/", -1, 0, false, 0, 0 },
	{ "src-address:/1", -1, 0, false, 0, 0 },
	{ "src-address:0/0", -1, 0, false, 0, 0 },
	{ "src-address:2/2", -1, 0, false, 0, 0 },
	{ "src-address:2/1x", -1, 0, false, 0, 0 },
	{ "src-address:-2/1", -1, 0, false, 0, 0 },
	{ "src-address:4294967296/1", -1, 0, false, 0, 0 },
	{ "src-addresses:2/1", -1, 0, false, 0, 0 },
	{ "src:2/1", -1, 0, false, 0, 0 },
	{ "!!src-address:2/0", -1, 0, false, 0, 0 },
	{ "", -1, 0, false, 0, 0 },
	{ "Src-Address:2/0", -1, 0, false, 0, 0 },
};

START_TEST(test_pcc_parse)
{
	struct pcc_rule r;
	char buf[64];
	int rc = pcc_parse(pcc_cases[_i].in, &r);

	ck_assert_msg(rc == pcc_cases[_i].rc, "%s: %d", pcc_cases[_i].in, rc);
	if (rc < 0)
		return;
	ck_assert_uint_eq(r.fields, pcc_cases[_i].fields);
	ck_assert_int_eq(r.neg, pcc_cases[_i].neg);
	ck_assert_uint_eq(r.den, pcc_cases[_i].den);
	ck_assert_uint_eq(r.rem, pcc_cases[_i].rem);
	pcc_print(&r, buf, sizeof(buf));
	ck_assert_str_eq(buf, pcc_cases[_i].in);
}
END_TEST

static bool
pcc_on(const char *rule, const struct pkt *p, uint32_t seed)
{
	struct pcc_rule r;

	ck_assert_int_eq(pcc_parse(rule, &r), 0);
	return pcc_match(&r, p, seed);
}

START_TEST(test_pcc_match)
{
	uint8_t b[256], k[16];
	struct pkt p;
	size_t n = mk4(b, IPP_TCP, IP(192, 168, 88, 10), 50000,
	    IP(8, 8, 8, 8), 443, TH_SYN, 0);
	struct pcc_rule r;

	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	/* §8 vectors through the packet path */
	ck_assert(pcc_on("src-address:2/1", &p, 0));
	ck_assert(!pcc_on("src-address:2/0", &p, 0));
	ck_assert(pcc_on("src-address:3/2", &p, 0));
	ck_assert(!pcc_on("!src-address:3/2", &p, 0));
	ck_assert(pcc_on("!src-address:3/0", &p, 0));
	ck_assert(pcc_on("both-addresses:2/0", &p, 0));
	ck_assert(pcc_on("both-addresses:3/1", &p, 0));
	ck_assert(pcc_on("both-addresses-and-ports:2/0", &p, 0));
	ck_assert(pcc_on("both-addresses-and-ports:3/2", &p, 0));
	ck_assert(pcc_on("src-address:3/0", &p, 0x12345678));
	ck_assert(pcc_on("both-addresses-and-ports:3/1", &p, 0x12345678));
	ck_assert(pcc_on("both-addresses-and-ports:2/1", &p, 0x12345678));
	/* the other forms: key layouts */
	put32(k, IP(8, 8, 8, 8));
	ck_assert(pcc_on("dst-address:7/0", &p, 0) ==
	    (pcc_jhash(k, 4, 0) % 7 == 0));
	put16(k, 50000);
	put16(k + 2, 443);
	ck_assert(pcc_on("both-ports:5/1", &p, 0) ==
	    (pcc_jhash(k, 4, 0) % 5 == 1));
	ck_assert(pcc_on("src-port:5/3", &p, 0) ==
	    (pcc_jhash(k, 2, 0) % 5 == 3));
	ck_assert(pcc_on("dst-port:5/2", &p, 0) ==
	    (pcc_jhash(k + 2, 2, 0) % 5 == 2));
	put32(k, IP(192, 168, 88, 10));
	put16(k + 4, 50000);
	ck_assert(pcc_on("src-address-and-port:9/4", &p, 0) ==
	    (pcc_jhash(k, 6, 0) % 9 == 4));
	put32(k, IP(8, 8, 8, 8));
	put16(k + 4, 443);
	ck_assert(pcc_on("dst-address-and-port:9/5", &p, 0) ==
	    (pcc_jhash(k, 6, 0) % 9 == 5));
	/* every remainder of a denominator: exactly one matches */
	{
		unsigned den, rem, hits;
		char rule[64];

		for (den = 1; den <= 9; den++) {
			for (hits = 0, rem = 0; rem < den; rem++) {
				snprintf(rule, sizeof(rule),
				    "both-addresses-and-ports:%u/%u", den, rem);
				hits += pcc_on(rule, &p, 77);
			}
			ck_assert_uint_eq(hits, 1);
		}
	}

	/* ICMP: port forms hash an empty key (0xdeadbeef: %2 1, %3 2) */
	n = mk4(b, IPP_ICMP, IP(192, 168, 88, 10), 7, IP(8, 8, 8, 8), 0, 8,
	    0);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	ck_assert(pcc_on("src-port:2/1", &p, 0));
	ck_assert(pcc_on("both-ports:3/2", &p, 0));
	ck_assert(pcc_on("src-address-and-port:2/1", &p, 0));	/* = src */

	/* non-IP: the inversion flag */
	n = eth(b, 0x0806, 0, NULL, NULL);
	memset(b + n, 0, 28);
	put16(b + n, 1);
	put16(b + n + 2, 0x0800);
	b[n + 4] = 6;
	b[n + 5] = 4;
	put16(b + n + 6, 1);
	ck_assert_int_eq(pkt_decode(&p, b, n + 28), PD_NONE);
	ck_assert_int_eq(p.family, PF_ARP);
	ck_assert(!pcc_on("src-address:2/0", &p, 0));
	ck_assert(!pcc_on("src-address:2/1", &p, 0));
	ck_assert(pcc_on("!src-address:2/0", &p, 0));
	ck_assert(pcc_on("!src-address:2/1", &p, 0));

	/* a non-first fragment has no ports: hotdrop; addresses work */
	n = eth(b, 0x0800, 0, NULL, NULL);
	memset(b + n + 20, 0, 64);
	ip4(b + n, IPP_UDP, IP(10, 0, 0, 1), IP(10, 0, 0, 2), 64, 0x0010, 5);
	ck_assert_int_eq(pkt_decode(&p, b, n + 84), PD_NONE);
	ck_assert(p.frag && !p.frag_first && !p.has_l4);
	ck_assert_int_eq(pcc_parse("both-ports:2/0", &r), 0);
	ck_assert_int_eq(pcc_eval(&r, &p, 0), -1);
	ck_assert(!pcc_match(&r, &p, 0));
	put32(k, IP(10, 0, 0, 1));
	ck_assert_int_eq(pcc_parse("src-address:3/0", &r), 0);
	ck_assert_int_eq(pcc_eval(&r, &p, 0), pcc_jhash(k, 4, 0) % 3 == 0);

	/* IPv6: 16-byte addresses */
	n = eth(b, 0x86dd, 0, NULL, NULL);
	n += ip6(b + n, IPP_UDP, v6a, v6b, 8);
	n += udp(b + n, 1, 2, 0);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	memcpy(k, v6a, 16);
	ck_assert(pcc_on("src-address:11/3", &p, 5) ==
	    (pcc_jhash(k, 16, 5) % 11 == 3));
}
END_TEST

/* ---- decode ---- */

START_TEST(test_decode_tcp_syn)
{
	uint8_t b[256];
	struct pkt p;
	size_t o = eth(b, 0x0800, 0, NULL, NULL), n;

	n = tcp(b + o + 20, 50000, 443, TH_SYN, 6, 0);
	ip4(b + o, IPP_TCP, IP(192, 168, 88, 10), IP(8, 8, 8, 8), n, 0x4000,
	    5);
	memset(&p, 0, sizeof(p));
	p.ts = 42;
	p.in_if = 3;
	ck_assert_int_eq(pkt_decode(&p, b, o + 20 + n), PD_NONE);
	ck_assert_int_eq(p.ts, 42);
	ck_assert_int_eq(p.in_if, 3);
	ck_assert(memcmp(p.smac, mac_a, 6) == 0 &&
	    memcmp(p.dmac, mac_b, 6) == 0);
	ck_assert_uint_eq(p.ethertype, 0x0800);
	ck_assert_uint_eq(p.vlan, 0);
	ck_assert_uint_eq(p.family, PF_IP4);
	ck_assert_uint_eq(p.proto, IPP_TCP);
	ck_assert_uint_eq(p.src4, IP(192, 168, 88, 10));
	ck_assert_uint_eq(p.dst4, IP(8, 8, 8, 8));
	ck_assert_uint_eq(p.ttl, 64);
	ck_assert_uint_eq(p.dscp, 4);
	ck_assert_uint_eq(p.l3off, 14);
	ck_assert_uint_eq(p.l4off, 34);
	ck_assert_uint_eq(p.ip_len, 44);
	ck_assert(p.has_l4 && !p.frag);
	ck_assert_uint_eq(p.sport, 50000);
	ck_assert_uint_eq(p.dport, 443);
	ck_assert_uint_eq(p.tcp_flags, TH_SYN);
	ck_assert_uint_eq(p.tcp_seq, 1000);
	ck_assert_uint_eq(p.tcp_win, 65535);
	ck_assert_uint_eq(p.payload_len, 0);
	/* checksums: the RFC 791 sum comes out right */
	pkt_fix_checksums(&p);
	ck_assert(ip4_csum_ok(&p));
	ck_assert(l4_csum_ok(&p));
}
END_TEST

START_TEST(test_decode_known_checksum)
{
	/* the classic example header: checksum 0xb861 */
	static const uint8_t hdr[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00,
		0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01,
		0xc0, 0xa8, 0x00, 0xc7 };
	uint8_t b[256];
	struct pkt p;
	size_t o = eth(b, 0x0800, 0, NULL, NULL);

	memset(b + o, 0, 0x73);
	memcpy(b + o, hdr, 20);
	udp(b + o + 20, 1, 2, 0x73 - 28);
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, o + 0x73), PD_NONE);
	pkt_fix_checksums(&p);
	ck_assert_uint_eq(get16(b + o + 10), 0xb861);
	ck_assert(l4_csum_ok(&p));
}
END_TEST

START_TEST(test_decode_udp_icmp)
{
	uint8_t b[256];
	struct pkt p;
	size_t n;

	n = mk4(b, IPP_UDP, IP(10, 0, 25, 7), 5353, IP(1, 1, 1, 1), 53, 0,
	    33);
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	ck_assert_uint_eq(p.proto, IPP_UDP);
	ck_assert_uint_eq(p.sport, 5353);
	ck_assert_uint_eq(p.dport, 53);
	ck_assert_uint_eq(p.payload_len, 33);
	ck_assert(l4_csum_ok(&p));

	n = mk4(b, IPP_ICMP, IP(10, 0, 25, 7), 0x4242, IP(1, 1, 1, 1), 0, 8,
	    56);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	ck_assert_uint_eq(p.proto, IPP_ICMP);
	ck_assert_uint_eq(p.icmp_type, 8);
	ck_assert_uint_eq(p.sport, 0x4242);
	ck_assert_uint_eq(p.dport, 0x4242);
	ck_assert_uint_eq(p.payload_len, 56);
	ck_assert(!p.has_inner);
	ck_assert(l4_csum_ok(&p));

	/* Ethernet padding after a short packet is ignored */
	n = mk4(b, IPP_UDP, IP(10, 0, 0, 1), 1, IP(10, 0, 0, 2), 2, 0, 0);
	ck_assert_uint_eq(n, 42);
	memset(b + n, 0xee, 18);
	ck_assert_int_eq(pkt_decode(&p, b, 60), PD_NONE);
	ck_assert_uint_eq(p.ip_len, 28);
	ck_assert_uint_eq(p.payload_len, 0);
}
END_TEST

START_TEST(test_decode_vlan)
{
	static const uint16_t tp1[] = { 0x8100 }, vid1[] = { 0x2064 };
	static const uint16_t tp2[] = { 0x88a8, 0x8100 }, vid2[] = { 10, 20 };
	uint8_t b[256];
	struct pkt p;
	size_t o, n;

	o = eth(b, 0x0800, 1, tp1, vid1);
	ck_assert_uint_eq(o, 18);
	n = udp(b + o + 20, 68, 67, 10);
	ip4(b + o, IPP_UDP, 0, 0xffffffff, n, 0, 5);
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, o + 20 + n), PD_NONE);
	ck_assert_uint_eq(p.vlan, 100);		/* PCP bits masked */
	ck_assert_uint_eq(p.n_vlan, 1);
	ck_assert_uint_eq(p.l3off, 18);
	ck_assert_uint_eq(p.dport, 67);

	o = eth(b, 0x86dd, 2, tp2, vid2);
	ck_assert_uint_eq(o, 22);
	o += ip6(b + o, IPP_TCP, v6a, v6b, 20);
	n = tcp(b + o, 1, 2, TH_ACK, 5, 0);
	ck_assert_int_eq(pkt_decode(&p, b, o + n), PD_NONE);
	ck_assert_uint_eq(p.vlan, 10);
	ck_assert_uint_eq(p.vlan_inner, 20);
	ck_assert_uint_eq(p.n_vlan, 2);
	ck_assert_uint_eq(p.family, PF_IP6);
	ck_assert_uint_eq(p.l3off, 22);
	ck_assert_uint_eq(p.l4off, 62);
}
END_TEST

START_TEST(test_decode_ip4_options_frags)
{
	uint8_t b[256];
	struct pkt p;
	size_t o = eth(b, 0x0800, 0, NULL, NULL), n;

	/* 8 bytes of options */
	n = udp(b + o + 28, 1000, 2000, 4);
	ip4(b + o, IPP_UDP, IP(1, 2, 3, 4), IP(5, 6, 7, 8), n, 0, 7);
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, o + 28 + n), PD_NONE);
	ck_assert_uint_eq(p.l4off, o + 28);
	ck_assert_uint_eq(p.sport, 1000);
	pkt_fix_checksums(&p);
	ck_assert(ip4_csum_ok(&p));
	ck_assert(l4_csum_ok(&p));

	/* first fragment: MF, UDP length is the whole datagram's */
	n = udp(b + o + 20, 1000, 2000, 16);
	put16(b + o + 20 + 4, 1480);
	ip4(b + o, IPP_UDP, IP(1, 2, 3, 4), IP(5, 6, 7, 8), n, 0x2000, 5);
	ck_assert_int_eq(pkt_decode(&p, b, o + 20 + n), PD_NONE);
	ck_assert(p.frag && p.frag_first && p.has_l4);
	ck_assert_uint_eq(p.frag_id, 0x1234);
	ck_assert_uint_eq(p.dport, 2000);

	/* a later fragment: offset 185*8, no L4 header */
	memset(b + o + 20, 0xab, 24);
	ip4(b + o, IPP_UDP, IP(1, 2, 3, 4), IP(5, 6, 7, 8), 24, 185, 5);
	ck_assert_int_eq(pkt_decode(&p, b, o + 44), PD_NONE);
	ck_assert(p.frag && !p.frag_first && !p.has_l4);
	ck_assert_uint_eq(p.frag_off, 1480);
	ck_assert_uint_eq(p.proto, IPP_UDP);
	ck_assert_uint_eq(p.sport, 0);
}
END_TEST

START_TEST(test_decode_ip6_ext)
{
	uint8_t b[512];
	struct pkt p;
	size_t o = eth(b, 0x86dd, 0, NULL, NULL), l3 = o, n;

	/* hop-by-hop, routing (24 bytes), destination options, TCP */
	o += 40;
	o += ext6(b + o, 43, 0);
	o += ext6(b + o, 60, 2);
	o += ext6(b + o, IPP_TCP, 0);
	n = tcp(b + o, 33000, 80, TH_SYN, 6, 0);
	ip6(b + l3, 0, v6a, v6b, o + n - l3 - 40);
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, o + n), PD_NONE);
	ck_assert_uint_eq(p.family, PF_IP6);
	ck_assert_uint_eq(p.proto, IPP_TCP);
	ck_assert_uint_eq(p.l4off, o);
	ck_assert_uint_eq(p.ip_len, o + n - l3);
	ck_assert(memcmp(p.src6, v6a, 16) == 0 && memcmp(p.dst6, v6b, 16) == 0);
	ck_assert_uint_eq(p.sport, 33000);
	ck_assert_uint_eq(p.ttl, 64);
	pkt_fix_checksums(&p);
	ck_assert(l4_csum_ok(&p));

	/* first fragment: fragment header, then UDP */
	o = l3 + 40;
	memset(b + o, 0, 8);
	b[o] = IPP_UDP;
	put16(b + o + 2, 0x0001);		/* offset 0, M */
	put32(b + o + 4, 0xcafe0001);
	o += 8;
	n = udp(b + o, 53, 5353, 100);
	ip6(b + l3, 44, v6a, v6b, o + n - l3 - 40);
	ck_assert_int_eq(pkt_decode(&p, b, o + n), PD_NONE);
	ck_assert(p.frag && p.frag_first && p.has_l4);
	ck_assert_uint_eq(p.frag_id, 0xcafe0001);
	ck_assert_uint_eq(p.sport, 53);

	/* non-first fragment */
	put16(b + l3 + 40 + 2, 0x00b8);		/* offset 184 (23*8), no M */
	ck_assert_int_eq(pkt_decode(&p, b, o + n), PD_NONE);
	ck_assert(p.frag && !p.frag_first && !p.has_l4);
	ck_assert_uint_eq(p.frag_off, 184);
	ck_assert_uint_eq(p.proto, IPP_UDP);

	/* atomic fragment (offset 0, no M): not a fragment */
	put16(b + l3 + 40 + 2, 0);
	ck_assert_int_eq(pkt_decode(&p, b, o + n), PD_NONE);
	ck_assert(!p.frag && p.has_l4);

	/* no next header */
	ip6(b + l3, 59, v6a, v6b, 0);
	ck_assert_int_eq(pkt_decode(&p, b, l3 + 40), PD_NONE);
	ck_assert_uint_eq(p.proto, 59);
	ck_assert(!p.has_l4);
}
END_TEST

/* ICMP port unreachable from dst about a UDP packet src -> dst */
static size_t
mk_icmp_err4(uint8_t *b, uint32_t from, uint32_t to, uint32_t in_src,
    uint16_t in_sp, uint32_t in_dst, uint16_t in_dp, size_t quote)
{
	size_t o = eth(b, 0x0800, 0, NULL, NULL), q;
	uint8_t *in = b + o + 28;
	struct pkt p;

	memset(in, 0, quote > 40 ? quote : 40);
	q = udp(in + 20, in_sp, in_dp, 12);
	ip4(in, IPP_UDP, in_src, in_dst, q, 0, 5);
	/* a valid quoted packet, checksums and all */
	{
		uint8_t tmp[128];
		size_t e = eth(tmp, 0x0800, 0, NULL, NULL);

		memcpy(tmp + e, in, 20 + q);
		finish(&p, tmp, e + 20 + q);
		memcpy(in, tmp + e, 20 + q);
	}
	icmp(b + o + 20, 3, 3, 0, 0);
	put16(b + o + 24, 0);
	ip4(b + o, IPP_ICMP, from, to, 8 + quote, 0, 5);
	finish(&p, b, o + 28 + quote);
	return o + 28 + quote;
}

START_TEST(test_decode_icmp_error)
{
	uint8_t b[256];
	struct pkt p;
	size_t n = mk_icmp_err4(b, IP(8, 8, 8, 8), IP(10, 0, 0, 2),
	    IP(10, 0, 0, 2), 4000, IP(8, 8, 8, 8), 53, 48);

	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	ck_assert_uint_eq(p.icmp_type, 3);
	ck_assert(p.has_inner);
	ck_assert_uint_eq(p.in_proto, IPP_UDP);
	ck_assert_uint_eq(p.in_src4, IP(10, 0, 0, 2));
	ck_assert_uint_eq(p.in_dst4, IP(8, 8, 8, 8));
	ck_assert_uint_eq(p.in_sport, 4000);
	ck_assert_uint_eq(p.in_dport, 53);
	ck_assert_uint_eq(p.in_l3off, 42);
	ck_assert_uint_eq(p.in_l4off, 62);
	ck_assert(l4_csum_ok(&p));

	/* quoting only the IP header and 4 bytes: no inner tuple */
	n = mk_icmp_err4(b, IP(8, 8, 8, 8), IP(10, 0, 0, 2),
	    IP(10, 0, 0, 2), 4000, IP(8, 8, 8, 8), 53, 24);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	ck_assert(!p.has_inner);

	/* ICMPv6 echo request */
	{
		size_t o = eth(b, 0x86dd, 0, NULL, NULL);

		o += ip6(b + o, IPP_ICMP6, v6a, v6b, 16);
		icmp(b + o, 128, 0, 0x77, 8);
		ck_assert_int_eq(pkt_decode(&p, b, o + 16), PD_NONE);
		ck_assert_uint_eq(p.icmp_type, 128);
		ck_assert_uint_eq(p.sport, 0x77);
		pkt_fix_checksums(&p);
		ck_assert(l4_csum_ok(&p));
	}
}
END_TEST

START_TEST(test_decode_arp_nonip)
{
	uint8_t b[128];
	struct pkt p;
	size_t o = eth(b, 0x0806, 0, NULL, NULL);

	memset(b + o, 0, 28);
	put16(b + o, 1);
	put16(b + o + 2, 0x0800);
	b[o + 4] = 6;
	b[o + 5] = 4;
	put16(b + o + 6, 2);
	memcpy(b + o + 8, mac_a, 6);
	put32(b + o + 14, IP(10, 0, 0, 1));
	memcpy(b + o + 18, mac_b, 6);
	put32(b + o + 24, IP(10, 0, 0, 2));
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, o + 28), PD_NONE);
	ck_assert_uint_eq(p.family, PF_ARP);
	ck_assert_uint_eq(p.arp_op, 2);
	ck_assert_uint_eq(p.src4, IP(10, 0, 0, 1));
	ck_assert_uint_eq(p.dst4, IP(10, 0, 0, 2));
	ck_assert(memcmp(p.arp_sha, mac_a, 6) == 0);
	ck_assert(memcmp(p.arp_tha, mac_b, 6) == 0);

	put16(b + 12, 0x88cc);		/* LLDP */
	ck_assert_int_eq(pkt_decode(&p, b, o + 28), PD_NON_IP);
	ck_assert_uint_eq(p.family, 0);
	ck_assert_uint_eq(p.ethertype, 0x88cc);
}
END_TEST

/* ---- malformed frames: one per drop reason ---- */

enum mal_kind {
	MAL_SHORT_ETH, MAL_SHORT_VLAN, MAL_SHORT_IP4, MAL_SHORT_IP6,
	MAL_VERSION4, MAL_VERSION6, MAL_IHL_SMALL, MAL_IHL_BIG,
	MAL_TOTLEN_SMALL, MAL_TOTLEN_BIG, MAL_IP6_PLEN, MAL_SHORT_TCP,
	MAL_SHORT_UDP, MAL_SHORT_ICMP, MAL_TCP_OFF_SMALL, MAL_TCP_OFF_BIG,
	MAL_SHORT_ARP, MAL_HBH_LATE, MAL_EXT_LONG, MAL_EXT_SHORT,
	MAL_UDP_LEN_SMALL, MAL_UDP_LEN_BIG, MAL_FRAG_BIG, MAL_FRAG6_BIG,
	MAL_TWO_FRAG6, MAL_NON_IP, MAL_SHORT_FRAG_FIRST,
};

static const struct {
	enum mal_kind k;
	enum pkt_drop want;
} mal[] = {
	{ MAL_SHORT_ETH, PD_TRUNC_ETH },
	{ MAL_SHORT_VLAN, PD_TRUNC_VLAN },
	{ MAL_SHORT_IP4, PD_TRUNC_IP },
	{ MAL_SHORT_IP6, PD_TRUNC_IP },
	{ MAL_VERSION4, PD_BAD_IP_VERSION },
	{ MAL_VERSION6, PD_BAD_IP_VERSION },
	{ MAL_IHL_SMALL, PD_BAD_IHL },
	{ MAL_IHL_BIG, PD_BAD_IHL },
	{ MAL_TOTLEN_SMALL, PD_BAD_IP_LEN },
	{ MAL_TOTLEN_BIG, PD_BAD_IP_LEN },
	{ MAL_IP6_PLEN, PD_BAD_IP_LEN },
	{ MAL_SHORT_TCP, PD_TRUNC_L4 },
	{ MAL_SHORT_UDP, PD_TRUNC_L4 },
	{ MAL_SHORT_ICMP, PD_TRUNC_L4 },
	{ MAL_TCP_OFF_SMALL, PD_BAD_TCP_OFF },
	{ MAL_TCP_OFF_BIG, PD_BAD_TCP_OFF },
	{ MAL_SHORT_ARP, PD_TRUNC_ARP },
	{ MAL_HBH_LATE, PD_BAD_IP6_EXT },
	{ MAL_EXT_LONG, PD_BAD_IP6_EXT },
	{ MAL_EXT_SHORT, PD_BAD_IP6_EXT },
	{ MAL_UDP_LEN_SMALL, PD_BAD_UDP_LEN },
	{ MAL_UDP_LEN_BIG, PD_BAD_UDP_LEN },
	{ MAL_FRAG_BIG, PD_BAD_FRAG },
	{ MAL_FRAG6_BIG, PD_BAD_FRAG },
	{ MAL_TWO_FRAG6, PD_BAD_IP6_EXT },
	{ MAL_NON_IP, PD_NON_IP },
	{ MAL_SHORT_FRAG_FIRST, PD_TRUNC_L4 },
};

static size_t
mk_mal(uint8_t *b, enum mal_kind k)
{
	static const uint16_t tp[] = { 0x8100 }, vid[] = { 5 };
	size_t o, n;

	memset(b, 0, 256);
	switch (k) {
	case MAL_SHORT_ETH:
		return 13;
	case MAL_SHORT_VLAN:
		o = eth(b, 0x0800, 1, tp, vid);
		return 16;
	case MAL_SHORT_IP4:
		o = eth(b, 0x0800, 0, NULL, NULL);
		b[o] = 0x45;
		return o + 19;
	case MAL_SHORT_IP6:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		b[o] = 0x60;
		return o + 39;
	case MAL_VERSION4:
		n = mk4(b, IPP_UDP, 1, 1, 2, 2, 0, 0);
		b[14] = 0x65;
		return n;
	case MAL_VERSION6:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 59, v6a, v6b, 0);
		b[o] = 0x45;
		return o + 40;
	case MAL_IHL_SMALL:
		n = mk4(b, IPP_UDP, 1, 1, 2, 2, 0, 0);
		b[14] = 0x44;
		return n;
	case MAL_IHL_BIG:
		n = mk4(b, IPP_UDP, 1, 1, 2, 2, 0, 0);
		b[14] = 0x4f;		/* 60 bytes > 28 */
		return n;
	case MAL_TOTLEN_SMALL:
		n = mk4(b, IPP_UDP, 1, 1, 2, 2, 0, 0);
		put16(b + 16, 19);
		return n;
	case MAL_TOTLEN_BIG:
		n = mk4(b, IPP_UDP, 1, 1, 2, 2, 0, 0);
		put16(b + 16, 29);
		return n;
	case MAL_IP6_PLEN:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 59, v6a, v6b, 1);
		return o + 40;
	case MAL_SHORT_TCP:
		o = eth(b, 0x0800, 0, NULL, NULL);
		ip4(b + o, IPP_TCP, 1, 2, 19, 0, 5);
		return o + 39;
	case MAL_SHORT_UDP:
		o = eth(b, 0x0800, 0, NULL, NULL);
		ip4(b + o, IPP_UDP, 1, 2, 7, 0, 5);
		return o + 27;
	case MAL_SHORT_ICMP:
		o = eth(b, 0x0800, 0, NULL, NULL);
		ip4(b + o, IPP_ICMP, 1, 2, 4, 0, 5);
		return o + 24;
	case MAL_TCP_OFF_SMALL:
		n = mk4(b, IPP_TCP, 1, 1, 2, 2, TH_SYN, 0);
		b[34 + 12] = 0x40;
		return n;
	case MAL_TCP_OFF_BIG:
		n = mk4(b, IPP_TCP, 1, 1, 2, 2, TH_SYN, 8);
		b[34 + 12] = 0x80;	/* 32 bytes > 28 */
		return n;
	case MAL_SHORT_ARP:
		o = eth(b, 0x0806, 0, NULL, NULL);
		put16(b + o, 1);
		put16(b + o + 2, 0x0800);
		b[o + 4] = 6;
		b[o + 5] = 4;
		return o + 27;
	case MAL_HBH_LATE:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 60, v6a, v6b, 16);
		ext6(b + o + 40, 0, 0);
		ext6(b + o + 48, 59, 0);
		return o + 56;
	case MAL_EXT_LONG:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 43, v6a, v6b, 16);
		ext6(b + o + 40, 59, 0);
		b[o + 41] = 2;		/* 24 bytes > 16 */
		return o + 56;
	case MAL_EXT_SHORT:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 0, v6a, v6b, 4);
		return o + 44;
	case MAL_UDP_LEN_SMALL:
		n = mk4(b, IPP_UDP, 1, 1, 2, 2, 0, 4);
		put16(b + 34 + 4, 7);
		return n;
	case MAL_UDP_LEN_BIG:
		n = mk4(b, IPP_UDP, 1, 1, 2, 2, 0, 4);
		put16(b + 34 + 4, 13);
		return n;
	case MAL_FRAG_BIG:
		o = eth(b, 0x0800, 0, NULL, NULL);
		ip4(b + o, IPP_UDP, 1, 2, 100, 8180, 5);
		return o + 120;
	case MAL_FRAG6_BIG:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 44, v6a, v6b, 108);
		b[o + 40] = IPP_UDP;
		put16(b + o + 42, 65520);
		return o + 148;
	case MAL_TWO_FRAG6:
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 44, v6a, v6b, 32);
		b[o + 40] = 44;
		put16(b + o + 42, 1);
		b[o + 48] = IPP_UDP;
		put16(b + o + 50, 1);
		return o + 72;
	case MAL_NON_IP:
		eth(b, 0x88cc, 0, NULL, NULL);
		return 60;
	case MAL_SHORT_FRAG_FIRST:
		o = eth(b, 0x0800, 0, NULL, NULL);
		ip4(b + o, IPP_TCP, 1, 2, 8, 0x2000, 5);
		return o + 28;
	}
	return 0;
}

START_TEST(test_decode_malformed)
{
	uint8_t b[256], *copy;
	struct pkt p;
	size_t n = mk_mal(b, mal[_i].k);
	enum pkt_drop r;

	/* an exact-size heap copy: ASan sees any read past the end */
	copy = malloc(n);
	memcpy(copy, b, n);
	memset(&p, 0, sizeof(p));
	r = pkt_decode(&p, copy, n);
	ck_assert_msg(r == mal[_i].want, "case %d: got %s want %s",
	    (int)mal[_i].k, pkt_drop_names[r], pkt_drop_names[mal[_i].want]);
	free(copy);
}
END_TEST

START_TEST(test_drop_names)
{
	int i;

	for (i = 0; i < PD_N; i++) {
		const char *s = pkt_drop_names[i];

		ck_assert_ptr_nonnull(s);
		ck_assert(*s != '\0');
		for (; *s; s++)
			ck_assert((*s >= 'a' && *s <= 'z') || *s == '-' ||
			    (*s >= '0' && *s <= '9'));
	}
	ck_assert_str_eq(pkt_drop_names[PD_TRUNC_IP], "truncated-ip");
}
END_TEST

/* valid frames whose IP packet ends where the frame does */
static size_t
mk_valid(uint8_t *b, int which)
{
	static const uint16_t tp[] = { 0x88a8, 0x8100 }, vid[] = { 7, 8 };
	size_t o, n;
	struct pkt p;

	switch (which) {
	case 0:		/* TCP SYN with MSS option */
		o = eth(b, 0x0800, 0, NULL, NULL);
		n = tcp(b + o + 24, 1, 2, TH_SYN, 6, 0);
		ip4(b + o, IPP_TCP, 1, 2, n, 0, 6);
		return o + 24 + n;
	case 1:		/* double-tagged UDP */
		o = eth(b, 0x0800, 2, tp, vid);
		n = udp(b + o + 20, 1, 2, 10);
		ip4(b + o, IPP_UDP, 1, 2, n, 0, 5);
		return o + 20 + n;
	case 2:		/* IPv6, two extension headers, TCP */
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, 0, v6a, v6b, 16 + 24);
		ext6(b + o + 40, 60, 0);
		ext6(b + o + 48, IPP_TCP, 0);
		tcp(b + o + 56, 1, 2, TH_ACK, 6, 0);
		return o + 80;
	case 3:		/* ICMP error with a quoted UDP packet */
		return mk_icmp_err4(b, 1, 2, 2, 3, 1, 4, 28);
	case 4:		/* ARP */
		o = eth(b, 0x0806, 0, NULL, NULL);
		memset(b + o, 0, 28);
		put16(b + o, 1);
		put16(b + o + 2, 0x0800);
		b[o + 4] = 6;
		b[o + 5] = 4;
		return o + 28;
	default:	/* ICMPv6 error quoting IPv6 UDP */
		o = eth(b, 0x86dd, 0, NULL, NULL);
		ip6(b + o, IPP_ICMP6, v6b, v6a, 8 + 48);
		icmp(b + o + 40, 1, 4, 0, 48);
		put16(b + o + 44, 0);
		ip6(b + o + 48, IPP_UDP, v6a, v6b, 8);
		udp(b + o + 88, 7, 9, 0);
		finish(&p, b, o + 96);
		ck_assert(p.has_inner);
		return o + 96;
	}
}

START_TEST(test_decode_truncations)
{
	uint8_t b[256];
	size_t n = mk_valid(b, _i), len;
	struct pkt p;

	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	for (len = 0; len < n; len++) {
		uint8_t *copy = malloc(len ? len : 1);
		enum pkt_drop r;

		memcpy(copy, b, len);
		r = pkt_decode(&p, copy, len);
		ck_assert_msg(r != PD_NONE, "frame %d cut at %zu decoded",
		    _i, len);
		free(copy);
	}
}
END_TEST

/* deterministic xorshift for the mutation fuzz */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

START_TEST(test_decode_mutations)
{
	uint8_t b[256];
	struct ct_table *ct = ct_new(64, NULL);
	uint32_t seed = 2463534242u;
	int w, i;

	for (w = 0; w < 6; w++) {
		size_t n = mk_valid(b, w);

		for (i = 0; i < 3000; i++) {
			uint8_t *copy = malloc(n);
			size_t len = n - (rnd(&seed) % 4 == 0 ?
			    rnd(&seed) % n : 0);
			int flips = 1 + (int)(rnd(&seed) % 4), f;
			struct pkt p;
			struct ct_conn *c;
			enum ct_state st;
			enum pkt_drop why;
			int dir;

			memcpy(copy, b, n);
			for (f = 0; f < flips; f++)
				copy[rnd(&seed) % n] = (uint8_t)rnd(&seed);
			memset(&p, 0, sizeof(p));
			if (pkt_decode(&p, copy, len) != PD_NONE) {
				free(copy);
				continue;
			}
			c = ct_lookup(ct, &p, i * SEC, true, &dir, &st, &why);
			(void)c;
			p.src4 ^= 0x01010101;
			p.sport++;
			p.in_src4 ^= 0x0a000001;
			p.in_sport++;
			p.src6[3] ^= 1;
			p.in_dst6[15] ^= 1;
			p.ttl--;
			pkt_rewrite(&p);
			pkt_fix_checksums(&p);
			free(copy);
		}
	}
	ct_free(ct);
}
END_TEST

/* ---- rewrite ---- */

START_TEST(test_rewrite_nat4)
{
	uint8_t b[256];
	struct pkt p, q;
	size_t n;
	int proto;

	for (proto = 0; proto < 2; proto++) {
		n = mk4(b, proto ? IPP_UDP : IPP_TCP, IP(10, 0, 25, 7), 40000,
		    IP(93, 184, 216, 34), 443, TH_SYN | TH_ACK, 37);
		memset(&p, 0, sizeof(p));
		ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
		ck_assert(ip4_csum_ok(&p) && l4_csum_ok(&p));
		p.src4 = IP(203, 0, 113, 5);
		p.sport = 61000;
		p.dst4 = IP(192, 168, 1, 10);
		p.dport = 8443;
		p.ttl = 63;
		p.dscp = 46;
		memcpy(p.smac, mac_b, 6);
		memcpy(p.dmac, mac_a, 6);
		pkt_rewrite(&p);
		memset(&q, 0, sizeof(q));
		ck_assert_int_eq(pkt_decode(&q, b, n), PD_NONE);
		ck_assert_uint_eq(q.src4, IP(203, 0, 113, 5));
		ck_assert_uint_eq(q.dst4, IP(192, 168, 1, 10));
		ck_assert_uint_eq(q.sport, 61000);
		ck_assert_uint_eq(q.dport, 8443);
		ck_assert_uint_eq(q.ttl, 63);
		ck_assert_uint_eq(q.dscp, 46);
		ck_assert(memcmp(q.smac, mac_b, 6) == 0);
		ck_assert(ip4_csum_ok(&q));
		ck_assert_msg(l4_csum_ok(&q), "proto %d", proto);
	}

	/* IPv4 UDP without a checksum keeps none */
	n = mk4(b, IPP_UDP, IP(10, 0, 0, 1), 1, IP(10, 0, 0, 2), 2, 0, 5);
	put16(b + 34 + 6, 0);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	p.src4 = IP(1, 1, 1, 1);
	pkt_rewrite(&p);
	ck_assert_uint_eq(get16(b + 34 + 6), 0);
	ck_assert(ip4_csum_ok(&p));

	/* ICMP echo: the id follows sport (or dport) */
	n = mk4(b, IPP_ICMP, IP(10, 0, 0, 1), 0x100, IP(10, 0, 0, 2), 0, 8,
	    20);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	p.src4 = IP(198, 51, 100, 1);
	p.sport = 0x2222;
	pkt_rewrite(&p);
	ck_assert_int_eq(pkt_decode(&q, b, n), PD_NONE);
	ck_assert_uint_eq(q.sport, 0x2222);
	ck_assert(ip4_csum_ok(&q) && l4_csum_ok(&q));
	q.dport = 0x3333;
	pkt_rewrite(&q);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	ck_assert_uint_eq(p.sport, 0x3333);
	ck_assert(l4_csum_ok(&p));

	/* a checksum that was wrong stays wrong by the same amount */
	n = mk4(b, IPP_TCP, IP(10, 0, 0, 1), 1, IP(10, 0, 0, 2), 2, TH_ACK, 0);
	b[34 + 16] ^= 0x55;
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	{
		uint32_t bad = l4_sum(&p);

		ck_assert_uint_ne(bad, 0xffff);
		p.src4 = IP(10, 9, 9, 9);
		p.dport = 9999;
		pkt_rewrite(&p);
		ck_assert_uint_eq(l4_sum(&p), bad);
	}
}
END_TEST

START_TEST(test_rewrite_v6_and_inner)
{
	uint8_t b[256], na[16];
	struct pkt p, q;
	size_t o = eth(b, 0x86dd, 0, NULL, NULL), n;

	/* IPv6 TCP: addresses are in the pseudo header */
	ip6(b + o, IPP_TCP, v6a, v6b, 20 + 9);
	n = tcp(b + o + 40, 5000, 80, TH_ACK, 5, 9);
	finish(&p, b, o + 40 + n);
	memcpy(na, v6a, 16);
	na[5] = 0x99;
	memcpy(p.src6, na, 16);
	p.dport = 8080;
	p.ttl = 3;
	p.dscp = 10;
	pkt_rewrite(&p);
	memset(&q, 0, sizeof(q));
	ck_assert_int_eq(pkt_decode(&q, b, o + 40 + n), PD_NONE);
	ck_assert(memcmp(q.src6, na, 16) == 0);
	ck_assert_uint_eq(q.dport, 8080);
	ck_assert_uint_eq(q.ttl, 3);
	ck_assert_uint_eq(q.dscp, 10);
	ck_assert(l4_csum_ok(&q));

	/* ICMP error after masquerade: outer dst and quoted src go back to
	 * the client; ICMP and quoted IP/UDP checksums stay valid */
	n = mk_icmp_err4(b, IP(8, 8, 8, 8), IP(203, 0, 113, 5),
	    IP(203, 0, 113, 5), 61000, IP(8, 8, 8, 8), 53, 48);
	ck_assert_int_eq(pkt_decode(&p, b, n), PD_NONE);
	p.dst4 = IP(10, 0, 25, 7);
	p.in_src4 = IP(10, 0, 25, 7);
	p.in_sport = 40000;
	pkt_rewrite(&p);
	ck_assert_int_eq(pkt_decode(&q, b, n), PD_NONE);
	ck_assert(q.has_inner);
	ck_assert_uint_eq(q.dst4, IP(10, 0, 25, 7));
	ck_assert_uint_eq(q.in_src4, IP(10, 0, 25, 7));
	ck_assert_uint_eq(q.in_sport, 40000);
	ck_assert(ip4_csum_ok(&q));
	ck_assert(l4_csum_ok(&q));
	ck_assert(sum16(0, b + q.in_l3off, 20) == 0xffff);
	{
		/* the quoted UDP datagram's own checksum (all 20 bytes are
		 * quoted) */
		uint8_t ph[12];
		uint32_t s;

		memcpy(ph, b + q.in_l3off + 12, 8);
		ph[8] = 0;
		ph[9] = IPP_UDP;
		put16(ph + 10, 20);
		s = sum16(0, ph, 12);
		ck_assert(sum16(s, b + q.in_l4off, 20) == 0xffff);
	}
}
END_TEST

/* ---- conntrack ---- */

struct ctx {
	struct ct_table *t;
	uint8_t	 b[256];
	struct pkt p;
	int	 dir;
	enum ct_state st;
	enum pkt_drop why;
};

static struct ct_conn *
feed(struct ctx *x, int64_t now, uint8_t proto, uint32_t src, uint16_t sp,
    uint32_t dst, uint16_t dp, uint8_t flags)
{
	size_t n = mk4(x->b, proto, src, sp, dst, dp, flags, 10);

	memset(&x->p, 0, sizeof(x->p));
	ck_assert_int_eq(pkt_decode(&x->p, x->b, n), PD_NONE);
	return ct_lookup(x->t, &x->p, now, true, &x->dir, &x->st, &x->why);
}

#define CLI	IP(10, 0, 25, 7)
#define SRV	IP(93, 184, 216, 34)

START_TEST(test_ct_tcp_handshake)
{
	struct ctx x;
	struct ct_timeouts to;
	struct ct_conn *c, *c2;
	int64_t t0 = 100 * SEC;

	ct_default_timeouts(&to);
	x.t = ct_new(100, NULL);
	c = feed(&x, t0, IPP_TCP, CLI, 40000, SRV, 80, TH_SYN);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(x.st, CT_NEW);
	ck_assert_int_eq(x.dir, 0);
	ck_assert_int_eq(c->tcp, TCP_SYN_SENT);
	ck_assert_str_eq(ct_tcp_state_names[c->tcp], "syn-sent");
	ck_assert_int_eq(c->expires, t0 + to.tcp_syn_sent);
	ck_assert_int_eq(c->created, t0);
	ck_assert_uint_eq(c->id, 1);
	ck_assert(!c->seen_reply && !c->assured);
	/* a retransmitted SYN: still new */
	c2 = feed(&x, t0 + SEC, IPP_TCP, CLI, 40000, SRV, 80, TH_SYN);
	ck_assert_ptr_eq(c2, c);
	ck_assert_int_eq(x.st, CT_NEW);

	c2 = feed(&x, t0 + 2 * SEC, IPP_TCP, SRV, 80, CLI, 40000,
	    TH_SYN | TH_ACK);
	ck_assert_ptr_eq(c2, c);
	ck_assert_int_eq(x.dir, 1);
	ck_assert_int_eq(x.st, CT_ESTABLISHED);
	ck_assert_int_eq(c->tcp, TCP_SYN_RECV);
	ck_assert_str_eq(ct_tcp_state_names[c->tcp], "syn-recv");
	ck_assert(c->seen_reply && !c->assured);
	ck_assert_int_eq(c->expires, t0 + 2 * SEC + to.tcp_syn_received);

	c2 = feed(&x, t0 + 3 * SEC, IPP_TCP, CLI, 40000, SRV, 80, TH_ACK);
	ck_assert_ptr_eq(c2, c);
	ck_assert_int_eq(x.st, CT_ESTABLISHED);
	ck_assert_int_eq(c->tcp, TCP_ESTABLISHED);
	ck_assert(c->assured);
	ck_assert_int_eq(c->expires, t0 + 3 * SEC + to.tcp_established);
	feed(&x, t0 + 4 * SEC, IPP_TCP, SRV, 80, CLI, 40000,
	    TH_ACK | TH_PSH);
	ck_assert_uint_eq(c->orig_packets, 3);
	ck_assert_uint_eq(c->repl_packets, 2);
	ck_assert_uint_eq(c->orig_bytes, 3 * 50);
	ck_assert_int_eq(c->last, t0 + 4 * SEC);
	/* the heap entry moves on to the 1d deadline ... */
	ct_expire(x.t, t0 + 5 * SEC);
	ck_assert_uint_eq(ct_count(x.t), 1);

	/* close: FIN, ACK, FIN, ACK */
	feed(&x, t0 + 5 * SEC, IPP_TCP, CLI, 40000, SRV, 80, TH_FIN | TH_ACK);
	ck_assert_int_eq(c->tcp, TCP_FIN_WAIT);
	ck_assert_int_eq(c->expires, t0 + 5 * SEC + to.tcp_fin_wait);
	feed(&x, t0 + 6 * SEC, IPP_TCP, SRV, 80, CLI, 40000, TH_ACK);
	ck_assert_int_eq(c->tcp, TCP_CLOSE_WAIT);
	feed(&x, t0 + 7 * SEC, IPP_TCP, SRV, 80, CLI, 40000, TH_FIN | TH_ACK);
	ck_assert_int_eq(c->tcp, TCP_LAST_ACK);
	feed(&x, t0 + 8 * SEC, IPP_TCP, CLI, 40000, SRV, 80, TH_ACK);
	ck_assert_int_eq(c->tcp, TCP_TIME_WAIT);
	ck_assert_str_eq(ct_tcp_state_names[c->tcp], "time-wait");
	ck_assert_int_eq(c->expires, t0 + 8 * SEC + to.tcp_time_wait);

	/* ... and the FIN shortened it: expiry happens on time */
	ct_expire(x.t, t0 + 18 * SEC - 1);
	ck_assert_uint_eq(ct_count(x.t), 1);
	ct_expire(x.t, t0 + 18 * SEC);
	ck_assert_uint_eq(ct_count(x.t), 0);
	ck_assert_uint_eq(ct_get_stats(x.t)->expired, 1);
	ct_free(x.t);
}
END_TEST

START_TEST(test_ct_tcp_edge)
{
	struct ctx x;
	struct ct_timeouts to;
	struct ct_conn *c;

	ct_default_timeouts(&to);
	x.t = ct_new(100, NULL);

	/* loose pick-up: a bare ACK starts an established connection, the
	 * packet is still "new", the timeout the unacked one */
	c = feed(&x, 0, IPP_TCP, CLI, 1, SRV, 2, TH_ACK);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(x.st, CT_NEW);
	ck_assert_int_eq(c->tcp, TCP_ESTABLISHED);
	ck_assert_int_eq(c->expires, to.tcp_unacked);
	feed(&x, SEC, IPP_TCP, SRV, 2, CLI, 1, TH_ACK);
	ck_assert_int_eq(x.st, CT_ESTABLISHED);
	ck_assert(!c->assured);
	feed(&x, 2 * SEC, IPP_TCP, CLI, 1, SRV, 2, TH_ACK);
	ck_assert(c->assured);
	ck_assert_int_eq(c->expires, 2 * SEC + to.tcp_established);

	/* loose tracking off: invalid */
	ct_set_loose(x.t, false);
	c = feed(&x, 3 * SEC, IPP_TCP, CLI, 3, SRV, 4, TH_ACK);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(x.st, CT_INVALID);
	ck_assert_int_eq(x.why, PD_NONE);
	ct_set_loose(x.t, true);

	/* never start from SYN/ACK, FIN, RST; bad flag sets are invalid */
	ck_assert_ptr_null(feed(&x, 4 * SEC, IPP_TCP, CLI, 5, SRV, 6,
	    TH_SYN | TH_ACK));
	ck_assert_int_eq(x.st, CT_INVALID);
	ck_assert_ptr_null(feed(&x, 4 * SEC, IPP_TCP, CLI, 5, SRV, 6,
	    TH_FIN | TH_ACK));
	ck_assert_ptr_null(feed(&x, 4 * SEC, IPP_TCP, CLI, 5, SRV, 6, TH_RST));
	ck_assert_ptr_null(feed(&x, 4 * SEC, IPP_TCP, CLI, 5, SRV, 6,
	    TH_SYN | TH_FIN));
	ck_assert_ptr_null(feed(&x, 4 * SEC, IPP_TCP, CLI, 5, SRV, 6, 0));
	ck_assert_int_eq(x.st, CT_INVALID);
	ck_assert_uint_eq(ct_count(x.t), 1);

	/* refused: SYN answered by RST: gone at once */
	c = feed(&x, 5 * SEC, IPP_TCP, CLI, 7, SRV, 8, TH_SYN);
	ck_assert_ptr_nonnull(c);
	c = feed(&x, 5 * SEC, IPP_TCP, SRV, 8, CLI, 7, TH_RST | TH_ACK);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->tcp, TCP_CLOSE);
	ck_assert_int_eq(c->expires, 5 * SEC);
	ct_expire(x.t, 5 * SEC);
	ck_assert_uint_eq(ct_count(x.t), 1);

	/* SYN after time-wait re-opens: a new entry */
	c = feed(&x, 6 * SEC, IPP_TCP, CLI, 9, SRV, 10, TH_SYN);
	feed(&x, 6 * SEC, IPP_TCP, SRV, 10, CLI, 9, TH_SYN | TH_ACK);
	feed(&x, 6 * SEC, IPP_TCP, CLI, 9, SRV, 10, TH_ACK);
	feed(&x, 6 * SEC, IPP_TCP, CLI, 9, SRV, 10, TH_FIN | TH_ACK);
	feed(&x, 6 * SEC, IPP_TCP, SRV, 10, CLI, 9, TH_FIN | TH_ACK);
	ck_assert_int_eq(c->tcp, TCP_LAST_ACK);
	feed(&x, 6 * SEC, IPP_TCP, CLI, 9, SRV, 10, TH_ACK);
	ck_assert_int_eq(c->tcp, TCP_TIME_WAIT);
	{
		uint32_t old = c->id;

		c = feed(&x, 7 * SEC, IPP_TCP, CLI, 9, SRV, 10, TH_SYN);
		ck_assert_ptr_nonnull(c);
		ck_assert_uint_gt(c->id, old);
		ck_assert_int_eq(x.st, CT_NEW);
		ck_assert_int_eq(c->tcp, TCP_SYN_SENT);
	}
	/* an RST in established closes */
	feed(&x, 8 * SEC, IPP_TCP, SRV, 10, CLI, 9, TH_SYN | TH_ACK);
	feed(&x, 8 * SEC, IPP_TCP, CLI, 9, SRV, 10, TH_ACK);
	feed(&x, 8 * SEC, IPP_TCP, CLI, 9, SRV, 10, TH_RST);
	ck_assert_int_eq(c->tcp, TCP_CLOSE);
	ck_assert_int_eq(c->expires, 8 * SEC + to.tcp_close);
	/* an ACK from the client before any SYN/ACK is invalid, one from
	 * the server is ignored */
	c = feed(&x, 9 * SEC, IPP_TCP, CLI, 11, SRV, 12, TH_SYN);
	ck_assert_ptr_null(feed(&x, 9 * SEC, IPP_TCP, CLI, 11, SRV, 12,
	    TH_ACK));
	ck_assert_int_eq(x.st, CT_INVALID);
	ck_assert_ptr_eq(feed(&x, 9 * SEC, IPP_TCP, SRV, 12, CLI, 11, TH_ACK),
	    c);
	ck_assert_int_eq(c->tcp, TCP_SYN_SENT);
	/* simultaneous open: SYN from the other side */
	feed(&x, 9 * SEC, IPP_TCP, SRV, 12, CLI, 11, TH_SYN);
	ck_assert_int_eq(c->tcp, TCP_SYN_SENT2);
	ck_assert_str_eq(ct_tcp_state_names[c->tcp], "listen");
	ct_free(x.t);
}
END_TEST

START_TEST(test_ct_udp_stream)
{
	struct ctx x;
	struct ct_timeouts to;
	struct ct_conn *c;

	ct_default_timeouts(&to);
	x.t = ct_new(100, &to);
	c = feed(&x, 0, IPP_UDP, CLI, 5353, SRV, 53, 0);
	ck_assert_int_eq(x.st, CT_NEW);
	ck_assert_int_eq(c->expires, to.udp);
	ck_assert_int_eq(c->tcp, TCP_NONE);
	feed(&x, SEC, IPP_UDP, CLI, 5353, SRV, 53, 0);
	ck_assert_int_eq(x.st, CT_NEW);		/* no reply yet */
	feed(&x, 2 * SEC, IPP_UDP, SRV, 53, CLI, 5353, 0);
	ck_assert_int_eq(x.st, CT_ESTABLISHED);
	ck_assert_int_eq(x.dir, 1);
	ck_assert(c->seen_reply && !c->assured);
	ck_assert_int_eq(c->expires, 2 * SEC + to.udp);
	feed(&x, 3 * SEC, IPP_UDP, CLI, 5353, SRV, 53, 0);
	ck_assert_int_eq(x.st, CT_ESTABLISHED);
	ck_assert(c->assured);
	ck_assert_int_eq(c->expires, 3 * SEC + to.udp_stream);
	ck_assert_uint_eq(c->orig_packets, 3);
	ck_assert_uint_eq(c->repl_packets, 1);

	/* lazily expired on lookup: a new entry */
	c = feed(&x, 0, IPP_UDP, CLI, 1, SRV, 2, 0);
	ck_assert_uint_eq(c->id, 2);
	c = feed(&x, 10 * SEC, IPP_UDP, CLI, 1, SRV, 2, 0);
	ck_assert_uint_eq(c->id, 3);
	ck_assert_int_eq(x.st, CT_NEW);

	/* without create: what it would be, no entry */
	mk4(x.b, IPP_UDP, CLI, 7, SRV, 7, 0, 0);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, 42), PD_NONE);
	ck_assert_ptr_null(ct_lookup(x.t, &x.p, 11 * SEC, false, &x.dir,
	    &x.st, &x.why));
	ck_assert_int_eq(x.st, CT_NEW);
	ck_assert_uint_eq(ct_count(x.t), 2);

	/* other protocols: the generic timeout */
	{
		size_t o = eth(x.b, 0x0800, 0, NULL, NULL);

		memset(x.b + o + 20, 0, 16);
		ip4(x.b + o, 47, CLI, SRV, 16, 0, 5);
		ck_assert_int_eq(pkt_decode(&x.p, x.b, o + 36), PD_NONE);
		c = ct_lookup(x.t, &x.p, 20 * SEC, true, &x.dir, &x.st,
		    &x.why);
		ck_assert_ptr_nonnull(c);
		ck_assert_int_eq(c->expires, 20 * SEC + to.generic);
		ck_assert_uint_eq(c->orig.proto, 47);
	}
	ct_free(x.t);
}
END_TEST

START_TEST(test_ct_icmp_related)
{
	struct ctx x;
	struct ct_conn *c, *u;
	struct ct_tuple r;
	size_t n;

	x.t = ct_new(100, NULL);
	c = feed(&x, 0, IPP_ICMP, CLI, 0x77, SRV, 0, 8);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(x.st, CT_NEW);
	ck_assert_uint_eq(c->icmp_type, 8);
	ck_assert_uint_eq(c->orig.sport, 0x77);
	ck_assert_uint_eq(c->reply.sport, 0x77);
	ck_assert_int_eq(c->expires, 10 * SEC);
	ck_assert_ptr_eq(feed(&x, SEC, IPP_ICMP, SRV, 0x77, CLI, 0, 0), c);
	ck_assert_int_eq(x.st, CT_ESTABLISHED);
	ck_assert_int_eq(x.dir, 1);
	/* an echo reply nobody asked for */
	ck_assert_ptr_null(feed(&x, SEC, IPP_ICMP, SRV, 0x78, CLI, 0, 0));
	ck_assert_int_eq(x.st, CT_INVALID);
	/* other ICMP without an error payload: invalid */
	ck_assert_ptr_null(feed(&x, SEC, IPP_ICMP, SRV, 0, CLI, 0, 9));
	ck_assert_int_eq(x.st, CT_INVALID);

	/* UDP flow, masqueraded: reply tuple re-filed */
	u = feed(&x, 2 * SEC, IPP_UDP, CLI, 40000, SRV, 53, 0);
	ck_assert_ptr_nonnull(u);
	r = u->reply;
	put32(r.dst, IP(203, 0, 113, 5));
	r.dport = 61000;
	ct_set_reply(x.t, u, &r);
	ck_assert_ptr_eq(feed(&x, 3 * SEC, IPP_UDP, SRV, 53,
	    IP(203, 0, 113, 5), 61000, 0), u);
	ck_assert_int_eq(x.dir, 1);
	ck_assert_int_eq(x.st, CT_ESTABLISHED);
	{
		int d = -1;

		ck_assert_ptr_eq(ct_find(x.t, &r, &d), u);
		ck_assert_int_eq(d, 1);
		ck_assert_ptr_eq(ct_find(x.t, &u->orig, &d), u);
		ck_assert_int_eq(d, 0);
	}
	/* the old reply tuple no longer leads there */
	mk4(x.b, IPP_UDP, SRV, 53, CLI, 40000, 0, 0);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, 42), PD_NONE);
	ck_assert_ptr_null(ct_lookup(x.t, &x.p, 3 * SEC, false, &x.dir,
	    &x.st, &x.why));

	/* port unreachable from the server about the translated packet */
	n = mk_icmp_err4(x.b, SRV, IP(203, 0, 113, 5), IP(203, 0, 113, 5),
	    61000, SRV, 53, 48);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, n), PD_NONE);
	c = ct_lookup(x.t, &x.p, 4 * SEC, true, &x.dir, &x.st, &x.why);
	ck_assert_ptr_eq(c, u);
	ck_assert_int_eq(x.st, CT_RELATED);
	ck_assert_int_eq(x.dir, 1);
	ck_assert_uint_eq(u->repl_packets, 1);	/* not counted */
	/* ... and from the client side about the original packet */
	n = mk_icmp_err4(x.b, CLI, SRV, SRV, 53, CLI, 40000, 48);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, n), PD_NONE);
	ck_assert_ptr_eq(ct_lookup(x.t, &x.p, 4 * SEC, true, &x.dir, &x.st,
	    &x.why), u);
	ck_assert_int_eq(x.st, CT_RELATED);
	ck_assert_int_eq(x.dir, 0);
	/* about a flow nobody tracks */
	n = mk_icmp_err4(x.b, SRV, CLI, CLI, 1, SRV, 2, 48);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, n), PD_NONE);
	ck_assert_ptr_null(ct_lookup(x.t, &x.p, 4 * SEC, true, &x.dir, &x.st,
	    &x.why));
	ck_assert_int_eq(x.st, CT_INVALID);
	ck_assert_uint_eq(ct_get_stats(x.t)->related, 2);

	/* ICMPv6 neighbour solicitation: untracked */
	{
		size_t o = eth(x.b, 0x86dd, 0, NULL, NULL);

		o += ip6(x.b + o, IPP_ICMP6, v6a, v6b, 24);
		icmp(x.b + o, 135, 0, 0, 16);
		ck_assert_int_eq(pkt_decode(&x.p, x.b, o + 24), PD_NONE);
		ck_assert_ptr_null(ct_lookup(x.t, &x.p, 5 * SEC, true,
		    &x.dir, &x.st, &x.why));
		ck_assert_int_eq(x.st, CT_UNTRACKED);
	}
	ct_free(x.t);
}
END_TEST

START_TEST(test_ct_ip6_frags)
{
	struct ctx x;
	struct ct_conn *c;
	size_t o, n;

	x.t = ct_new(100, NULL);
	/* IPv6 UDP */
	o = eth(x.b, 0x86dd, 0, NULL, NULL);
	o += ip6(x.b + o, IPP_UDP, v6a, v6b, 8);
	udp(x.b + o, 546, 547, 0);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, o + 8), PD_NONE);
	c = ct_lookup(x.t, &x.p, 0, true, &x.dir, &x.st, &x.why);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->orig.family, PF_IP6);
	ck_assert(memcmp(c->reply.src, v6b, 16) == 0);
	ck_assert_uint_eq(ct_get_stats(x.t)->n_ip6, 1);

	/* IPv4 fragments: the first creates, the rest follow it */
	o = eth(x.b, 0x0800, 0, NULL, NULL);
	n = udp(x.b + o + 20, 7000, 7001, 16);
	put16(x.b + o + 24, 3000);
	ip4(x.b + o, IPP_UDP, CLI, SRV, n, 0x2000, 5);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, o + 20 + n), PD_NONE);
	c = ct_lookup(x.t, &x.p, SEC, true, &x.dir, &x.st, &x.why);
	ck_assert_ptr_nonnull(c);
	ip4(x.b + o, IPP_UDP, CLI, SRV, 24, 3, 5);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, o + 44), PD_NONE);
	ck_assert(!x.p.has_l4);
	ck_assert_ptr_eq(ct_lookup(x.t, &x.p, SEC, true, &x.dir, &x.st,
	    &x.why), c);
	ck_assert_int_eq(x.st, CT_NEW);
	ck_assert_uint_eq(c->orig_packets, 2);
	/* another datagram's later fragment: unknown */
	put16(x.b + o + 4, 0x9999);
	ck_assert_int_eq(pkt_decode(&x.p, x.b, o + 44), PD_NONE);
	ck_assert_ptr_null(ct_lookup(x.t, &x.p, SEC, true, &x.dir, &x.st,
	    &x.why));
	ck_assert_int_eq(x.st, CT_INVALID);
	/* non-IP */
	x.p.family = PF_ARP;
	ck_assert_ptr_null(ct_lookup(x.t, &x.p, SEC, true, &x.dir, &x.st,
	    &x.why));
	ck_assert_int_eq(x.st, CT_INVALID);
	ct_free(x.t);
}
END_TEST

START_TEST(test_ct_max_entries)
{
	struct ctx x;
	struct ct_conn *c, **v;
	size_t n;
	int i;

	/* all assured: the next connection is refused */
	x.t = ct_new(3, NULL);
	for (i = 0; i < 3; i++) {
		feed(&x, 0, IPP_UDP, CLI, (uint16_t)(100 + i), SRV, 53, 0);
		feed(&x, 0, IPP_UDP, SRV, 53, CLI, (uint16_t)(100 + i), 0);
		c = feed(&x, 0, IPP_UDP, CLI, (uint16_t)(100 + i), SRV, 53,
		    0);
		ck_assert(c->assured);
	}
	c = feed(&x, 0, IPP_UDP, CLI, 200, SRV, 53, 0);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(x.why, PD_CT_FULL);
	ck_assert_uint_eq(ct_get_stats(x.t)->refused, 1);
	ck_assert_uint_eq(ct_count(x.t), 3);
	/* known connections still pass */
	ck_assert_ptr_nonnull(feed(&x, 0, IPP_UDP, CLI, 101, SRV, 53, 0));
	ck_assert_int_eq(x.why, PD_NONE);
	/* a raised limit lets it in */
	ct_set_max(x.t, 4);
	ck_assert_ptr_nonnull(feed(&x, 0, IPP_UDP, CLI, 200, SRV, 53, 0));
	ct_free(x.t);

	/* unassured entries are evicted, oldest first (early drop) */
	x.t = ct_new(3, NULL);
	for (i = 0; i < 4; i++)
		ck_assert_ptr_nonnull(feed(&x, i, IPP_UDP, CLI,
		    (uint16_t)(100 + i), SRV, 53, 0));
	v = ct_list(x.t, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(v[0]->id, 2);
	ck_assert_uint_eq(v[2]->id, 4);
	free(v);
	ck_assert_uint_eq(ct_get_stats(x.t)->early_dropped, 1);
	ct_free(x.t);

	/* max 0: nothing is tracked */
	x.t = ct_new(0, NULL);
	ck_assert_ptr_null(feed(&x, 0, IPP_UDP, CLI, 1, SRV, 2, 0));
	ck_assert_int_eq(x.why, PD_CT_FULL);
	ct_free(x.t);
}
END_TEST

/* a fixed pseudo-random workload; returns a digest of ct_list */
static uint32_t
workload(struct ct_table *t, uint32_t seed, size_t *count)
{
	struct ctx x;
	struct ct_conn **v;
	size_t n, i;
	uint32_t h = 0;
	int k;

	x.t = t;
	for (k = 0; k < 3000; k++) {
		uint32_t r = rnd(&seed);
		uint16_t sp = (uint16_t)(1024 + r % 700);
		int64_t now = (int64_t)k * (SEC / 50);

		ct_expire(t, now);
		switch (r >> 28) {
		case 0: case 1: case 2:
			feed(&x, now, IPP_TCP, CLI, sp, SRV, 443, TH_SYN);
			break;
		case 3: case 4:
			feed(&x, now, IPP_TCP, SRV, 443, CLI, sp,
			    TH_SYN | TH_ACK);
			break;
		case 5: case 6:
			feed(&x, now, IPP_TCP, CLI, sp, SRV, 443, TH_ACK);
			break;
		case 7:
			feed(&x, now, IPP_TCP, CLI, sp, SRV, 443,
			    TH_FIN | TH_ACK);
			break;
		case 8: case 9: case 10:
			feed(&x, now, IPP_UDP, CLI + (r & 15), sp, SRV, 53, 0);
			break;
		case 11:
			feed(&x, now, IPP_UDP, SRV, 53, CLI + (r & 15), sp, 0);
			break;
		case 12:
			v = ct_list(t, &n);
			if (n > 0)
				ct_remove(t, v[r % n]);
			free(v);
			break;
		default:
			feed(&x, now, IPP_ICMP, CLI, sp, SRV, 0, 8);
			break;
		}
	}
	v = ct_list(t, &n);
	for (i = 0; i < n; i++) {
		if (i > 0)
			ck_assert_uint_gt(v[i]->id, v[i - 1]->id);
		h = pcc_jhash((const uint8_t *)&v[i]->orig,
		    sizeof(v[i]->orig), h ^ v[i]->id);
		h ^= (uint32_t)v[i]->expires ^ (uint32_t)v[i]->tcp;
	}
	free(v);
	*count = n;
	return h;
}

START_TEST(test_ct_deterministic)
{
	struct ct_table *a = ct_new(1000, NULL), *b = ct_new(1000, NULL);
	size_t na, nb;
	uint32_t ha = workload(a, 12345, &na), hb = workload(b, 12345, &nb);

	ck_assert_uint_eq(na, nb);
	ck_assert_uint_eq(ha, hb);
	ck_assert_uint_gt(na, 0);
	ck_assert_uint_eq(ct_count(a), na);
	ck_assert_uint_eq(ct_get_stats(a)->n_ip4, na);
	/* everything expires in time (1d after the last packet at most) */
	ct_expire(a, 200000 * SEC);
	ck_assert_uint_eq(ct_count(a), 0);
	ct_free(a);
	ct_free(b);
	ct_free(NULL);
}
END_TEST

START_TEST(test_ct_many)
{
	struct ctx x;
	struct ct_conn *c;
	struct ct_tuple tu;
	int i, d;

	/* thousands of entries: the hash table grows, all stay findable,
	 * removal in any order keeps the rest */
	x.t = ct_new(100000, NULL);
	for (i = 0; i < 5000; i++) {
		c = feed(&x, i, IPP_UDP, CLI + (uint32_t)(i % 7),
		    (uint16_t)(1000 + i), SRV, 53, 0);
		ck_assert_ptr_nonnull(c);
		ck_assert_uint_eq(c->id, (uint32_t)i + 1);
	}
	for (i = 0; i < 5000; i += 2) {
		memset(&tu, 0, sizeof(tu));
		tu.family = PF_IP4;
		tu.proto = IPP_UDP;
		put32(tu.src, SRV);
		put32(tu.dst, CLI + (uint32_t)(i % 7));
		tu.sport = 53;
		tu.dport = (uint16_t)(1000 + i);
		c = ct_find(x.t, &tu, &d);
		ck_assert_ptr_nonnull(c);
		ck_assert_int_eq(d, 1);
		ct_remove(x.t, c);
	}
	ck_assert_uint_eq(ct_count(x.t), 2500);
	ck_assert_uint_eq(ct_get_stats(x.t)->removed, 2500);
	for (i = 1; i < 5000; i += 2) {
		c = feed(&x, 5000, IPP_UDP, CLI + (uint32_t)(i % 7),
		    (uint16_t)(1000 + i), SRV, 53, 0);
		ck_assert_uint_eq(c->id, (uint32_t)i + 1);
	}
	/* freed slots are reused by new entries; ids keep growing */
	c = feed(&x, 5001, IPP_UDP, CLI, 1, SRV, 53, 0);
	ck_assert_uint_eq(c->id, 5001);
	ck_assert_uint_eq(ct_count(x.t), 2501);
	ct_free(x.t);
}
END_TEST

/* ---- pcap ---- */

static char tmpdir[64];

static void
tmp_setup(void)
{
	strcpy(tmpdir, "/tmp/check_engine.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void
tmp_teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", tmpdir);
}

static char *
tmp_path(const char *name)
{
	static char buf[4][128];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", tmpdir, name);
	return buf[k];
}

static void
write_frames(const char *path, const int64_t *ts, int n, uint8_t tag)
{
	struct strbuf err = STRBUF_INIT;
	struct io_pcap_out *o = io_pcap_create(path, &err);
	uint8_t b[256];
	int i;

	ck_assert_msg(o != NULL, "%s", sb_str(&err));
	for (i = 0; i < n; i++) {
		size_t len = mk4(b, IPP_UDP, IP(10, 0, 0, tag), (uint16_t)i,
		    IP(10, 0, 0, 99), 53, 0, (size_t)i);

		ck_assert_int_eq(io_pcap_write(o, ts[i], b, len, &err), 0);
	}
	ck_assert_int_eq(io_pcap_out_close(o, &err), 0);
	sb_fini(&err);
}

START_TEST(test_pcap_roundtrip)
{
	static const int64_t ts[] = { 1700000000LL * SEC + 123456789,
		1700000000LL * SEC + 123456790, 1700000005LL * SEC };
	struct strbuf err = STRBUF_INIT;
	struct io_pcap_in *in;
	struct io_frame f;
	uint8_t b[256];
	int i;

	write_frames(tmp_path("a.pcap"), ts, 3, 1);
	in = io_pcap_open(tmp_path("a.pcap"), &err);
	ck_assert_msg(in != NULL, "%s", sb_str(&err));
	ck_assert_int_eq(io_pcap_linktype(in), DLT_EN10MB);
	for (i = 0; i < 3; i++) {
		size_t len = mk4(b, IPP_UDP, IP(10, 0, 0, 1), (uint16_t)i,
		    IP(10, 0, 0, 99), 53, 0, (size_t)i);

		ck_assert_int_eq(io_pcap_next(in, &f, &err), 1);
		ck_assert_int_eq(f.ts, ts[i]);
		ck_assert_uint_eq(f.len, len);
		ck_assert_uint_eq(f.wire_len, len);
		ck_assert(memcmp(f.buf, b, len) == 0);
		f.buf[0] ^= 1;		/* writable */
	}
	ck_assert_int_eq(io_pcap_next(in, &f, &err), 0);
	io_pcap_close(in);
	io_pcap_close(NULL);

	/* errors are text, not crashes */
	ck_assert_ptr_null(io_pcap_open(tmp_path("missing.pcap"), &err));
	ck_assert_uint_gt(err.len, 0);
	sb_reset(&err);
	ck_assert_ptr_null(io_pcap_create("/nonexistent/dir/x.pcap", &err));
	ck_assert_uint_gt(err.len, 0);
	sb_fini(&err);
}
END_TEST

START_TEST(test_pcap_merge)
{
	static const int64_t t1[] = { 10, 20, 20, 40 }, t2[] = { 5, 20, 30 },
	    t3[] = { 20 };
	/* expected (input, index within it) */
	static const int want[][2] = { { 1, 0 }, { 0, 0 }, { 0, 1 }, { 0, 2 },
		{ 1, 1 }, { 2, 0 }, { 1, 2 }, { 0, 3 } };
	struct strbuf err = STRBUF_INIT;
	struct io_merge *m = io_merge_new();
	struct io_frame f;
	size_t i;

	write_frames(tmp_path("1.pcap"), t1, 4, 1);
	write_frames(tmp_path("2.pcap"), t2, 3, 2);
	write_frames(tmp_path("3.pcap"), t3, 1, 3);
	ck_assert_int_eq(io_merge_add_take(m, io_pcap_open(tmp_path("1.pcap"),
	    &err)), 0);
	ck_assert_int_eq(io_merge_add_take(m, io_pcap_open(tmp_path("2.pcap"),
	    &err)), 1);
	ck_assert_int_eq(io_merge_add_take(m, io_pcap_open(tmp_path("3.pcap"),
	    &err)), 2);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct pkt p;

		ck_assert_int_eq(io_merge_next(m, &f, &err), 1);
		ck_assert_int_eq(f.src, want[i][0]);
		memset(&p, 0, sizeof(p));
		ck_assert_int_eq(pkt_decode(&p, f.buf, f.len), PD_NONE);
		ck_assert_uint_eq(p.src4 & 0xff, (uint32_t)want[i][0] + 1);
		ck_assert_uint_eq(p.sport, (uint32_t)want[i][1]);
	}
	ck_assert_int_eq(io_merge_next(m, &f, &err), 0);
	ck_assert_int_eq(io_merge_next(m, &f, &err), 0);
	io_merge_free(m);
	io_merge_free(NULL);
	sb_fini(&err);
}
END_TEST

START_TEST(test_pcap_dir_and_linktypes)
{
	struct strbuf err = STRBUF_INIT;
	struct io_pcap_dir *d = io_pcap_dir_new(tmpdir);
	struct io_pcap_in *in;
	struct io_frame f;
	uint8_t b[256], sll[256];
	size_t n = mk4(b, IPP_TCP, 1, 2, 3, 4, TH_SYN, 0);
	pcap_t *dead;
	pcap_dumper_t *du;
	struct pcap_pkthdr h;

	ck_assert_int_eq(io_pcap_dir_write(d, "ether1", 5, b, n, &err), 0);
	ck_assert_int_eq(io_pcap_dir_write(d, "ether1", 6, b, n, &err), 0);
	ck_assert_int_eq(io_pcap_dir_write(d, "vlan/10", 7, b, n, &err), 0);
	ck_assert_int_eq(io_pcap_dir_touch(d, "ether3", &err), 0);
	ck_assert_int_eq(io_pcap_dir_free(d, &err), 0);
	in = io_pcap_open(tmp_path("ether1.pcap"), &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(io_pcap_next(in, &f, &err), 1);
	ck_assert_int_eq(f.ts, 5);
	ck_assert_int_eq(io_pcap_next(in, &f, &err), 1);
	ck_assert_int_eq(io_pcap_next(in, &f, &err), 0);
	io_pcap_close(in);
	in = io_pcap_open(tmp_path("vlan_10.pcap"), &err);
	ck_assert_ptr_nonnull(in);
	io_pcap_close(in);
	in = io_pcap_open(tmp_path("ether3.pcap"), &err);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(io_pcap_next(in, &f, &err), 0);
	io_pcap_close(in);

	/* Linux cooked capture: an Ethernet frame comes out */
	memset(sll, 0, 16);
	put16(sll, 4);			/* outgoing */
	put16(sll + 2, 1);		/* ARPHRD_ETHER */
	put16(sll + 4, 6);
	memcpy(sll + 6, mac_a, 6);
	put16(sll + 14, 0x0800);
	memcpy(sll + 16, b + 14, n - 14);
	dead = pcap_open_dead(DLT_LINUX_SLL, 65535);
	du = pcap_dump_open(dead, tmp_path("sll.pcap"));
	ck_assert_ptr_nonnull(du);
	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = 1;
	h.ts.tv_usec = 500;
	h.caplen = h.len = (bpf_u_int32)(n + 2);
	pcap_dump((u_char *)du, &h, sll);
	/* and a raw IP one */
	pcap_dump_close(du);
	pcap_close(dead);
	dead = pcap_open_dead(DLT_RAW, 65535);
	du = pcap_dump_open(dead, tmp_path("raw.pcap"));
	h.caplen = h.len = (bpf_u_int32)(n - 14);
	pcap_dump((u_char *)du, &h, b + 14);
	pcap_dump_close(du);
	pcap_close(dead);

	in = io_pcap_open(tmp_path("sll.pcap"), &err);
	ck_assert_msg(in != NULL, "%s", sb_str(&err));
	ck_assert_int_eq(io_pcap_next(in, &f, &err), 1);
	ck_assert_int_eq(f.ts, SEC + 500000);	/* us scaled to ns */
	ck_assert_uint_eq(f.len, n);
	ck_assert(memcmp(f.buf + 6, mac_a, 6) == 0);
	ck_assert(memcmp(f.buf + 12, b + 12, n - 12) == 0);
	io_pcap_close(in);
	in = io_pcap_open(tmp_path("raw.pcap"), &err);
	ck_assert_msg(in != NULL, "%s", sb_str(&err));
	ck_assert_int_eq(io_pcap_next(in, &f, &err), 1);
	ck_assert_uint_eq(f.len, n);
	ck_assert(memcmp(f.buf + 12, b + 12, n - 12) == 0);
	io_pcap_close(in);
	sb_fini(&err);
}
END_TEST

/* ---- firewall matchers through the engine (fw.c, fwmatch.c) ---- */

#define MS	1000000LL

/* a router: LAN ether2 10.0.0.1/24, WAN ether1 192.0.2.2/24, default
 * route to 192.0.2.1, plus the test's rules */
struct fwt {
	struct cfg *c;
	struct scr_env *env;
	struct eng *e;
	int	 ros, wan, lan;
};

static const char fw_base[] =
    "/ip address add address=10.0.0.1/24 interface=ether2\n"
    "/ip address add address=192.0.2.2/24 interface=ether1\n"
    "/ip route add gateway=192.0.2.1\n";

static void
fwt_open(struct fwt *t, int ros, const char *rules)
{
	sch_init(ros);
	t->ros = ros;
	t->c = cfg_new(ros);
	t->env = scr_env_new(t->c, ros, stdout);
	ck_assert_int_eq(scr_run_text(t->env, NULL, fw_base, strlen(fw_base)),
	    0);
	ck_assert_msg(scr_run_text(t->env, NULL, rules, strlen(rules)) == 0,
	    "%s", rules);
	t->e = eng_new(t->c, ros, 0);
	t->wan = eng_if_index(t->e, "ether1");
	t->lan = eng_if_index(t->e, "ether2");
}

/* configuration commands, then the recompile txn_commit would ask for */
static void
fwt_run(struct fwt *t, const char *cmds)
{
	ck_assert_int_eq(scr_run_text(t->env, NULL, cmds, strlen(cmds)), 0);
	eng_commit(t->e);
}

static void
fwt_close(struct fwt *t)
{
	eng_free(t->e);
	scr_env_free(t->env);
	cfg_free(t->c);
}

/* an IPv4 frame with payload pl[0..n): TCP (flags; doff 6 with an MSS
 * option when mss), UDP, or ICMP (flags = type, sport = id) */
static size_t
fwframe(uint8_t *b, uint8_t proto, uint32_t src, uint16_t sp, uint32_t dst,
    uint16_t dp, uint8_t flags, const void *pl, size_t n, bool mss)
{
	size_t o = eth(b, 0x0800, 0, NULL, NULL), hl, l4;
	struct pkt p;

	switch (proto) {
	case IPP_TCP:
		hl = mss ? 24 : 20;
		l4 = tcp(b + o + 20, sp, dp, flags, (int)hl / 4, n);
		break;
	case IPP_UDP:
		hl = 8;
		l4 = udp(b + o + 20, sp, dp, n);
		break;
	default:
		hl = 8;
		l4 = icmp(b + o + 20, flags, 0, sp, n);
		break;
	}
	if (n)
		memcpy(b + o + 20 + hl, pl, n);
	ip4(b + o, proto, src, dst, l4, 0x4000, 5);
	finish(&p, b, o + 20 + l4);
	return o + 20 + l4;
}

/* one packet at ms; it enters on the LAN when src is there, else on the
 * WAN.  True when the router forwards it. */
static bool
fwt_sendx(struct fwt *t, int64_t ms, uint8_t proto, uint32_t src, uint16_t sp,
    uint32_t dst, uint16_t dp, uint8_t flags, const void *pl, size_t n,
    bool mss)
{
	uint8_t b[2100];
	struct pkt p;
	struct eng_result res;
	size_t len = fwframe(b, proto, src, sp, dst, dp, flags, pl, n, mss);
	int in_if = (src >> 8) == (IP(10, 0, 0, 0) >> 8) ? t->lan : t->wan;

	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, b, len), PD_NONE);
	p.ts = ms * MS;
	return eng_forward(t->e, &p, in_if, ms * MS, &res) >= 0;
}

static size_t
slen(const char *s)
{
	return s ? strlen(s) : 0;
}

#define fwt_send(t, ms, proto, src, sp, dst, dp, flags, str) \
	fwt_sendx((t), (ms), (proto), (src), (sp), (dst), (dp), (flags), \
	    (str), slen(str), false)
#define UDP(t, ms, src, sp, dst, dp) \
	fwt_send((t), (ms), IPP_UDP, (src), (sp), (dst), (dp), 0, "q")

static uint64_t
rule_packets(struct fwt *t, const char *path, size_t i)
{
	struct sch_menu *m = sch_menu_of(sch_lookup(path));
	struct cfg_list *l = cfg_list(t->c, m);

	ck_assert_uint_lt(i, l->n);
	return l->items[i]->packets;
}

#define HOST_A	IP(10, 0, 0, 5)
#define HOST_B	IP(10, 0, 0, 6)
#define SRV1	IP(198, 51, 100, 1)
#define SRV2	IP(198, 51, 100, 2)

/*
 * limit 2/1s burst 3 (three spellings): the bucket starts with 3 tokens
 * and gains one every 0.5 s, up to 3; each packet takes one.
 */
static const struct { int ros; const char *val; } limit_forms[] = {
	{ 7, "2/1s,3:packet" }, { 6, "2/1s,3" }, { 7, "2,3" },
};

START_TEST(test_fw_limit)
{
	/* (ms, accepted) with the tokens left after each */
	static const struct { int64_t ms; bool ok; } seq[] = {
		{ 0, true },		/* 3 -> 2 */
		{ 100, true },		/* 2.2 -> 1.2 */
		{ 200, true },		/* 1.4 -> 0.4 */
		{ 300, false },		/* 0.6 */
		{ 500, true },		/* 1.0 -> 0 */
		{ 600, false },		/* 0.2 */
		{ 1000, true },		/* 1.0 -> 0 */
		{ 3000, true },		/* 4 capped at 3 -> 2 */
		{ 3000, true },		/* -> 1 */
		{ 3000, true },		/* -> 0 */
		{ 3000, false },
	};
	char rules[256];
	struct fwt t;
	size_t i, acc = 0;

	snprintf(rules, sizeof(rules), "/ip firewall filter\n"
	    "add chain=forward protocol=udp limit=%s action=accept\n"
	    "add chain=forward protocol=udp action=drop\n",
	    limit_forms[_i].val);
	fwt_open(&t, limit_forms[_i].ros, rules);
	for (i = 0; i < NELEM(seq); i++) {
		ck_assert_msg(UDP(&t, seq[i].ms, HOST_A, 5000, SRV1, 53) ==
		    seq[i].ok, "%s: packet %zu", limit_forms[_i].val, i);
		acc += seq[i].ok;
	}
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 0), acc);
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 1),
	    NELEM(seq) - acc);
	ck_assert_uint_eq(t.e->unsupported, 0);
	fwt_close(&t);
}
END_TEST

/* :bit: 8000 bit/s = 1000 bytes/s, burst 12000 bits = 1500 bytes */
START_TEST(test_fw_limit_bits)
{
	struct fwt t;
	static char big[972], small[72];	/* IP lengths 1000 and 100 */

	memset(big, 'b', sizeof(big));
	memset(small, 's', sizeof(small));
	fwt_open(&t, 7, "/ip firewall filter\n"
	    "add chain=forward protocol=udp limit=8000,12000:bit "
	    "action=accept\n"
	    "add chain=forward protocol=udp action=drop\n");
#define BIG(ms)	fwt_sendx(&t, (ms), IPP_UDP, HOST_A, 1, SRV1, 2, 0, big, \
	sizeof(big), false)
#define SMALL(ms) fwt_sendx(&t, (ms), IPP_UDP, HOST_A, 1, SRV1, 2, 0, small, \
	sizeof(small), false)
	ck_assert(BIG(0));		/* 1500 -> 500 */
	ck_assert(!BIG(0));		/* 500 < 1000 */
	ck_assert(BIG(500));		/* 1000 -> 0 */
	ck_assert(!BIG(600));		/* 100 */
	ck_assert(SMALL(600));		/* 100 -> 0 */
	ck_assert(!SMALL(650));		/* 50 */
#undef BIG
#undef SMALL
	fwt_close(&t);
}
END_TEST

/* dst-limit: one bucket per key of the mode; idle keys expire */
START_TEST(test_fw_dst_limit)
{
	struct fwt t;

	/* 1/s, burst 2, per source */
	fwt_open(&t, 7, "/ip firewall filter\n"
	    "add chain=forward protocol=udp action=accept "
	    "dst-limit=1/1s,2,src-address/5s\n"
	    "add chain=forward protocol=udp action=drop\n");
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV2, 53));
	ck_assert(!UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(UDP(&t, 0, HOST_B, 1, SRV1, 53));	/* its own bucket */
	ck_assert(UDP(&t, 1000, HOST_A, 1, SRV1, 53));	/* refilled one */
	ck_assert(!UDP(&t, 1000, HOST_A, 1, SRV1, 53));
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 1), 2);
	fwt_close(&t);

	/* expire: a key idle for 10s starts full again, though 1/1m would
	 * have refilled only a fifth of a token */
	fwt_open(&t, 7, "/ip firewall filter\n"
	    "add chain=forward protocol=udp action=accept "
	    "dst-limit=1/1m,1,dst-address/10s\n"
	    "add chain=forward protocol=udp action=drop\n");
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(!UDP(&t, 1000, HOST_B, 1, SRV1, 53));	/* same dst */
	ck_assert(UDP(&t, 1000, HOST_A, 1, SRV2, 53));
	ck_assert(!UDP(&t, 10999, HOST_A, 1, SRV1, 53));	/* seen at 1s */
	ck_assert(UDP(&t, 21000, HOST_A, 1, SRV1, 53));	/* idle 10.001s */
	fwt_close(&t);

	fwt_open(&t, 7, "/ip firewall filter\n"
	    "add chain=forward protocol=udp action=accept "
	    "dst-limit=1/1m,1,dst-address-and-port\n"
	    "add chain=forward protocol=udp action=drop\n");
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(!UDP(&t, 1, HOST_B, 2, SRV1, 53));
	ck_assert(UDP(&t, 2, HOST_A, 1, SRV1, 123));
	fwt_close(&t);

	fwt_open(&t, 7, "/ip firewall filter\n"
	    "add chain=forward protocol=udp action=accept "
	    "dst-limit=1/1m,1,addresses-and-dst-port\n"
	    "add chain=forward protocol=udp action=drop\n");
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(!UDP(&t, 1, HOST_A, 2, SRV1, 53));	/* sport is no key */
	ck_assert(UDP(&t, 2, HOST_B, 1, SRV1, 53));
	ck_assert(UDP(&t, 3, HOST_A, 1, SRV2, 53));
	ck_assert(UDP(&t, 4, HOST_A, 1, SRV1, 54));
	fwt_close(&t);

	fwt_open(&t, 6, "/ip firewall filter\n"
	    "add chain=forward protocol=udp action=accept "
	    "dst-limit=1/1m,1,src-and-dst-addresses/1m\n"
	    "add chain=forward protocol=udp action=drop\n");
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(!UDP(&t, 1, HOST_A, 1, SRV1, 54));	/* ports no key */
	ck_assert(UDP(&t, 2, HOST_A, 1, SRV2, 53));
	ck_assert(UDP(&t, 3, HOST_B, 1, SRV1, 53));
	ck_assert_uint_eq(t.e->unsupported, 0);
	fwt_close(&t);
}
END_TEST

#define SYN(t, ms, src, sp, dst, dp) \
	fwt_send((t), (ms), IPP_TCP, (src), (sp), (dst), (dp), TH_SYN, NULL)

/*
 * connection-limit=2,32: a host's third concurrent connection is refused,
 * another host's first is not; a retransmitted SYN is not a new
 * connection; a closed connection stops counting.
 */
START_TEST(test_fw_connection_limit)
{
	struct fwt t;

	fwt_open(&t, 7, "/ip firewall filter add chain=forward "
	    "protocol=tcp connection-state=new connection-limit=2,32 "
	    "action=drop\n");
	ck_assert(SYN(&t, 0, HOST_A, 1001, SRV1, 22));
	ck_assert(SYN(&t, 100, HOST_A, 1002, SRV1, 22));
	ck_assert(!SYN(&t, 200, HOST_A, 1003, SRV1, 22));	/* third */
	ck_assert(SYN(&t, 300, HOST_B, 2001, SRV1, 22));
	ck_assert(!SYN(&t, 400, HOST_A, 1004, SRV1, 22));
	/* the retransmission of 1001 is still the same (second) connection */
	ck_assert(SYN(&t, 500, HOST_A, 1001, SRV1, 22));
	/* 1001 is answered, then reset by the client: no longer counted */
	ck_assert(fwt_send(&t, 600, IPP_TCP, SRV1, 22, HOST_A, 1001,
	    TH_SYN | TH_ACK, NULL));
	ck_assert(fwt_send(&t, 700, IPP_TCP, HOST_A, 1001, SRV1, 22, TH_ACK,
	    NULL));
	ck_assert(fwt_send(&t, 800, IPP_TCP, HOST_A, 1001, SRV1, 22,
	    TH_RST | TH_ACK, NULL));
	ck_assert(SYN(&t, 900, HOST_A, 1005, SRV1, 22));
	ck_assert(!SYN(&t, 1000, HOST_A, 1006, SRV1, 22));
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 0), 3);
	fwt_close(&t);

	/* mask /24: the hosts of 10.0.0.0/24 share the count; a connection
	 * that timed out (syn-sent 5s) no longer counts */
	fwt_open(&t, 7, "/ip firewall filter add chain=forward "
	    "protocol=tcp connection-state=new connection-limit=1,24 "
	    "action=drop\n");
	ck_assert(SYN(&t, 0, HOST_A, 1001, SRV1, 22));
	ck_assert(!SYN(&t, 100, HOST_B, 2001, SRV1, 22));
	ck_assert(SYN(&t, 200, IP(203, 0, 113, 9), 3001, SRV1, 22));
	ck_assert(SYN(&t, 6000, HOST_B, 2002, SRV1, 22));
	fwt_close(&t);
}
END_TEST

/*
 * Matchers run in RouterOS's order, not as written: connection-limit
 * (written first) only counts what passed protocol and dst-port, so the
 * host's web connections do not use up its SSH allowance.
 */
START_TEST(test_fw_match_order)
{
	struct fwt t;

	fwt_open(&t, 7, "/ip firewall filter add chain=forward "
	    "connection-limit=1,32 dst-port=22 protocol=tcp action=drop\n");
	ck_assert(SYN(&t, 0, HOST_A, 1, SRV1, 80));
	ck_assert(SYN(&t, 1, HOST_A, 2, SRV1, 80));
	ck_assert(SYN(&t, 2, HOST_A, 3, SRV1, 22));
	ck_assert(!SYN(&t, 3, HOST_A, 4, SRV1, 22));
	fwt_close(&t);
}
END_TEST

START_TEST(test_fw_content)
{
	struct fwt t;

	fwt_open(&t, 7, "/ip firewall filter add chain=forward "
	    "content=\"GET /secret\" action=drop\n");
	ck_assert(!fwt_send(&t, 0, IPP_UDP, HOST_A, 1, SRV1, 80, 0,
	    "xxGET /secretyy"));
	ck_assert(!fwt_send(&t, 1, IPP_UDP, HOST_A, 1, SRV1, 80, 0,
	    "GET /secret"));
	ck_assert(fwt_send(&t, 2, IPP_UDP, HOST_A, 1, SRV1, 80, 0,
	    "GET /secre"));
	ck_assert(fwt_send(&t, 3, IPP_UDP, HOST_A, 1, SRV1, 80, 0,
	    "get /secret"));			/* case matters */
	ck_assert(fwt_send(&t, 4, IPP_UDP, HOST_A, 1, SRV1, 80, 0,
	    "GET /public"));
	ck_assert(SYN(&t, 5, HOST_A, 7, SRV1, 80));	/* no payload */
	ck_assert(!fwt_send(&t, 6, IPP_TCP, HOST_A, 7, SRV1, 80,
	    TH_ACK | TH_PSH, "GET /secret HTTP/1.1\r\n"));
	ck_assert(!fwt_send(&t, 7, IPP_ICMP, HOST_A, 9, SRV1, 0, 8,
	    "ping GET /secret"));
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 0), 4);
	fwt_close(&t);
}
END_TEST

/* a TCP handshake from src:sp to dst:dp at ms, ms+1, ms+2 */
static void
handshake(struct fwt *t, int64_t ms, uint32_t src, uint16_t sp, uint32_t dst,
    uint16_t dp)
{
	ck_assert(SYN(t, ms, src, sp, dst, dp));
	ck_assert(fwt_send(t, ms + 1, IPP_TCP, dst, dp, src, sp,
	    TH_SYN | TH_ACK, NULL));
	ck_assert(fwt_send(t, ms + 2, IPP_TCP, src, sp, dst, dp, TH_ACK,
	    NULL));
}

#define DATA(t, ms, src, sp, dst, dp, str) \
	fwt_send((t), (ms), IPP_TCP, (src), (sp), (dst), (dp), \
	    TH_ACK | TH_PSH, (str))

/*
 * layer7-protocol: the regexp runs over a connection's first 10 packets
 * / 2 KB (both directions, NULs left out, case ignored, \xHH escapes);
 * once found, every later packet of the connection matches.
 */
START_TEST(test_fw_layer7)
{
	struct fwt t;
	static char kb[1100];
	static const char bt[] = "\x13" "BitTorrent protocol";
	static const char nul[] = "post\0 /x HTTP/1.0";
	int i;

	memset(kb, 'a', sizeof(kb));
	fwt_open(&t, 7, "/ip firewall layer7-protocol\n"
	    "add name=http regexp=\"^(get|post|head) /[^ ]* http/1\\\\.[01]\"\n"
	    "add name=bt regexp=\"^\\\\x13bittorrent protocol\"\n"
	    "/ip firewall filter\n"
	    "add chain=forward layer7-protocol=http action=drop\n"
	    "add chain=forward layer7-protocol=bt action=drop\n"
	    "add chain=forward layer7-protocol=nosuch action=drop\n");
	/* the request split over two packets */
	handshake(&t, 0, HOST_A, 1001, SRV1, 80);
	ck_assert(DATA(&t, 10, HOST_A, 1001, SRV1, 80, "GE"));
	ck_assert(!DATA(&t, 11, HOST_A, 1001, SRV1, 80,
	    "T /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
	/* decided: the server's empty ACK matches too */
	ck_assert(!fwt_send(&t, 12, IPP_TCP, SRV1, 80, HOST_A, 1001, TH_ACK,
	    NULL));
	/* 10 packets without the pattern: the 11th is not looked at */
	handshake(&t, 100, HOST_A, 1002, SRV1, 80);
	for (i = 0; i < 7; i++)
		ck_assert(DATA(&t, 110 + i, i % 2 ? SRV1 : HOST_A,
		    i % 2 ? 80 : 1002, i % 2 ? HOST_A : SRV1, i % 2 ? 1002 : 80,
		    "hello"));
	ck_assert(DATA(&t, 120, HOST_A, 1002, SRV1, 80, "GET / HTTP/1.0"));
	/* 2 KB without it */
	handshake(&t, 200, HOST_A, 1003, SRV1, 80);
	ck_assert(fwt_sendx(&t, 210, IPP_TCP, HOST_A, 1003, SRV1, 80, TH_ACK,
	    kb, sizeof(kb), false));
	ck_assert(fwt_sendx(&t, 211, IPP_TCP, SRV1, 80, HOST_A, 1003, TH_ACK,
	    kb, sizeof(kb), false));
	ck_assert(DATA(&t, 212, HOST_A, 1003, SRV1, 80, "GET / HTTP/1.0"));
	/* \x13 and case */
	handshake(&t, 300, HOST_A, 1004, SRV1, 6881);
	ck_assert(!fwt_sendx(&t, 310, IPP_TCP, HOST_A, 1004, SRV1, 6881,
	    TH_ACK, bt, sizeof(bt) - 1, false));
	/* a NUL in the data is skipped; UDP has connections too */
	ck_assert(!fwt_sendx(&t, 400, IPP_UDP, HOST_A, 5000, SRV1, 80, 0,
	    nul, sizeof(nul) - 1, false));
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 0), 3);
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 1), 1);
	ck_assert_uint_eq(rule_packets(&t, "/ip/firewall/filter", 2), 0);
	ck_assert_uint_eq(t.e->unsupported, 0);
	fwt_close(&t);
}
END_TEST

/*
 * The simpler matchers: each rule "action=drop <matcher>" gets a packet
 * it must drop and one it must let through.
 */
enum { PK_UDP, PK_ICMP_ECHO, PK_ICMP_REPLY, PK_SYN_MSS, PK_SYN };

static const struct {
	const char *matcher;
	int	 hit, miss;
} simple_cases[] = {
	{ "ttl=equal:64", PK_UDP, -1 },
	{ "ttl=greater-than:63", PK_UDP, -1 },
	{ "ttl=less-than:64", -1, PK_UDP },
	{ "ttl=not-equal:64", -1, PK_UDP },
	/* quoted: the script layer reads a bare 8:0 as a time (8h) */
	{ "icmp-options=\"8:0\"", PK_ICMP_ECHO, PK_ICMP_REPLY },
	{ "icmp-options=0", PK_ICMP_REPLY, PK_ICMP_ECHO },
	{ "icmp-options=\"8:1-255\"", -1, PK_ICMP_ECHO },
	{ "dscp=4", PK_UDP, -1 },		/* frames carry TOS 0x10 */
	{ "dscp=5", -1, PK_UDP },
	{ "tcp-mss=1000-1460", PK_SYN_MSS, PK_SYN },
	{ "tcp-mss=1461-2000", -1, PK_SYN_MSS },
	{ "src-mac-address=02:00:00:00:00:0A", PK_UDP, -1 },
	{ "src-mac-address=02:00:00:00:00:0B", -1, PK_UDP },
	{ "connection-bytes=0-100", PK_UDP, -1 },	/* 29 bytes so far */
	{ "connection-bytes=30-0", -1, PK_UDP },
};

static bool
send_kind(struct fwt *t, int kind)
{
	switch (kind) {
	case PK_UDP:
		return UDP(t, 0, HOST_A, 1, SRV1, 53);
	case PK_ICMP_ECHO:
		return fwt_send(t, 0, IPP_ICMP, HOST_A, 7, SRV1, 0, 8, NULL);
	case PK_ICMP_REPLY:
		return fwt_send(t, 0, IPP_ICMP, HOST_A, 7, SRV1, 0, 0, NULL);
	case PK_SYN_MSS:
		return fwt_sendx(t, 0, IPP_TCP, HOST_A, 9, SRV1, 80, TH_SYN,
		    NULL, 0, true);
	default:
		return SYN(t, 0, HOST_A, 9, SRV1, 80);
	}
}

START_TEST(test_fw_simple_matchers)
{
	char rules[160];
	struct fwt t;

	snprintf(rules, sizeof(rules), "/ip firewall filter add "
	    "chain=forward action=drop %s\n", simple_cases[_i].matcher);
	if (simple_cases[_i].hit >= 0) {
		fwt_open(&t, 7, rules);
		ck_assert_msg(!send_kind(&t, simple_cases[_i].hit),
		    "%s: not dropped", simple_cases[_i].matcher);
		ck_assert_uint_eq(t.e->unsupported, 0);
		fwt_close(&t);
	}
	if (simple_cases[_i].miss >= 0) {
		fwt_open(&t, 7, rules);
		ck_assert_msg(send_kind(&t, simple_cases[_i].miss),
		    "%s: dropped", simple_cases[_i].matcher);
		ck_assert_uint_eq(t.e->unsupported, 0);
		fwt_close(&t);
	}
}
END_TEST

/* values the engine cannot read: counted, the rule never matches */
static const char *const bad_values[] = {
	"limit=\",\"", "limit=\"1/0s,1\"", "limit=\"1/xx,1\"",
	"limit=\"99999999999999999999,1\"", "limit=\"1,1:foo\"",
	"limit=\":bit\"", "limit=\"1,\"", "dst-limit=\"1,1,foo\"",
	"dst-limit=\"1,1\"", "dst-limit=\",,\"",
	"dst-limit=\"1/1s,2,src-address/\"",
	"dst-limit=\"1/1s,2,src-address/0s\"", "connection-limit=\",\"",
	"connection-limit=\"5,99\"", "connection-limit=\"5,\"",
	"connection-limit=\"-1,32\"", "ttl=\"equal:\"", "ttl=\"foo:1\"",
	"ttl=\"equal:999\"", "icmp-options=\":\"", "icmp-options=300",
	"tcp-mss=\"5-1\"", "connection-bytes=\"-\"",
	"connection-bytes=\"5-\"", "connection-bytes=\"10-5\"", "dscp=64",
};

START_TEST(test_fw_bad_values)
{
	char rules[160];
	struct fwt t;

	snprintf(rules, sizeof(rules), "/ip firewall filter add "
	    "chain=forward action=drop %s\n", bad_values[_i]);
	fwt_open(&t, 7, rules);
	ck_assert_msg(t.e->unsupported == 1, "%s", bad_values[_i]);
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(fwt_send(&t, 1, IPP_ICMP, HOST_A, 7, SRV1, 0, 8, NULL));
	fwt_close(&t);
}
END_TEST

/* regexps that do not compile (or oddly escaped ones) never match and
 * never crash; huge rates saturate instead of overflowing */
static const char *const odd_regexps[] = {
	"(", "\\\\x", "\\\\x0", "[", "[[:", "[[:alpha:", "\\\\",
	"[\\\\x00-\\\\x1f]x", "\\\\x5bq", "a{99999}",
};

START_TEST(test_fw_odd_values)
{
	char rules[256];
	struct fwt t;

	snprintf(rules, sizeof(rules), "/ip firewall layer7-protocol add "
	    "name=odd regexp=\"%s\"\n/ip firewall filter add chain=forward "
	    "action=drop layer7-protocol=odd\n", odd_regexps[_i]);
	fwt_open(&t, 7, rules);
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(fwt_send(&t, 1, IPP_UDP, HOST_A, 1, SRV1, 53, 0,
	    "x\x1fy[z\\"));
	fwt_close(&t);

	fwt_open(&t, 7, "/ip firewall filter add chain=forward action=drop "
	    "limit=4294967295/1w,4294967295:bit\n");
	ck_assert(!UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(!UDP(&t, INT64_C(1) << 40, HOST_A, 1, SRV1, 53));
	fwt_close(&t);
}
END_TEST

/*
 * A recompile for an unrelated change keeps a rule's state; changing the
 * rule's value starts afresh.  Unemulated matchers are counted and their
 * rule never matches.
 */
START_TEST(test_fw_state_kept)
{
	struct fwt t;

	fwt_open(&t, 7, "/ip firewall filter\n"
	    "add chain=forward protocol=udp limit=1/1m,2 action=accept\n"
	    "add chain=forward protocol=udp action=drop\n"
	    "add chain=forward protocol=tcp time=0s-1d,mon action=drop\n");
	ck_assert_uint_eq(t.e->unsupported, 1);
	ck_assert(SYN(&t, 0, HOST_A, 1, SRV1, 22));
	ck_assert(UDP(&t, 0, HOST_A, 1, SRV1, 53));
	ck_assert(UDP(&t, 1, HOST_A, 1, SRV1, 53));
	ck_assert(!UDP(&t, 2, HOST_A, 1, SRV1, 53));
	fwt_run(&t, "/ip address add address=10.9.9.1/24 interface=ether3\n");
	ck_assert(!UDP(&t, 3, HOST_A, 1, SRV1, 53));	/* still empty */
	fwt_run(&t, "/ip firewall filter set [find action=accept] "
	    "limit=1/1m,3\n");
	ck_assert(UDP(&t, 4, HOST_A, 1, SRV1, 53));	/* a new bucket */
	ck_assert_uint_eq(t.e->unsupported, 1);
	fwt_close(&t);
}
END_TEST

/*
 * Lab: SSH brute-force protection for a LAN server (10.0.0.10:22) in the
 * classic RouterOS 6 style, replayed from two captures built here (the
 * WAN side's clients, the LAN side's server answers) through --replay's
 * own path, then checked with print stats:
 *   0 accept established/related
 *   1 drop a host's third concurrent SSH connection (connection-limit)
 *   2 accept new SSH while the host's dst-limit bucket lasts (3, 1/min)
 *   3 list the others, 4 log them at most 1/10s (burst 2), 5 drop them.
 * A legitimate host connects at 0s and 20s; host A opens 8 sessions
 * 1s apart and keeps them; host B opens 6 sessions 1s apart, each reset
 * by the client once answered.  Expected, rule by rule:
 *   A: 1, 2 accepted (rule 2), 3-8 refused by rule 1 (two open);
 *   B: 1-3 accepted (burst 3 plus 1/60 per second: 3 -> 2.02 -> 1.03 ->
 *      0.05), 4-6 listed and dropped, logged while the log bucket lasts:
 *      2 at 13s, 1.1 at 14s, 0.2 at 15s, so 4 and 5;
 *   L: 1 accepted (bucket 3), 2 accepted at 20s (2 + 20/60).
 *   Rule 0: the SYN-ACK and ACK of the 7 accepted sessions and B's 3
 *   resets: 17.  Every packet is 40 bytes (IP + TCP, no options).
 */
struct lab_pkt {
	int64_t	 ms;
	bool	 lan;		/* from the server (its capture) */
	uint32_t src;
	uint16_t sp;
	uint8_t	 flags;
};

#define LAB_SRV		IP(10, 0, 0, 10)
#define LAB_L		IP(203, 0, 113, 10)
#define LAB_A		IP(203, 0, 113, 66)
#define LAB_B		IP(198, 51, 100, 7)

static size_t
lab_session(struct lab_pkt *v, size_t n, int64_t ms, uint32_t src,
    uint16_t sp, bool answered, bool reset)
{
	v[n++] = (struct lab_pkt){ ms, false, src, sp, TH_SYN };
	if (!answered)
		return n;
	v[n++] = (struct lab_pkt){ ms + 1, true, src, sp, TH_SYN | TH_ACK };
	v[n++] = (struct lab_pkt){ ms + 2, false, src, sp, TH_ACK };
	if (reset)
		v[n++] = (struct lab_pkt){ ms + 500, false, src, sp,
		    TH_RST | TH_ACK };
	return n;
}

static const char lab_ssh_rules[] =
    "/ip firewall filter\n"
    "add chain=forward action=accept connection-state=established,related\n"
    "add chain=forward action=drop protocol=tcp dst-port=22 "
    "connection-state=new connection-limit=2,32\n"
    "add chain=forward action=accept protocol=tcp dst-port=22 "
    "connection-state=new dst-limit=1/1m,3,src-address/1m\n"
    "add chain=forward action=add-src-to-address-list protocol=tcp "
    "dst-port=22 connection-state=new address-list=ssh_blacklist "
    "address-list-timeout=1d\n"
    "add chain=forward action=log log-prefix=ssh-drop protocol=tcp "
    "dst-port=22 limit=1/10s,2\n"
    "add chain=forward action=drop protocol=tcp dst-port=22\n";

START_TEST(test_fw_ssh_lab)
{
	static const struct { const char *action; unsigned long long n; }
	    want[] = {
		{ "accept", 17 }, { "drop", 6 }, { "accept", 7 },
		{ "add-src-to-address-list", 3 }, { "log", 2 }, { "drop", 3 },
	};
	struct lab_pkt v[64];
	struct io_pcap_out *w, *l;
	struct strbuf err = STRBUF_INIT;
	const char *files[2];
	struct emu_opts o;
	struct fwt t;
	FILE *out = tmpfile();
	char line[256];
	size_t n = 0, i, rows = 0;
	const int64_t t0 = 1700000000LL * 1000000000LL;
	bool listed = false;
	int k;

	ck_assert_ptr_nonnull(out);
	n = lab_session(v, n, 0, LAB_L, 40001, true, false);
	for (k = 0; k < 8; k++)
		n = lab_session(v, n, 1000 + 1000 * k, LAB_A,
		    (uint16_t)(50001 + k), k < 2, false);
	for (k = 0; k < 6; k++)
		n = lab_session(v, n, 10000 + 1000 * k, LAB_B,
		    (uint16_t)(60001 + k), k < 3, true);
	n = lab_session(v, n, 20000, LAB_L, 40002, true, false);
	w = io_pcap_create(tmp_path("wan.pcap"), &err);
	l = io_pcap_create(tmp_path("lan.pcap"), &err);
	ck_assert_msg(w && l, "%s", sb_str(&err));
	for (i = 0; i < n; i++) {
		uint8_t b[128];
		size_t len = v[i].lan ?
		    fwframe(b, IPP_TCP, LAB_SRV, 22, v[i].src, v[i].sp,
		    v[i].flags, NULL, 0, false) :
		    fwframe(b, IPP_TCP, v[i].src, v[i].sp, LAB_SRV, 22,
		    v[i].flags, NULL, 0, false);

		ck_assert_int_eq(io_pcap_write(v[i].lan ? l : w,
		    t0 + v[i].ms * MS, b, len, &err), 0);
	}
	ck_assert_int_eq(io_pcap_out_close(w, &err), 0);
	ck_assert_int_eq(io_pcap_out_close(l, &err), 0);

	sch_init(6);
	t.c = cfg_new(6);
	t.env = scr_env_new(t.c, 6, out);
	ck_assert_int_eq(scr_run_text(t.env, NULL, fw_base, strlen(fw_base)),
	    0);
	ck_assert_int_eq(scr_run_text(t.env, NULL, lab_ssh_rules,
	    strlen(lab_ssh_rules)), 0);
	memset(&o, 0, sizeof(o));
	files[0] = xstrdup(tmp_path("wan.pcap"));
	files[1] = xstrdup(tmp_path("lan.pcap"));
	snprintf(line, sizeof(line), "ether1=%s", files[0]);
	free((char *)files[0]);
	files[0] = xstrdup(line);
	snprintf(line, sizeof(line), "ether2=%s", files[1]);
	free((char *)files[1]);
	files[1] = xstrdup(line);
	o.replay = files;
	o.n_replay = 2;
	ck_assert_int_eq(emu_replay(t.env, &o), 0);
	ck_assert_int_eq(scr_run_text(t.env, NULL,
	    "/ip firewall filter print stats\n"
	    "/ip firewall address-list print\n", 64), 0);
	rewind(out);
	while (fgets(line, sizeof(line), out)) {
		char chain[64], action[64];
		unsigned long long bytes, packets;
		int idx;

		if (strstr(line, "ssh_blacklist") &&
		    strstr(line, "198.51.100.7"))
			listed = true;
		if (sscanf(line, "%d %63s %63s %llu %llu", &idx, chain, action,
		    &bytes, &packets) != 5 || idx < 0 ||
		    (size_t)idx >= NELEM(want))
			continue;
		ck_assert_str_eq(chain, "forward");
		ck_assert_str_eq(action, want[idx].action);
		ck_assert_msg(packets == want[idx].n, "rule %d: %llu packets",
		    idx, packets);
		ck_assert_uint_eq(bytes, 40 * want[idx].n);
		rows++;
	}
	ck_assert_uint_eq(rows, NELEM(want));
	ck_assert(listed);
	fclose(out);
	free((char *)files[0]);
	free((char *)files[1]);
	sb_fini(&err);
	scr_env_free(t.env);
	cfg_free(t.c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("engine");
	TCase *tc;
	SRunner *r;
	int nf;

	tc = tcase_create("pcc");
	tcase_add_loop_test(tc, test_jhash_vectors, 0, NELEM(jvec));
	tcase_add_test(tc, test_jhash_lookup3);
	tcase_add_test(tc, test_jhash_3words);
	tcase_add_loop_test(tc, test_pcc_parse, 0, NELEM(pcc_cases));
	tcase_add_test(tc, test_pcc_match);
	suite_add_tcase(s, tc);

	tc = tcase_create("decode");
	tcase_add_test(tc, test_decode_tcp_syn);
	tcase_add_test(tc, test_decode_known_checksum);
	tcase_add_test(tc, test_decode_udp_icmp);
	tcase_add_test(tc, test_decode_vlan);
	tcase_add_test(tc, test_decode_ip4_options_frags);
	tcase_add_test(tc, test_decode_ip6_ext);
	tcase_add_test(tc, test_decode_icmp_error);
	tcase_add_test(tc, test_decode_arp_nonip);
	tcase_add_loop_test(tc, test_decode_malformed, 0, NELEM(mal));
	tcase_add_test(tc, test_drop_names);
	tcase_add_loop_test(tc, test_decode_truncations, 0, 6);
	tcase_add_test(tc, test_decode_mutations);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("rewrite");
	tcase_add_test(tc, test_rewrite_nat4);
	tcase_add_test(tc, test_rewrite_v6_and_inner);
	suite_add_tcase(s, tc);

	tc = tcase_create("conntrack");
	tcase_add_test(tc, test_ct_tcp_handshake);
	tcase_add_test(tc, test_ct_tcp_edge);
	tcase_add_test(tc, test_ct_udp_stream);
	tcase_add_test(tc, test_ct_icmp_related);
	tcase_add_test(tc, test_ct_ip6_frags);
	tcase_add_test(tc, test_ct_max_entries);
	tcase_add_test(tc, test_ct_deterministic);
	tcase_add_test(tc, test_ct_many);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("pcap");
	tcase_add_checked_fixture(tc, tmp_setup, tmp_teardown);
	tcase_add_test(tc, test_pcap_roundtrip);
	tcase_add_test(tc, test_pcap_merge);
	tcase_add_test(tc, test_pcap_dir_and_linktypes);
	suite_add_tcase(s, tc);

	tc = tcase_create("fwmatch");
	tcase_add_checked_fixture(tc, tmp_setup, tmp_teardown);
	tcase_add_loop_test(tc, test_fw_limit, 0, NELEM(limit_forms));
	tcase_add_test(tc, test_fw_limit_bits);
	tcase_add_test(tc, test_fw_dst_limit);
	tcase_add_test(tc, test_fw_connection_limit);
	tcase_add_test(tc, test_fw_match_order);
	tcase_add_test(tc, test_fw_content);
	tcase_add_test(tc, test_fw_layer7);
	tcase_add_loop_test(tc, test_fw_simple_matchers, 0,
	    NELEM(simple_cases));
	tcase_add_test(tc, test_fw_state_kept);
	tcase_add_loop_test(tc, test_fw_bad_values, 0, NELEM(bad_values));
	tcase_add_loop_test(tc, test_fw_odd_values, 0, NELEM(odd_regexps));
	tcase_add_test(tc, test_fw_ssh_lab);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	nf = srunner_ntests_failed(r);
	srunner_free(r);
	return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
