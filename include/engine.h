/*
 * engine.h - the packet engine's packet view, PCC hash and connection
 * tracking (DESIGN.md "src/engine/"; reference routeros-engine.md).
 *
 * Layering: pkt.c decodes a frame once into struct pkt (length-checked;
 * malformed frames get a drop reason and are counted, never crash);
 * pcc.c is the per-connection-classifier hash; conntrack.c keeps
 * connections keyed by their original-direction tuple; the chains,
 * routing and NAT (rules.c, route.c, nat.c) work on struct pkt and
 * struct ct_conn.  Time is virtual: every call that can expire something
 * takes "now" in nanoseconds since the start of the run.
 */
#ifndef ROSEMU_ENGINE_H
#define ROSEMU_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- decoded packet ---- */

enum pkt_drop {
	PD_NONE = 0,
	PD_TRUNC_ETH,		/* shorter than an Ethernet header */
	PD_TRUNC_VLAN,
	PD_NON_IP,		/* not IPv4/IPv6/ARP: passed through, not routed */
	PD_TRUNC_IP,		/* shorter than the IP header */
	PD_BAD_IP_VERSION,
	PD_BAD_IHL,		/* IPv4 header length < 20 or past the frame */
	PD_BAD_IP_LEN,		/* total length < header or past the frame */
	PD_TRUNC_L4,		/* TCP/UDP/ICMP header cut off (first fragment) */
	PD_BAD_TCP_OFF,		/* TCP data offset < 5 or past the packet */
	PD_TRUNC_ARP,		/* ARP (Ethernet/IPv4) shorter than 28 bytes */
	PD_BAD_IP6_EXT,		/* IPv6 extension header cut off/misplaced */
	PD_BAD_UDP_LEN,		/* UDP length < 8 or past the packet */
	PD_BAD_FRAG,		/* fragment offset + length past 65535 */
	PD_TTL_EXCEEDED,
	PD_CT_FULL,		/* conntrack max-entries reached */
	PD_NO_ROUTE,
	PD_FILTERED,		/* dropped by a firewall rule */
	PD_N
};
extern const char *const pkt_drop_names[PD_N];	/* "truncated-ip", ... */

enum { PF_ARP = 1, PF_IP4 = 4, PF_IP6 = 6 };

struct pkt {
	/* the frame; NAT rewrites it in place (buf is owned by the caller) */
	uint8_t	*buf;
	size_t	 len;
	int64_t	 ts;		/* virtual time, ns */
	int	 in_if;		/* interface index, -1: locally generated */
	int	 out_if;

	/* layer 2 */
	uint8_t	 dmac[6], smac[6];
	uint16_t ethertype;	/* after VLAN tags */
	uint16_t vlan;		/* outer VLAN id; 0: untagged */
	uint16_t vlan_inner;	/* 802.1ad: the inner (C-tag) id, else 0 */
	uint8_t	 n_vlan;	/* tags seen (saturates at 255) */
	uint32_t l3off;

	/* ARP (family PF_ARP): src4/dst4 are sender/target IPv4 */
	uint16_t arp_op;	/* 1 request, 2 reply */
	uint8_t	 arp_sha[6], arp_tha[6];

	/* layer 3 */
	uint8_t	 family;	/* PF_IP4, PF_IP6, PF_ARP, 0 */
	uint8_t	 proto;		/* IP protocol number (after IPv6 ext headers) */
	uint8_t	 ttl;
	uint8_t	 dscp;
	uint8_t	 src6[16], dst6[16];	/* IPv6 addresses */
	uint32_t src4, dst4;	/* IPv4, host byte order */
	uint32_t ip_len;	/* IP total length (v4) / header+payload (v6) */
	uint32_t l4off;		/* past IPv4 options / IPv6 ext headers */
	bool	 frag;		/* a fragment (atomic IPv6 fragments are not) */
	bool	 frag_first;	/* offset 0 (carries the L4 header) */
	uint16_t frag_off;	/* fragment offset in bytes */
	uint32_t frag_id;	/* IPv4 id / IPv6 fragment header id */

	/* layer 4 (when present: !frag || frag_first) */
	bool	 has_l4;
	uint16_t sport, dport;	/* host byte order; ICMP: id as both */
	uint8_t	 tcp_flags;	/* FIN 1 SYN 2 RST 4 PSH 8 ACK 16 URG 32 ... */
	uint8_t	 icmp_type, icmp_code;
	uint16_t payload_len;	/* L4 payload bytes */
	uint32_t tcp_seq, tcp_ack;
	uint16_t tcp_win;

