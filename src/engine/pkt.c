/*
 * DOC: pkt - decode a frame once into struct pkt; write changes back.
 *
 * pkt_decode() walks Ethernet II, any number of 802.1Q/802.1ad tags, then
 * ARP, IPv4 (options skipped, fragments noted) or IPv6 (hop-by-hop,
 * routing, fragment, destination-options and AH headers skipped), then the
 * TCP/UDP/UDP-Lite/SCTP/DCCP ports or the ICMP/ICMPv6 header, and for ICMP
 * errors the quoted packet's header.  Invariant: every read is preceded by
 * a check against the end of the frame (or the end of the IP packet, which
 * is never past it), all reads are byte loads, so any input is safe; a
 * malformed frame returns the first reason found (enum pkt_drop).
 *
 * pkt_rewrite() is the way back: NAT and mangle change fields of struct
 * pkt, and it stores them into the frame with incremental checksum
 * updates (RFC 1624 eqn. 3), so captured packets keep their checksum
 * state.  pkt_fix_checksums() recomputes them for generated frames.
 * Callers: the engine (engine.c) per packet, the replay and generator.
 */
#include <string.h>

#include "engine.h"

const char *const pkt_drop_names[PD_N] = {
	[PD_NONE] = "none",
	[PD_TRUNC_ETH] = "truncated-ethernet",
	[PD_TRUNC_VLAN] = "truncated-vlan",
	[PD_NON_IP] = "non-ip",
	[PD_TRUNC_IP] = "truncated-ip",
	[PD_BAD_IP_VERSION] = "bad-ip-version",
	[PD_BAD_IHL] = "bad-ip-header-length",
	[PD_BAD_IP_LEN] = "bad-ip-length",
	[PD_TRUNC_L4] = "truncated-transport",
	[PD_BAD_TCP_OFF] = "bad-tcp-offset",
	[PD_TRUNC_ARP] = "truncated-arp",
	[PD_BAD_IP6_EXT] = "bad-ipv6-ext-header",
	[PD_BAD_UDP_LEN] = "bad-udp-length",
	[PD_BAD_FRAG] = "bad-fragment",
	[PD_TTL_EXCEEDED] = "ttl-exceeded",
	[PD_CT_FULL] = "conntrack-full",
	[PD_NO_ROUTE] = "no-route",
	[PD_FILTERED] = "filtered",
};

enum {
	ETH_HLEN = 14,
	ET_IP4 = 0x0800, ET_ARP = 0x0806, ET_IP6 = 0x86dd,
	ET_8021Q = 0x8100, ET_8021AD = 0x88a8, ET_QINQ_OLD = 0x9100,
	IP6_HLEN = 40,
};

static uint16_t
rd16(const uint8_t *b)
{
	return (uint16_t)((unsigned)b[0] << 8 | b[1]);
}

static uint32_t
rd32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

static void
wr16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static bool
has_ports(uint8_t proto)
{
	return proto == IPP_TCP || proto == IPP_UDP || proto == IPP_UDPLITE ||
	    proto == IPP_SCTP || proto == IPP_DCCP;
}

/* ICMP queries carry an identifier (RFC 792/950; RFC 4443, RFC 4620) */
static bool
icmp_is_query(bool v6, uint8_t type)
{
	if (v6)
		return type == 128 || type == 129 || type == 139 ||
		    type == 140;
	return type == 0 || type == 8 || (type >= 13 && type <= 18);
}

static bool
icmp_is_error(bool v6, uint8_t type)
{
	if (v6)
		return type >= 1 && type <= 4;
	return type == 3 || type == 4 || type == 5 || type == 11 ||
	    type == 12;
}

/*
 * Skips IPv6 extension headers in b[*pos..end).  *nh is the Next Header
 * value of the header before *pos.  On return *nh is the upper-layer
 * protocol and *pos its offset.  A fragment header with a non-zero offset
 * stops the walk (what follows is not a header).  The walk ends because
 * every step advances at least 8 bytes.
 */
