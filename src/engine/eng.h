/*
 * eng.h - internals of the packet engine shared by fw.c (interfaces,
 * address lists, compiled firewall chains), route.c (FIB) and engine.c
 * (the per-packet pipeline, NAT).  A struct eng is compiled from one
 * generation of the configuration (eng_commit); conntrack and counters
 * survive recompiles.
 */
#ifndef ROSEMU_ENG_H
#define ROSEMU_ENG_H

#include "cfg.h"
#include "engine.h"

/* big-endian IPv4 address bytes (ct_tuple) <-> host-order uint32_t */
static inline void
eng_put4(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static inline uint32_t
eng_get4(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

#define ENG_MAX_ADDRS	8
#define ENG_MAX_LISTS	64

struct eng_if {
	char	*name;
	bool	 running;		/* enabled */
	uint64_t lists;			/* interface-list membership bits */
	uint32_t addr[ENG_MAX_ADDRS];	/* /ip address on it */
	uint8_t	 plen[ENG_MAX_ADDRS];
	int	 naddr;
	uint8_t	 mac[6];
};

/* address list: sorted, merged IPv4 ranges */
struct eng_alist {
	char	*name;
	uint32_t *lo, *hi;
	size_t	 n, cap;
};

enum m_kind {
	M_SRC_ADDR, M_DST_ADDR, M_SRC_AL, M_DST_AL, M_PROTO, M_SPORT, M_DPORT,
	M_PORT, M_IN_IF, M_OUT_IF, M_IN_IFL, M_OUT_IFL, M_CT_STATE, M_CT_NAT,
	M_CONN_MARK, M_PKT_MARK, M_ROUTE_MARK, M_SRC_ATYPE, M_DST_ATYPE,
	M_PCC, M_NTH, M_TCP_FLAGS, M_PKT_SIZE, M_RANDOM, M_FRAGMENT, M_TTL,
	M_ICMP, M_DSCP, M_SRC_MAC, M_TCP_MSS, M_CONN_BYTES, M_CONTENT,
	M_LIMIT, M_DST_LIMIT, M_CONN_LIMIT, M_L7, M_SRC6, M_DST6, M_SRC_AL6,
	M_DST_AL6, M_UNSUPPORTED,
};

struct eng_port_range { uint16_t lo, hi; };

struct eng_match {
	enum m_kind kind;
	bool	 neg;
	uint32_t a, b;		/* ranges, ids, masks, counters */
	struct eng_port_range *ports;
	size_t	 nports;
	struct pcc_rule pcc;
	const char *prop;	/* M_UNSUPPORTED: which property */
	uint64_t lo, hi;	/* M_CONN_BYTES */
	char	*str;		/* M_CONTENT (owned) */
	size_t	 str_len;
	struct fw_state *st;	/* limit, dst-limit, connection-limit, layer7:
				 * borrowed from e->fwst (fwmatch.c) */
	uint8_t	 a6[16];	/* M_SRC6, M_DST6: prefix, plen in a */
};

/* /ipv6 firewall address-list: prefixes */
struct eng_alist6 {
	char	*name;
	struct { uint8_t a[16]; uint8_t plen; } *v;
	size_t	 n, cap;
};

enum r_action {
	RA_ACCEPT, RA_DROP, RA_REJECT, RA_JUMP, RA_RETURN, RA_PASSTHROUGH,
	RA_LOG, RA_MARK_CONN, RA_MARK_PACKET, RA_MARK_ROUTING,
	RA_ADD_SRC_AL, RA_ADD_DST_AL, RA_FASTTRACK, RA_SRCNAT, RA_DSTNAT,
	RA_MASQUERADE, RA_REDIRECT, RA_NETMAP, RA_NOTRACK, RA_OTHER,
};

struct eng_rule {
	struct cfg_item *item;	/* counters live in the item */
	enum r_action action;
	bool	 passthrough;
	uint32_t mark;		/* new-*-mark id */
	int	 jump;		/* chain index for RA_JUMP */
	int	 alist;		/* address-list for add-*-to-address-list */
	int64_t	 al_timeout;
	uint32_t to_lo, to_hi;	/* NAT to-addresses (0: none) */
	uint16_t to_port_lo, to_port_hi;
	struct eng_match *m;
	size_t	 nm;
	bool	 log;		/* action=log or log=yes */
	const char *log_prefix;	/* the item's text */
};

struct eng_chain {
	char	*name;
	struct eng_rule *r;
	size_t	 n;
};

/* the /ip firewall tables, then /ipv6 firewall's (no NAT66 emulated) */
enum { T_RAW, T_MANGLE, T_FILTER, T_NAT, T6_RAW, T6_MANGLE, T6_FILTER,
    T6_NAT, T_N };

struct eng_table {
	struct eng_chain *c;
	size_t	 n;
};

struct eng_route {
	uint32_t dst, plen;
	uint32_t table;		/* mark id; 0 = main */
	uint32_t gw[8];		/* ECMP gateways (0: interface route) */
	int	 gw_if[8];	/* resolved out interface */
	int	 ngw;
	int	 distance;
	int	 type;		/* 0 unicast, 1 blackhole, 2 unreachable, 3 prohibit */
	int	 scope;		/* §5.1: connected 10, static 30 */
	bool	 connected;
	struct cfg_item *item;
};

struct eng_route6 {
	uint8_t	 dst[16], gw[16];
	uint32_t plen;
	int	 out_if;
	int	 distance;
	int	 type;		/* 0 unicast, 1 blackhole/unreachable/prohibit */
	bool	 connected, has_gw;
};

struct eng_rrule {		/* /ip route rule, /routing rule */
	uint32_t src_lo, src_hi, dst_lo, dst_hi;
	int	 in_if;		/* -1: any */
	uint32_t mark;		/* routing-mark to match, 0: any */
	int	 action;	/* 0 lookup, 1 lookup-only-in-table, 2 drop, 3 unreachable */
	uint32_t table;
};

struct eng_ctx;

/*
 * The world around the router (failover.c), kept by the session across
 * recompiles: hosts that stopped answering and links pulled (/emulator
 * gateway|link), the check-gateway state of every probed gateway,
 * netwatch state, and the failover timeline.
 */
struct eng_gwstate {
	uint32_t addr;
	uint8_t	 misses;	/* consecutive probes without a reply */
	bool	 down;		/* 2 misses: routes through it inactive */
};

struct eng_nwstate {
	uint32_t item;		/* /tool netwatch item id */
	int64_t	 next;		/* next probe */
	int	 status;	/* 0 unknown, 1 up, 2 down */
	int64_t	 since;
	uint32_t sig;		/* of host, type, interval, timeout */
};

struct eng_world {
	uint32_t *dead;		/* hosts that do not answer */
	size_t	 ndead, capdead;
	char	**linkdown;	/* interfaces with the cable pulled */
	size_t	 nlinkdown, caplinkdown;
	struct eng_gwstate *gw;
	size_t	 ngw, capgw;
	int64_t	 next_probe;	/* check-gateway round; < 0: not started */
	struct eng_nwstate *nw;
	size_t	 nnw, capnw;
	struct strbuf timeline;
	/*
	 * Live mode (emu_live): probes are real echo requests out of the
	 * TAP devices; an address's result is whether the answer to its
	 * last probe came before the next one
	 */
	int	(*send_probe)(void *arg, uint32_t dst);
	void	*probe_arg;
	struct eng_liveprobe {
		uint32_t addr;
		bool	 sent, awaiting;
	} *lp;
	size_t	 nlp, caplp;
};

bool	 eng_world_dead(const struct eng_world *, uint32_t host);
bool	 eng_world_linkdown(const struct eng_world *, const char *ifname);
bool	 eng_world_gwdown(const struct eng_world *, uint32_t gw);

struct eng {
	struct cfg *cfg;
	int	 ros;
	uint32_t pcc_seed;
	struct eng_if *ifs;
	int	 nif;
	char	*lists[ENG_MAX_LISTS];
	int	 nlists;
	struct eng_alist *al;
	size_t	 nal;
	struct eng_alist6 *al6;
	size_t	 nal6;
	char	**marks;	/* interned marks: id i+1 = marks[i] */
	size_t	 nmarks;
	struct eng_table t[T_N];
	struct eng_route *rt;
	size_t	 nrt;
	struct eng_rrule *rr;
	size_t	 nrr;
	struct eng_route6 *rt6;		/* IPv6 FIB (route6.c) */
	size_t	 nrt6;
	struct { uint8_t a[16]; } *local6;	/* the router's IPv6 addresses */
	size_t	 nlocal6;
	struct ct_table *ct;
	uint64_t drops[PD_N];
	uint64_t unsupported;	/* rules skipped for an unemulated matcher */
	uint64_t rng;		/* random= / fallback state, seeded */
	/*
	 * /emulator explain: trace is told of every rule that matches, before
	 * its action (table T_*), and of the routing decision (table -1, rule
	 * NULL, ctx->route); dry leaves rule counters and address lists
	 * alone.
	 */
	void	(*trace)(void *arg, int table, const char *chain,
		    const struct eng_rule *, const struct eng_ctx *);
	void	*trace_arg;
	/* action=log / log=yes: a line for /log (topics firewall,info) */
	void	(*log)(void *arg, const char *line);
	void	*log_arg;
	bool	 dry;
	struct fw_store *fwst;	/* matcher state kept across recompiles */
	const struct eng_world *world;	/* NULL: everything answers */
	bool	 notrack;	/* probes: not tracked (failover.c) */
	size_t	 masq_flushed;	/* by the last commit (timeline) */
};

/* fw.c */
void	 eng_build_fw(struct eng *);
void	 eng_free_fw(struct eng *);
uint32_t eng_mark(struct eng *, const char *name);	/* intern; 0 for NULL/"" */
const char *eng_mark_name(const struct eng *, uint32_t id);
int	 eng_if_index(const struct eng *, const char *name);
int	 eng_alist_index(struct eng *, const char *name, bool create);
bool	 eng_alist_has(const struct eng *, int al, uint32_t ip);
void	 eng_alist_add(struct eng *, int al, uint32_t ip, int64_t now,
	    int64_t timeout);
bool	 eng_is_local(const struct eng *, uint32_t ip);
/* a inside net/plen (IPv6) */
bool	 eng_prefix6_has(const uint8_t *net, unsigned plen, const uint8_t *a);
int	 eng_addr_if(const struct eng *, uint32_t ip);

/*
 * fwmatch.c: matchers with state, kept in e->fwst across recompiles.
 * fw_store_begin() before compiling the tables, fw_store_end() after
 * (frees what no rule claimed), fw_store_free() in eng_free().
 */
struct fw_state;
struct fw_store;
void	 fw_store_begin(struct eng *);
void	 fw_store_end(struct eng *);
void	 fw_store_free(struct eng *);
/*
 * The state of matcher kind (M_LIMIT, M_DST_LIMIT, M_CONN_LIMIT, M_NTH) for the
 * value text of item item_id in table: found again when the same rule
 * has the same value, else new.  NULL when text is not a valid value.
 * Borrowed: valid until the fw_store_end() of a build that did not claim
 * it.
 */
struct fw_state *fw_state_get(struct eng *, int kind, int table,
	    uint32_t item_id, const char *text);
uint64_t fw_nth_next(struct fw_state *);	/* M_NTH: the count, then +1 */
/* the layer7-protocol called name (shared by its rules), or NULL */
struct fw_state *fw_l7_get(struct eng *, const char *name);
/* the matchers; now is the packet's virtual time */
bool	 fw_limit_match(struct fw_state *, const struct pkt *, int64_t now);
/* 1 match, 0 no, -1 ports needed but missing (hotdrop) */
int	 fw_dlimit_match(struct fw_state *, const struct pkt *, int64_t now);
bool	 fw_climit_match(struct fw_state *, const struct ct_table *,
	    const struct ct_conn *, const struct pkt *, int64_t now);
bool	 fw_l7_match(struct fw_state *, const struct ct_table *,
	    const struct ct_conn *, const struct pkt *, int64_t now);
bool	 fw_content_match(const char *s, size_t n, const struct pkt *);
/* the first packet of conn was dropped: forget the connection */
void	 fw_conn_refused(struct eng *, const struct ct_conn *conn);

/* the packet's context while it crosses the chains */
struct eng_ctx {
	struct pkt *p;
	struct ct_conn *conn;
	enum ct_state state;
	int	 dir;
	uint32_t packet_mark, routing_mark;
	int	 in_if, out_if;
	int64_t	 now;
	bool	 fasttrack;
	const struct eng_route *route;	/* the routing decision */
	uint32_t gateway;
	bool	 hotdrop;	/* a matcher could not read the packet: drop */
};

enum verdict { V_ACCEPT, V_DROP };
/* Runs chain (by name) of table t; NAT actions are reported in *nat_rule. */
enum verdict eng_chain_run(struct eng *, int t, const char *chain,
	    struct eng_ctx *, const struct eng_rule **nat_rule);

/* route.c */
/* the running interface whose connected network holds ip (longest), -1 */
int	 eng_connected_if(const struct eng *, uint32_t ip);
void	 eng_build_routes(struct eng *);
int	 eng_route_active(const struct eng *, const struct cfg_item *,
	    const char *ifname, uint32_t dst, uint32_t plen);
void	 eng_free_routes(struct eng *);
/*
 * Route lookup for dst in the tables the routing mark selects (v6: the
 * mark's table then main; v7: the table named by the mark, with rules).
 * Returns the route and the chosen gateway index (ECMP by a hash of the
 * flow's addresses, worked out only for an ECMP route; flow NULL: the
 * first gateway), or NULL.
 */
const struct eng_route *eng_route_lookup(const struct eng *, uint32_t src,
	    uint32_t dst, uint32_t mark, int in_if, const struct pkt *flow,
	    int *gwi);

/* route6.c */
void	 eng_build_routes6(struct eng *);
void	 eng_free_routes6(struct eng *);
int	 eng_connected_if6(const struct eng *, const uint8_t *a);
bool	 eng_is_local6(const struct eng *, const uint8_t *a);
const struct eng_route6 *eng_route_lookup6(const struct eng *,
	    const uint8_t *dst);

#endif