	/*
	 * ICMP/ICMPv6 errors (dest-unreachable, time-exceeded, ...): the
	 * quoted packet's header, when at least its IP header and the first
	 * 8 bytes of L4 are there.  Same family as the outer packet; ports
	 * as above (ICMP query: id as both).  NAT may change in_* and
	 * pkt_rewrite() writes them back (inner and ICMP checksums).
	 */
	bool	 has_inner;
	uint8_t	 in_proto;
	uint32_t in_src4, in_dst4;	/* host byte order */
	uint8_t	 in_src6[16], in_dst6[16];
	uint16_t in_sport, in_dport;
	uint32_t in_l3off, in_l4off;
};

/* TCP flag bits (tcp_flags) */
enum { TH_FIN = 1, TH_SYN = 2, TH_RST = 4, TH_PSH = 8, TH_ACK = 16,
	TH_URG = 32, TH_ECE = 64, TH_CWR = 128 };

/* IP protocol numbers the engine looks at */
enum { IPP_ICMP = 1, IPP_TCP = 6, IPP_UDP = 17, IPP_DCCP = 33,
	IPP_ICMP6 = 58, IPP_SCTP = 132, IPP_UDPLITE = 136 };

/*
 * Decodes frame buf[0..len) (Ethernet II, 802.1Q/802.1ad tags, ARP, IPv4,
 * IPv6 with extension headers, TCP, UDP, ICMP, ICMPv6, fragments) into p.
 * Returns PD_NONE, or the reason the frame is malformed (p is then only
 * partly filled).  PD_NON_IP is not an error for bridging, only for IP.
 * p->ts, p->in_if and p->out_if are kept; every other field is reset.
 * buf is borrowed (p->buf points into it).  Checksums are not verified.
 * Trailing bytes after the IP packet (Ethernet padding) are ignored.
 */
enum pkt_drop pkt_decode(struct pkt *p, uint8_t *buf, size_t len);
/*
 * Writes the mutable fields of a decoded packet back into p->buf: MAC
 * addresses, and for IP: ttl/hop limit, dscp, addresses, TCP/UDP/SCTP/
 * DCCP ports, the ICMP query id (from whichever of sport/dport differs
 * from the frame, sport first) and the quoted packet of an ICMP error
 * (in_*).  IPv4 header, TCP, UDP, UDP-Lite, ICMP and ICMPv6 checksums are
 * updated incrementally (RFC 1624), so a checksum that was wrong stays
 * wrong by the same amount; an IPv4 UDP checksum of 0 (none) stays 0.
 * Only for packets pkt_decode() accepted (PD_NONE).
 */
void	 pkt_rewrite(struct pkt *p);
/*
 * Recomputes the IPv4 header checksum and, unless p is a fragment, the
 * TCP/UDP/UDP-Lite/ICMP/ICMPv6 checksum from scratch (for generated
 * packets).  Only for packets pkt_decode() accepted.
 */
void	 pkt_fix_checksums(struct pkt *p);
/* Internet checksum helper: ones' complement sum of b[0..len) folded
 * into 16 bits, starting from sum (not inverted). */
uint32_t pkt_csum_add(uint32_t sum, const uint8_t *b, size_t len);

/* ---- PCC (reference §8) ---- */

/*
 * Linux jhash (lookup3 hashlittle) of key[0..len) with initval.  Full
 * 12-byte blocks are read as little-endian words whatever the host (x86
 * and ARM routers, CHR); keys of 12 bytes or less (IPv4) never use them.
 */
uint32_t pcc_jhash(const uint8_t *key, size_t len, uint32_t initval);
/*
 * The same hash of three words: equal to pcc_jhash() of their 12 bytes
 * in little-endian order, without the byte loop (conntrack's IPv4 key).
 */
uint32_t pcc_hash3(uint32_t a, uint32_t b, uint32_t c, uint32_t initval);

enum { PCC_SRC_ADDR = 1, PCC_DST_ADDR = 2, PCC_SRC_PORT = 4,
	PCC_DST_PORT = 8 };
/*
 * per-connection-classifier: fields (PCC_* flags), denominator, remainder,
 * negated.  Parsed from RouterOS text ("both-addresses-and-ports:3/1",
 * "!src-address:2/0"); -1 on a bad value.
 */