static enum pkt_drop
ip6_skip_ext(const uint8_t *b, uint32_t *pos, uint32_t end, uint8_t *nh,
    struct pkt *fragp)
{
	bool first = true;

	for (;;) {
		uint32_t hl;
		uint16_t fo;

		switch (*nh) {
		case 0:		/* hop-by-hop: only right after the header */
			if (!first)
				return PD_BAD_IP6_EXT;
			/* FALLTHROUGH */
		case 43:	/* routing */
		case 60:	/* destination options */
			if (end - *pos < 8)
				return PD_BAD_IP6_EXT;
			hl = ((uint32_t)b[*pos + 1] + 1) * 8;
			break;
		case 51:	/* AH: length in 4-byte units minus 2 */
			if (end - *pos < 8)
				return PD_BAD_IP6_EXT;
			hl = ((uint32_t)b[*pos + 1] + 2) * 4;
			break;
		case 44:	/* fragment */
			if (end - *pos < 8)
				return PD_BAD_IP6_EXT;
			fo = rd16(b + *pos + 2);
			if ((fo & 0xfff8) != 0 || (fo & 1) != 0) {
				/* RFC 6946: offset 0 without M is atomic,
				 * not a fragment */
				if (fragp == NULL || fragp->frag)
					return PD_BAD_IP6_EXT;
				fragp->frag = true;
				fragp->frag_off = fo & 0xfff8;
				fragp->frag_first = fragp->frag_off == 0;
				fragp->frag_id = rd32(b + *pos + 4);
			}
			*nh = b[*pos];
			*pos += 8;
			first = false;
			if (fragp != NULL && fragp->frag) {
				if ((uint32_t)fragp->frag_off + (end - *pos) >
				    0xffff)
					return PD_BAD_FRAG;
				if (!fragp->frag_first)
					return PD_NONE;
			}
			continue;
		default:
			return PD_NONE;
		}
		if (hl > end - *pos)
			return PD_BAD_IP6_EXT;
		*nh = b[*pos];
		*pos += hl;
		first = false;
	}
}

/*
 * The packet quoted by an ICMP error, b[pos..end).  Fills in_* and sets
 * has_inner when the IP header and 8 bytes of L4 are there (what Linux
 * conntrack needs to find the related connection); otherwise leaves
 * has_inner false.  Never a drop reason: routers may quote less.
 */
static void
decode_inner(struct pkt *p, const uint8_t *b, uint32_t pos, uint32_t end)
{
	uint32_t l4;
	uint8_t proto;
	bool v6 = p->family == PF_IP6;

	if (!v6) {
		uint32_t ihl;

		if (end - pos < 20 || (b[pos] >> 4) != 4)
			return;
		ihl = (uint32_t)(b[pos] & 15) * 4;
		if (ihl < 20 || ihl > end - pos)
			return;
		if ((rd16(b + pos + 6) & 0x1fff) != 0)
			return;		/* a non-first fragment: no L4 */
		proto = b[pos + 9];
		p->in_src4 = rd32(b + pos + 12);
		p->in_dst4 = rd32(b + pos + 16);
		l4 = pos + ihl;
	} else {
		struct pkt frag;

		if (end - pos < IP6_HLEN || (b[pos] >> 4) != 6)
			return;
		memset(&frag, 0, sizeof(frag));
		proto = b[pos + 6];
		memcpy(p->in_src6, b + pos + 8, 16);
		memcpy(p->in_dst6, b + pos + 24, 16);
		l4 = pos + IP6_HLEN;
		if (ip6_skip_ext(b, &l4, end, &proto, &frag) != PD_NONE ||
		    (frag.frag && !frag.frag_first))
			return;
	}
	if (end - l4 < 8)
		return;
	p->in_proto = proto;
	p->in_l3off = pos;
	p->in_l4off = l4;
	if (has_ports(proto)) {
		p->in_sport = rd16(b + l4);
		p->in_dport = rd16(b + l4 + 2);
	} else if ((proto == IPP_ICMP && !v6) || (proto == IPP_ICMP6 && v6)) {
		if (icmp_is_query(v6, b[l4]))
			p->in_sport = p->in_dport = rd16(b + l4 + 4);
	}
	p->has_inner = true;
}

/* the L4 header at p->l4off, inside the IP packet ending at end */
static enum pkt_drop
decode_l4(struct pkt *p, const uint8_t *b, uint32_t end)
{
	uint32_t off = p->l4off, avail = end - off;
	bool v6 = p->family == PF_IP6;
	uint32_t hl;

	switch (p->proto) {
	case IPP_TCP:
		if (avail < 20)
			return PD_TRUNC_L4;
		hl = (uint32_t)(b[off + 12] >> 4) * 4;
		if (hl < 20 || hl > avail)
			return PD_BAD_TCP_OFF;
		p->sport = rd16(b + off);
		p->dport = rd16(b + off + 2);
		p->tcp_seq = rd32(b + off + 4);
		p->tcp_ack = rd32(b + off + 8);
		p->tcp_flags = b[off + 13];
		p->tcp_win = rd16(b + off + 14);
		p->payload_len = (uint16_t)(avail - hl);
		break;
	case IPP_UDP:
	case IPP_UDPLITE:
		if (avail < 8)
			return PD_TRUNC_L4;
		p->sport = rd16(b + off);
		p->dport = rd16(b + off + 2);
		hl = rd16(b + off + 4);
		/* UDP-Lite's field is the checksum coverage; a first
		 * fragment's UDP length covers the whole datagram */
		if (p->proto == IPP_UDP && !p->frag) {
			if (hl < 8 || hl > avail)
				return PD_BAD_UDP_LEN;
			p->payload_len = (uint16_t)(hl - 8);
		} else
			p->payload_len = (uint16_t)(avail - 8);
		break;
	case IPP_SCTP:
	case IPP_DCCP:
		/* common header (SCTP) / generic header (DCCP): 12 bytes */
		if (avail < 12)
			return PD_TRUNC_L4;
		p->sport = rd16(b + off);
		p->dport = rd16(b + off + 2);
		p->payload_len = (uint16_t)(avail - 12);
		break;
	case IPP_ICMP:
	case IPP_ICMP6:
		if ((p->proto == IPP_ICMP) == v6)
			return PD_NONE;	/* ICMP in IPv6 or v.v.: opaque */
		if (avail < 8)
			return PD_TRUNC_L4;
		p->icmp_type = b[off];
		p->icmp_code = b[off + 1];
		if (icmp_is_query(v6, p->icmp_type))
			p->sport = p->dport = rd16(b + off + 4);
		else if (icmp_is_error(v6, p->icmp_type) && !p->frag)
			decode_inner(p, b, off + 8, end);
		p->payload_len = (uint16_t)(avail - 8);
		break;
	default:
		return PD_NONE;
	}
	p->has_l4 = true;
	return PD_NONE;
}