struct pcc_rule {
	uint8_t	 fields;
	bool	 neg;
	uint32_t den, rem;
};
int	 pcc_parse(const char *text, struct pcc_rule *);
/* canonical text ("!both-addresses:3/1") into buf; returns strlen */
size_t	 pcc_print(const struct pcc_rule *, char *buf, size_t size);
/*
 * The match on packet p with the given seed (initval), '!' applied:
 * 1 match, 0 no match, -1 "hotdrop" (the ports are needed but the packet
 * has none: a non-first fragment).  Non-IP packets give r->neg.
 */
int	 pcc_eval(const struct pcc_rule *, const struct pkt *, uint32_t seed);
/* pcc_eval() == 1 */
bool	 pcc_match(const struct pcc_rule *, const struct pkt *, uint32_t seed);

/* ---- connection tracking (reference §4) ---- */

struct ct_tuple {
	uint8_t	 family, proto;
	uint8_t	 src[16], dst[16];	/* IPv4 in the first 4 bytes, network order */
	uint16_t sport, dport;		/* host order; ICMP: id, id */
};	/* 38 bytes, no padding: compare with memcmp, build zeroed */

enum ct_state {		/* connection-state= values */
	CT_NEW, CT_ESTABLISHED, CT_RELATED, CT_INVALID, CT_UNTRACKED
};

enum ct_tcp_state {	/* RouterOS tcp-state names (print) */
	TCP_NONE, TCP_SYN_SENT, TCP_SYN_RECV, TCP_ESTABLISHED, TCP_FIN_WAIT,
	TCP_CLOSE_WAIT, TCP_LAST_ACK, TCP_TIME_WAIT, TCP_CLOSE, TCP_SYN_SENT2
};
extern const char *const ct_tcp_state_names[];	/* "syn-sent", ... */

/*
 * 192 bytes, three cache lines: a hash lookup reads the tuples and the
 * chain links, which come first (conntrack.c aligns entries to 64).
 */
struct ct_conn {
	struct ct_tuple orig;	/* as first seen */
	struct ct_tuple reply;	/* expected reply (after NAT) */
	/* conntrack.c's own links (slot numbers / hash nodes) */
	uint32_t hnext[2], slot;
	uint32_t id;		/* stable, for print order */
	int	 out_if;		/* where the original direction left */
	int64_t	 created, last, expires;	/* ns */
	int64_t	 heap_t;
	uint64_t orig_packets, orig_bytes, repl_packets, repl_bytes;
	uint32_t conn_mark, routing_mark;	/* interned mark ids, 0: none */
	uint32_t prev, next, uprev, unext;
	uint8_t	 tcp;		/* enum ct_tcp_state */
	bool	 seen_reply, assured, fasttracked;
	/* NAT applied (connection-nat-state); srcnat 2: by masquerade */
	uint8_t	 srcnat;
	bool	 dstnat;
	uint8_t	 icmp_type, icmp_code;	/* of the first packet (ICMP) */
};

/* timeouts (ns) from /ip firewall connection tracking */
struct ct_timeouts {
	int64_t	 tcp_syn_sent, tcp_syn_received, tcp_established, tcp_fin_wait,
		 tcp_close_wait, tcp_last_ack, tcp_time_wait, tcp_close,
		 tcp_unacked, udp, udp_stream, icmp, generic;
};

struct ct_table;

/* the v6 defaults of reference §4.2 (udp-timeout 10s) */
void	 ct_default_timeouts(struct ct_timeouts *);

/* table counters (print stats, tests) */
struct ct_stats {
	uint64_t created, expired, removed, early_dropped, refused,
		 invalid, related;
	size_t	 n_ip4, n_ip6;		/* live entries per family */
};

/*
 * A table; timeouts NULL = ct_default_timeouts().  max_entries is taken
 * literally (0: no connection can be created).  loose-tcp-tracking starts
 * as yes (the RouterOS default).  Owned: ct_free() (NULL is a no-op).
 */