static enum pkt_drop
decode_ip4(struct pkt *p, const uint8_t *b, size_t len)
{
	uint32_t off = p->l3off, ihl, tot;
	uint16_t ff;

	if (len - off < 20)
		return PD_TRUNC_IP;
	if ((b[off] >> 4) != 4)
		return PD_BAD_IP_VERSION;
	p->family = PF_IP4;
	ihl = (uint32_t)(b[off] & 15) * 4;
	if (ihl < 20 || ihl > len - off)
		return PD_BAD_IHL;
	tot = rd16(b + off + 2);
	if (tot < ihl || tot > len - off)
		return PD_BAD_IP_LEN;
	p->dscp = b[off + 1] >> 2;
	p->ttl = b[off + 8];
	p->proto = b[off + 9];
	p->src4 = rd32(b + off + 12);
	p->dst4 = rd32(b + off + 16);
	p->ip_len = tot;
	p->l4off = off + ihl;
	p->frag_id = rd16(b + off + 4);
	ff = rd16(b + off + 6);
	p->frag_off = (uint16_t)((ff & 0x1fff) * 8);
	if ((ff & 0x2000) != 0 || p->frag_off != 0) {
		p->frag = true;
		p->frag_first = p->frag_off == 0;
		/* Linux ip_frag_queue(): the datagram may not pass 64k */
		if ((uint32_t)p->frag_off + (tot - ihl) > 0xffff)
			return PD_BAD_FRAG;
		if (!p->frag_first)
			return PD_NONE;
	}
	return decode_l4(p, b, off + tot);
}

static enum pkt_drop
decode_ip6(struct pkt *p, const uint8_t *b, size_t len)
{
	uint32_t off = p->l3off, plen, pos;
	uint8_t nh;
	enum pkt_drop r;

	if (len - off < IP6_HLEN)
		return PD_TRUNC_IP;
	if ((b[off] >> 4) != 6)
		return PD_BAD_IP_VERSION;
	p->family = PF_IP6;
	plen = rd16(b + off + 4);
	if (plen > len - off - IP6_HLEN)
		return PD_BAD_IP_LEN;
	p->dscp = (uint8_t)(((b[off] & 15) << 4 | b[off + 1] >> 4) >> 2);
	p->ttl = b[off + 7];
	memcpy(p->src6, b + off + 8, 16);
	memcpy(p->dst6, b + off + 24, 16);
	p->ip_len = IP6_HLEN + plen;
	nh = b[off + 6];
	pos = off + IP6_HLEN;
	r = ip6_skip_ext(b, &pos, off + p->ip_len, &nh, p);
	p->proto = nh;
	p->l4off = pos;
	if (r != PD_NONE || (p->frag && !p->frag_first))
		return r;
	return decode_l4(p, b, off + p->ip_len);
}

enum pkt_drop
pkt_decode(struct pkt *p, uint8_t *buf, size_t len)
{
	int64_t ts = p->ts;
	int in_if = p->in_if, out_if = p->out_if;
	uint32_t off;
	uint16_t et;

	memset(p, 0, sizeof(*p));
	p->ts = ts;
	p->in_if = in_if;
	p->out_if = out_if;
	p->buf = buf;
	p->len = len;
	if (len < ETH_HLEN)
		return PD_TRUNC_ETH;
	/* offsets are 32-bit: a frame never gets near 4 GB, but be sure */
	if (len > UINT32_MAX / 2)
		return PD_BAD_IP_LEN;
	memcpy(p->dmac, buf, 6);
	memcpy(p->smac, buf + 6, 6);
	et = rd16(buf + 12);
	off = ETH_HLEN;
	while (et == ET_8021Q || et == ET_8021AD || et == ET_QINQ_OLD) {
		uint16_t vid;

		if (len - off < 4)
			return PD_TRUNC_VLAN;
		vid = rd16(buf + off) & 0x0fff;
		if (p->n_vlan == 0)
			p->vlan = vid;
		else if (p->n_vlan == 1)
			p->vlan_inner = vid;
		if (p->n_vlan < UINT8_MAX)
			p->n_vlan++;
		et = rd16(buf + off + 2);
		off += 4;
	}
	p->ethertype = et;
	p->l3off = off;
	switch (et) {
	case ET_IP4:
		return decode_ip4(p, buf, len);
	case ET_IP6:
		return decode_ip6(p, buf, len);
	case ET_ARP:
		if (len - off < 8)
			return PD_TRUNC_ARP;
		/* only Ethernet/IPv4 ARP is routed; the rest is just L2 */
		if (rd16(buf + off) != 1 || rd16(buf + off + 2) != ET_IP4 ||
		    buf[off + 4] != 6 || buf[off + 5] != 4)
			return PD_NON_IP;
		if (len - off < 28)
			return PD_TRUNC_ARP;
		p->family = PF_ARP;
		p->arp_op = rd16(buf + off + 6);
		memcpy(p->arp_sha, buf + off + 8, 6);
		p->src4 = rd32(buf + off + 14);
		memcpy(p->arp_tha, buf + off + 18, 6);
		p->dst4 = rd32(buf + off + 24);
		return PD_NONE;
	default:
		return PD_NON_IP;
	}
}

/* ---- writing back ---- */

/* a checksum to keep in step with the words rewrite_word() changes */
struct csum_ref {
	uint32_t off;
	bool	 udp4;		/* IPv4 UDP: 0 means "none", never produce 0 */
};

static uint16_t
csum_adjust(uint16_t hc, uint16_t old, uint16_t new)
{
	/* RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m') */
	uint32_t s = (uint32_t)(0xffff ^ hc) + (0xffff ^ old) + new;

	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (uint16_t)(0xffff ^ s);
}

static void
csum_patch(uint8_t *b, const struct csum_ref *c, uint16_t old, uint16_t new)
{
	uint16_t hc = rd16(b + c->off);

	if (c->udp4 && hc == 0)
		return;
	hc = csum_adjust(hc, old, new);
	if (c->udp4 && hc == 0)
		hc = 0xffff;
	wr16(b + c->off, hc);
}

/* stores v at b+off and patches the checksums cs[0..n) (off: any
 * alignment, the word's position in the summed data is even) */
static void
rewrite_word(uint8_t *b, uint32_t off, uint16_t v, const struct csum_ref *cs,
    int n)
{
	uint16_t old = rd16(b + off);
	int i;

	if (old == v)
		return;
	wr16(b + off, v);
	for (i = 0; i < n; i++)
		csum_patch(b, &cs[i], old, v);
}

static void
rewrite_addr4(uint8_t *b, uint32_t off, uint32_t a, const struct csum_ref *cs,
    int n)
{
	rewrite_word(b, off, (uint16_t)(a >> 16), cs, n);
	rewrite_word(b, off + 2, (uint16_t)a, cs, n);
}

static void
rewrite_addr6(uint8_t *b, uint32_t off, const uint8_t *a,
    const struct csum_ref *cs, int n)
{
	int i;

	for (i = 0; i < 16; i += 2)
		rewrite_word(b, off + (uint32_t)i, rd16(a + i), cs, n);
}

/*
 * Where the L4 checksum of a packet with protocol proto at l4 lies, if it
 * is inside [.., end).  Returns false for none (or not captured).
 */
static bool
l4_csum_ref(uint8_t proto, bool v6, uint32_t l4, uint32_t end,
    struct csum_ref *c)
{
	c->udp4 = false;
	switch (proto) {
	case IPP_TCP:
		c->off = l4 + 16;
		break;
	case IPP_UDP:
		c->off = l4 + 6;
		c->udp4 = !v6;
		break;
	case IPP_UDPLITE:
		c->off = l4 + 6;
		break;
	case IPP_ICMP:
		if (v6)
			return false;
		c->off = l4 + 2;
		break;
	case IPP_ICMP6:
		if (!v6)
			return false;
		c->off = l4 + 2;
		break;
	default:
		return false;	/* SCTP uses CRC32c over no pseudo header */
	}
	return c->off + 2 <= end;
}

/* whether proto's checksum covers the IP addresses (pseudo header) */
static bool
pseudo_hdr(uint8_t proto, bool v6)
{
	return proto == IPP_TCP || proto == IPP_UDP || proto == IPP_UDPLITE ||
	    (v6 && proto == IPP_ICMP6);
}