struct ct_table *ct_new(size_t max_entries, const struct ct_timeouts *);
void	 ct_free(struct ct_table *);
/* new timeouts apply from each connection's next packet */
void	 ct_set_timeouts(struct ct_table *, const struct ct_timeouts *);
/* lowering it below ct_count() keeps the entries, refuses new ones */
void	 ct_set_max(struct ct_table *, size_t max_entries);
void	 ct_set_loose(struct ct_table *, bool loose_tcp_tracking);
/*
 * Finds the connection of p (either direction); *dir = 0 original, 1 reply.
 * With create, a packet that starts a connection gets a new entry (NULL and
 * PD_CT_FULL in *why when max-entries is reached and no unassured entry
 * can be evicted).  Sets *state to what connection-state= matches for this
 * packet, and advances the TCP state machine and the timeout.
 *
 * All outputs are always written.  Results (Linux netfilter semantics):
 * - original direction before any reply: CT_NEW (so "new" is not "first
 *   packet": decide NAT once, on orig_packets == 1); later: established;
 * - ICMP/ICMPv6 errors quoting a tracked packet: CT_RELATED, the conn and
 *   the direction the error travels (not counted, no refresh);
 * - NULL + CT_INVALID: not IP, bad TCP flags or transition, TCP non-SYN
 *   without a connection when loose tracking is off, SYN/ACK, FIN or RST
 *   without a connection, ICMP replies/errors without one, a non-first
 *   fragment whose first fragment was not seen;
 * - NULL + CT_UNTRACKED: ICMPv6 neighbour discovery and MLD;
 * - without create, a packet that would start one: NULL + CT_NEW.
 * The returned pointer is borrowed: valid until the next ct_lookup(),
 * ct_expire() or ct_remove() on the table.  A TCP connection reset before
 * any reply is dead at once (expires == now) but still returned.
 */
struct ct_conn *ct_lookup(struct ct_table *, const struct pkt *p, int64_t now,
	    bool create, int *dir, enum ct_state *state, enum pkt_drop *why);
/* the connection holding tuple t in either direction (*dir), or NULL;
 * for NAT to check that a translated reply tuple is free */
struct ct_conn *ct_find(const struct ct_table *, const struct ct_tuple *t,
	    int *dir);
/* NAT changed the reply tuple: re-file the connection under it */
void	 ct_set_reply(struct ct_table *, struct ct_conn *,
	    const struct ct_tuple *reply);
/* drops entries whose timeout passed (expires <= now) */
void	 ct_expire(struct ct_table *, int64_t now);
size_t	 ct_count(const struct ct_table *);
const struct ct_stats *ct_get_stats(const struct ct_table *);
/* all connections in creation order (caller frees the array); call
 * ct_expire() first, or dead ones are listed too */
struct ct_conn **ct_list(const struct ct_table *, size_t *n);
void	 ct_remove(struct ct_table *, struct ct_conn *);

/* the tuple of p as it is on the wire (0 for a non-IP packet) */
int	 ct_tuple_from_pkt(struct ct_tuple *t, const struct pkt *p);
/* src <-> dst (ICMP keeps the id) */
void	 ct_tuple_invert(struct ct_tuple *out, const struct ct_tuple *in);

/* ---- the engine (engine.c, fw.c, route.c) ---- */

struct cfg;
struct eng;
struct eng_route;

/*
 * Compiles the configuration (interfaces, address lists, firewall, routes,
 * conntrack settings).  pcc_seed is the PCC hash initval (DESIGN.md: 0 by
 * default, so every run is reproducible).
 */
struct eng *eng_new(struct cfg *, int ros, uint32_t pcc_seed);
/* the configuration changed: recompile (conntrack and counters stay) */
void	 eng_commit(struct eng *);
void	 eng_free(struct eng *);

struct eng_result {
	int	 out_if;		/* -1: dropped or delivered locally */
	bool	 local;			/* for the router itself */
	enum pkt_drop drop;
	uint32_t gateway;		/* next hop, 0: directly connected */
	uint8_t	 gateway6[16];		/* IPv6 next hop (has_gateway6) */
	bool	 has_gateway6;
	const struct eng_route *route;
	struct ct_conn *conn;
	uint32_t packet_mark, routing_mark;	/* interned ids */
};

/*
 * One decoded IPv4 packet arriving on interface in_if (index into the
 * compiled interface table) at virtual time now: conntrack, chains,
 * routing, NAT; the frame in p->buf is rewritten for the way out.
 * Returns the out interface or -1 (res says why).
 */
int	 eng_forward(struct eng *, struct pkt *p, int in_if, int64_t now,
	    struct eng_result *res);
/*
 * A packet the router sends itself (local service reply, probe): mangle
 * output, routing with its mark, filter output, postrouting, srcnat.
 */
int	 eng_output(struct eng *, struct pkt *p, int64_t now,
	    struct eng_result *res);
/* the conntrack table into /ip firewall connection (dynamic items) */
struct ct_conn **eng_sync_connections(struct eng *, int64_t now, size_t *n);

#endif