/*
 * The ICMP error's quoted packet (in_*), inside the ICMP message whose
 * checksum is at icmp_cs.  Every word changed inside the message changes
 * the ICMP checksum, including the quoted header's own checksums, so
 * those are folded in at the end (checksum updates commute).
 */
static void
rewrite_inner(struct pkt *p, const struct csum_ref *icmp_cs)
{
	uint8_t *b = p->buf;
	bool v6 = p->family == PF_IP6;
	uint32_t end = p->l3off + p->ip_len, l3 = p->in_l3off, l4 = p->in_l4off;
	struct csum_ref cs[3], pc[2], l4c, ipc = { l3 + 10, false };
	uint16_t old_l4c = 0, old_ipc = 0;
	bool has_l4c;
	int n = 0, np = 0;

	has_l4c = l4_csum_ref(p->in_proto, v6, l4, end, &l4c);
	if (has_l4c)
		old_l4c = rd16(b + l4c.off);
	/* addresses: the ICMP message, the quoted IPv4 header checksum,
	 * the quoted L4 checksum if it has a pseudo header */
	cs[n++] = *icmp_cs;
	if (!v6) {
		old_ipc = rd16(b + ipc.off);
		cs[n++] = ipc;
	}
	if (has_l4c && pseudo_hdr(p->in_proto, v6))
		cs[n++] = l4c;
	if (!v6) {
		rewrite_addr4(b, l3 + 12, p->in_src4, cs, n);
		rewrite_addr4(b, l3 + 16, p->in_dst4, cs, n);
	} else {
		rewrite_addr6(b, l3 + 8, p->in_src6, cs, n);
		rewrite_addr6(b, l3 + 24, p->in_dst6, cs, n);
	}
	/* ports / query id: the ICMP message and the quoted L4 checksum */
	pc[np++] = *icmp_cs;
	if (has_l4c)
		pc[np++] = l4c;
	if (has_ports(p->in_proto)) {
		rewrite_word(b, l4, p->in_sport, pc, np);
		rewrite_word(b, l4 + 2, p->in_dport, pc, np);
	} else if (((p->in_proto == IPP_ICMP && !v6) ||
	    (p->in_proto == IPP_ICMP6 && v6)) && icmp_is_query(v6, b[l4])) {
		uint16_t id = rd16(b + l4 + 4);

		rewrite_word(b, l4 + 4, p->in_sport != id ? p->in_sport :
		    p->in_dport, pc, np);
	}
	if (!v6)
		csum_patch(b, icmp_cs, old_ipc, rd16(b + ipc.off));
	if (has_l4c)
		csum_patch(b, icmp_cs, old_l4c, rd16(b + l4c.off));
}

void
pkt_rewrite(struct pkt *p)
{
	uint8_t *b = p->buf;
	uint32_t l3 = p->l3off, l4 = p->l4off, end;
	struct csum_ref cs[2];
	bool v6, l4cs;
	int n;

	memcpy(b, p->dmac, 6);
	memcpy(b + 6, p->smac, 6);
	if (p->family != PF_IP4 && p->family != PF_IP6)
		return;
	v6 = p->family == PF_IP6;
	end = l3 + p->ip_len;
	l4cs = p->has_l4 && l4_csum_ref(p->proto, v6, l4, end, &cs[1]);
	if (!v6) {
		cs[0].off = l3 + 10;
		cs[0].udp4 = false;
		rewrite_word(b, l3, (uint16_t)(b[l3] << 8 |
		    (p->dscp << 2 | (b[l3 + 1] & 3))), cs, 1);
		rewrite_word(b, l3 + 8, (uint16_t)(p->ttl << 8 | b[l3 + 9]),
		    cs, 1);
		n = l4cs && pseudo_hdr(p->proto, false) ? 2 : 1;
		rewrite_addr4(b, l3 + 12, p->src4, cs, n);
		rewrite_addr4(b, l3 + 16, p->dst4, cs, n);
	} else {
		/* no header checksum; traffic class spans bytes 0-1 */
		uint8_t tc = (uint8_t)(p->dscp << 2 |
		    (((b[l3] & 15) << 4 | b[l3 + 1] >> 4) & 3));

		b[l3] = (uint8_t)((b[l3] & 0xf0) | tc >> 4);
		b[l3 + 1] = (uint8_t)((b[l3 + 1] & 0x0f) | (tc & 15) << 4);
		b[l3 + 7] = p->ttl;
		n = l4cs && pseudo_hdr(p->proto, true) ? 1 : 0;
		rewrite_addr6(b, l3 + 8, p->src6, cs + 1, n);
		rewrite_addr6(b, l3 + 24, p->dst6, cs + 1, n);
	}
	if (!p->has_l4)
		return;
	n = l4cs ? 1 : 0;
	if (has_ports(p->proto)) {
		rewrite_word(b, l4, p->sport, cs + 1, n);
		rewrite_word(b, l4 + 2, p->dport, cs + 1, n);
	} else if (p->proto == IPP_ICMP || p->proto == IPP_ICMP6) {
		if (icmp_is_query(v6, p->icmp_type)) {
			uint16_t id = rd16(b + l4 + 4);

			rewrite_word(b, l4 + 4, p->sport != id ? p->sport :
			    p->dport, cs + 1, n);
		} else if (p->has_inner && l4cs)
			rewrite_inner(p, &cs[1]);
	}
}

uint32_t
pkt_csum_add(uint32_t sum, const uint8_t *b, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += rd16(b + i);
	if (len & 1)
		sum += (uint32_t)b[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

static uint16_t
csum_final(uint32_t sum)
{
	return (uint16_t)(0xffff ^ sum);
}

void
pkt_fix_checksums(struct pkt *p)
{
	uint8_t *b = p->buf, ph[40];
	uint32_t l3 = p->l3off, l4 = p->l4off, end, sum = 0, l4len;
	struct csum_ref c;
	bool v6;

	if (p->family != PF_IP4 && p->family != PF_IP6)
		return;
	v6 = p->family == PF_IP6;
	end = l3 + p->ip_len;
	if (!v6) {
		wr16(b + l3 + 10, 0);
		wr16(b + l3 + 10, csum_final(pkt_csum_add(0, b + l3,
		    l4 - l3)));
	}
	if (p->frag || !p->has_l4 || !l4_csum_ref(p->proto, v6, l4, end, &c))
		return;
	l4len = end - l4;
	if (pseudo_hdr(p->proto, v6)) {
		if (!v6) {
			memcpy(ph, b + l3 + 12, 8);
			ph[8] = 0;
			ph[9] = p->proto;
			wr16(ph + 10, (uint16_t)l4len);
			sum = pkt_csum_add(0, ph, 12);
		} else {
			memcpy(ph, b + l3 + 8, 32);
			ph[32] = (uint8_t)(l4len >> 24);
			ph[33] = (uint8_t)(l4len >> 16);
			ph[34] = (uint8_t)(l4len >> 8);
			ph[35] = (uint8_t)l4len;
			ph[36] = ph[37] = ph[38] = 0;
			ph[39] = p->proto;
			sum = pkt_csum_add(0, ph, 40);
		}
	}
	wr16(b + c.off, 0);
	/* UDP-Lite: the checksum covers only the first "coverage" bytes
	 * (0: everything, RFC 3828) */
	if (p->proto == IPP_UDPLITE) {
		uint32_t cov = rd16(b + l4 + 4);

		if (cov != 0 && cov >= 8 && cov < l4len)
			l4len = cov;
	}
	sum = csum_final(pkt_csum_add(sum, b + l4, l4len));
	if (sum == 0 && (p->proto == IPP_UDP || p->proto == IPP_UDPLITE))
		sum = 0xffff;
	wr16(b + c.off, (uint16_t)sum);
}
