/*
 * DOC: conntrack - connection tracking (routeros-engine.md §4).
 *
 * A connection is filed twice in one chained hash table: under its
 * original tuple and under its reply tuple (the reply tuple changes when
 * NAT re-files it, ct_set_reply()), so a packet of either direction
 * finds it with one lookup.  Entries live in fixed chunks addressed by
 * slot number; hash chains, the creation-order list and the list of
 * unassured entries (early-drop candidates when max-entries is reached,
 * oldest first) link slots, never pointers, so nothing depends on
 * addresses.  Expiry uses a min-heap of (deadline, slot, id) that is
 * updated lazily: refreshing an entry only writes its deadline; a popped
 * heap entry whose connection lives longer is pushed again.
 *
 * Semantics follow Linux netfilter (RouterOS v6 runs it): packet states
 * new/established/related/invalid/untracked, the TCP state machine without
 * window checks (as liberal tracking), loose pick-up of established TCP,
 * UDP stream timeouts after a reply, ICMP errors related to the flow they
 * quote.  Non-first fragments are tied to the connection of their first
 * fragment by a small cache keyed by the fragment id (Linux reassembles).
 * Time is virtual (ns); the table never reads a clock and is deterministic.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util.h"

#define NIL		UINT32_MAX
#define CHUNK_BITS	8
#define CHUNK		(1u << CHUNK_BITS)
#define MAX_SLOTS	0x7ffffff0u	/* slot << 1 | dir stays below NIL */
#define FRAG_SLOTS	256

const char *const ct_tcp_state_names[] = {
	[TCP_NONE] = "none",
	[TCP_SYN_SENT] = "syn-sent",
	/* ROS: v7 schema and captures say syn-recv (docs prose: -received) */
	[TCP_SYN_RECV] = "syn-recv",
	[TCP_ESTABLISHED] = "established",
	[TCP_FIN_WAIT] = "fin-wait",
	[TCP_CLOSE_WAIT] = "close-wait",
	[TCP_LAST_ACK] = "last-ack",
	[TCP_TIME_WAIT] = "time-wait",
	[TCP_CLOSE] = "close",
	/* Linux's SYN_SENT2 was called LISTEN; RouterOS kept that name */
	[TCP_SYN_SENT2] = "listen",
};

struct ct_hent {
	int64_t	 t;
	uint32_t slot, id;
};

struct ct_frag {
	struct ct_tuple key;	/* ports 0 */
	uint32_t frag_id, slot, id;
	uint8_t	 dir, state;
};

struct ct_table {
	struct ct_conn **chunk;
	size_t	 n_chunk;
	uint32_t n_slot;	/* slots handed out so far */
	uint32_t free_slot;	/* free list through ->next */
	uint32_t *bucket;
	uint32_t mask;
	size_t	 n, max;
	struct ct_timeouts to;
	bool	 loose;
	uint32_t head, tail;	/* creation order */
	uint32_t uhead, utail;	/* not assured, creation order */
	struct ct_hent *heap;
	size_t	 n_heap, cap_heap;
	uint32_t next_id;
	struct ct_stats st;
	struct ct_frag frag[FRAG_SLOTS];
};

void
ct_default_timeouts(struct ct_timeouts *to)
{
	const int64_t s = 1000000000;

	to->tcp_syn_sent = 5 * s;
	to->tcp_syn_received = 5 * s;
	to->tcp_established = 86400 * s;
	to->tcp_fin_wait = 10 * s;
	to->tcp_close_wait = 10 * s;
	to->tcp_last_ack = 10 * s;
	to->tcp_time_wait = 10 * s;
	to->tcp_close = 10 * s;
	to->tcp_unacked = 300 * s;
	to->udp = 10 * s;
	to->udp_stream = 180 * s;
	to->icmp = 10 * s;
	to->generic = 600 * s;
}

static struct ct_conn *
conn_at(const struct ct_table *t, uint32_t slot)
{
	return &t->chunk[slot >> CHUNK_BITS][slot & (CHUNK - 1)];
}

static uint32_t
rd32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

/*
 * IPv4 tuples (nearly all) hash as three words - addresses, ports -
 * with the protocol in the initval; IPv6 ones hash whole.  Chain order
 * depends only on this and the creation order, so it is deterministic.
 */
static uint32_t
tuple_hash(const struct ct_tuple *tu)
{
	if (tu->family == PF_IP4)
		return pcc_hash3(rd32(tu->src), rd32(tu->dst),
		    (uint32_t)tu->sport << 16 | tu->dport,
		    0x5eedc0deU + tu->proto);
	return pcc_jhash((const uint8_t *)tu, sizeof(*tu), 0x5eedc0deU);
}

static const struct ct_tuple *
node_tuple(const struct ct_conn *c, uint32_t node)
{
	return (node & 1) ? &c->reply : &c->orig;
}

/*
 * A chunk of entries on a cache-line boundary, so a 192-byte entry
 * spans exactly three lines (aligned_alloc needs a multiple of 64).
 */
static struct ct_conn *
chunk_new(void)
{
	size_t sz = (CHUNK * sizeof(struct ct_conn) + 63) & ~(size_t)63;
	struct ct_conn *v = aligned_alloc(64, sz);

	if (v == NULL)
		v = xmalloc(sz);	/* unaligned then; reports OOM */
	memset(v, 0, sz);
	return v;
}

/* ---- hash ---- */

static void
hash_link(struct ct_table *t, struct ct_conn *c, int dir)
{
	uint32_t b = tuple_hash(dir ? &c->reply : &c->orig) & t->mask;

	c->hnext[dir] = t->bucket[b];
	t->bucket[b] = c->slot << 1 | (uint32_t)dir;
}

static void
hash_unlink(struct ct_table *t, struct ct_conn *c, int dir)
{
	uint32_t node = c->slot << 1 | (uint32_t)dir;
	uint32_t *pp = &t->bucket[tuple_hash(dir ? &c->reply : &c->orig) &
	    t->mask];

	while (*pp != node) {
		struct ct_conn *o;

		if (*pp == NIL)
			abort();	/* BUG: entry not in its chain */
		o = conn_at(t, *pp >> 1);
		pp = &o->hnext[*pp & 1];
	}
	*pp = c->hnext[dir];
}

static void
hash_resize(struct ct_table *t, uint32_t nb)
{
	uint32_t s;

	free(t->bucket);
	t->bucket = xmalloc(sizeof(*t->bucket) * nb);
	memset(t->bucket, 0xff, sizeof(*t->bucket) * nb);
	t->mask = nb - 1;
	/* creation order: chains come out the same on every run */
	for (s = t->head; s != NIL; s = conn_at(t, s)->next) {
		hash_link(t, conn_at(t, s), 0);
		hash_link(t, conn_at(t, s), 1);
	}
}

struct ct_conn *
ct_find(const struct ct_table *t, const struct ct_tuple *tu, int *dir)
{
	uint32_t node = t->bucket[tuple_hash(tu) & t->mask];

	while (node != NIL) {
		struct ct_conn *c = conn_at(t, node >> 1);

		if (memcmp(node_tuple(c, node), tu, sizeof(*tu)) == 0) {
			*dir = (int)(node & 1);
			return c;
		}
		node = c->hnext[node & 1];
	}
	return NULL;
}

/* ---- expiry heap (ordered by deadline, then id) ---- */

static bool
hent_less(const struct ct_hent *a, const struct ct_hent *b)
{
	return a->t < b->t || (a->t == b->t && a->id < b->id);
}

static void
heap_push(struct ct_table *t, int64_t when, const struct ct_conn *c)
{
	struct ct_hent e = { when, c->slot, c->id };
	size_t i;

	xgrow((void **)&t->heap, &t->cap_heap, t->n_heap + 1,
	    sizeof(*t->heap));
	i = t->n_heap++;
	while (i > 0 && hent_less(&e, &t->heap[(i - 1) / 2])) {
		t->heap[i] = t->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	t->heap[i] = e;
}

static struct ct_hent
heap_pop(struct ct_table *t)
{
	struct ct_hent top = t->heap[0], last = t->heap[--t->n_heap];
	size_t i = 0, n = t->n_heap;

	for (;;) {
		size_t k = 2 * i + 1;

		if (k >= n)
			break;
		if (k + 1 < n && hent_less(&t->heap[k + 1], &t->heap[k]))
			k++;
		if (!hent_less(&t->heap[k], &last))
			break;
		t->heap[i] = t->heap[k];
		i = k;
	}
	if (n > 0)
		t->heap[i] = last;
	return top;
}

/* only an earlier deadline needs a heap entry: later ones are found
 * when the current entry pops */
static void
set_expires(struct ct_table *t, struct ct_conn *c, int64_t when)
{
	c->expires = when;
	if (when < c->heap_t) {
		c->heap_t = when;
		heap_push(t, when, c);
	}
}

/* ---- lists ---- */

static void
order_unlink(struct ct_table *t, struct ct_conn *c)
{
	if (c->prev != NIL)
		conn_at(t, c->prev)->next = c->next;
	else
		t->head = c->next;
	if (c->next != NIL)
		conn_at(t, c->next)->prev = c->prev;
	else
		t->tail = c->prev;
}

static void
unassured_unlink(struct ct_table *t, struct ct_conn *c)
{
	if (c->uprev != NIL)
		conn_at(t, c->uprev)->unext = c->unext;
	else
		t->uhead = c->unext;
	if (c->unext != NIL)
		conn_at(t, c->unext)->uprev = c->uprev;
	else
		t->utail = c->uprev;
}

static void
set_assured(struct ct_table *t, struct ct_conn *c)
{
	if (!c->assured) {
		c->assured = true;
		unassured_unlink(t, c);
	}
}

/* ---- table ---- */

struct ct_table *
ct_new(size_t max_entries, const struct ct_timeouts *to)
{
	struct ct_table *t = xcalloc(1, sizeof(*t));

	t->max = max_entries;
	if (to != NULL)
		t->to = *to;
	else
		ct_default_timeouts(&t->to);
	t->loose = true;
	t->free_slot = t->head = t->tail = t->uhead = t->utail = NIL;
	hash_resize(t, 256);
	return t;
}

void
ct_free(struct ct_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n_chunk; i++)
		free(t->chunk[i]);
	free(t->chunk);
	free(t->bucket);
	free(t->heap);
	free(t);
}

void
ct_set_timeouts(struct ct_table *t, const struct ct_timeouts *to)
{
	t->to = *to;
}

void
ct_set_max(struct ct_table *t, size_t max_entries)
{
	t->max = max_entries;
}

void
ct_set_loose(struct ct_table *t, bool loose)
{
	t->loose = loose;
}

size_t
ct_count(const struct ct_table *t)
{
	return t->n;
}

const struct ct_stats *
ct_get_stats(const struct ct_table *t)
{
	return &t->st;
}

static void
drop_conn(struct ct_table *t, struct ct_conn *c)
{
	hash_unlink(t, c, 0);
	hash_unlink(t, c, 1);
	order_unlink(t, c);
	if (!c->assured)
		unassured_unlink(t, c);
	if (c->orig.family == PF_IP6)
		t->st.n_ip6--;
	else
		t->st.n_ip4--;
	t->n--;
	/* the slot is free; heap and fragment-cache entries naming it are
	 * recognised as stale by the id */
	c->id = 0;
	c->next = t->free_slot;
	t->free_slot = c->slot;
}

void
ct_remove(struct ct_table *t, struct ct_conn *c)
{
	drop_conn(t, c);
	t->st.removed++;
}

void
ct_expire(struct ct_table *t, int64_t now)
{
	while (t->n_heap > 0 && t->heap[0].t <= now) {
		struct ct_hent e = heap_pop(t);
		struct ct_conn *c = conn_at(t, e.slot);

		if (c->id != e.id || c->heap_t != e.t)
			continue;	/* stale entry */
		if (c->expires <= now) {
			drop_conn(t, c);
			t->st.expired++;
		} else {
			c->heap_t = c->expires;
			heap_push(t, c->expires, c);
		}
	}
}

struct ct_conn **
ct_list(const struct ct_table *t, size_t *n)
{
	struct ct_conn **v = xmalloc(sizeof(*v) * (t->n ? t->n : 1));
	size_t i = 0;
	uint32_t s;

	for (s = t->head; s != NIL; s = conn_at(t, s)->next)
		v[i++] = conn_at(t, s);
	*n = i;
	return v;
}

void
ct_set_reply(struct ct_table *t, struct ct_conn *c,
    const struct ct_tuple *reply)
{
	hash_unlink(t, c, 1);
	c->reply = *reply;
	hash_link(t, c, 1);
}

/* ---- tuples ---- */

static void
put_be32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static bool
has_ports(uint8_t proto)
{
	return proto == IPP_TCP || proto == IPP_UDP || proto == IPP_UDPLITE ||
	    proto == IPP_SCTP || proto == IPP_DCCP;
}

/* the ICMP protocol of the family (ICMP inside IPv6 is opaque) */
static bool
is_icmp(uint8_t family, uint8_t proto)
{
	return (family == PF_IP4 && proto == IPP_ICMP) ||
	    (family == PF_IP6 && proto == IPP_ICMP6);
}

static bool
icmp_request(uint8_t family, uint8_t type)
{
	if (family == PF_IP6)
		return type == 128 || type == 139;
	return type == 8 || type == 13 || type == 15 || type == 17;
}

static bool
icmp_reply(uint8_t family, uint8_t type)
{
	if (family == PF_IP6)
		return type == 129 || type == 140;
	return type == 0 || type == 14 || type == 16 || type == 18;
}

static bool
icmp_error(uint8_t family, uint8_t type)
{
	if (family == PF_IP6)
		return type >= 1 && type <= 4;
	return type == 3 || type == 4 || type == 5 || type == 11 ||
	    type == 12;
}

int
ct_tuple_from_pkt(struct ct_tuple *tu, const struct pkt *p)
{
	memset(tu, 0, sizeof(*tu));
	if (p->family != PF_IP4 && p->family != PF_IP6)
		return -1;
	tu->family = p->family;
	tu->proto = p->proto;
	if (p->family == PF_IP4) {
		put_be32(tu->src, p->src4);
		put_be32(tu->dst, p->dst4);
	} else {
		memcpy(tu->src, p->src6, 16);
		memcpy(tu->dst, p->dst6, 16);
	}
	if (p->has_l4 && (has_ports(p->proto) ||
	    (is_icmp(p->family, p->proto) &&
	    (icmp_request(p->family, p->icmp_type) ||
	    icmp_reply(p->family, p->icmp_type))))) {
		tu->sport = p->sport;
		tu->dport = p->dport;
	}
	return 0;
}

void
ct_tuple_invert(struct ct_tuple *out, const struct ct_tuple *in)
{
	struct ct_tuple r = *in;

	memcpy(r.src, in->dst, 16);
	memcpy(r.dst, in->src, 16);
	if (!is_icmp(in->family, in->proto)) {
		r.sport = in->dport;
		r.dport = in->sport;
	}
	*out = r;
}

/* the tuple an ICMP error quotes (the packet it is about) */
static void
inner_tuple(struct ct_tuple *tu, const struct pkt *p)
{
	memset(tu, 0, sizeof(*tu));
	tu->family = p->family;
	tu->proto = p->in_proto;
	if (p->family == PF_IP4) {
		put_be32(tu->src, p->in_src4);
		put_be32(tu->dst, p->in_dst4);
	} else {
		memcpy(tu->src, p->in_src6, 16);
		memcpy(tu->dst, p->in_dst6, 16);
	}
	tu->sport = p->in_sport;
	tu->dport = p->in_dport;
}

/* ---- TCP state machine ---- */

enum { TC_SYN, TC_SYNACK, TC_FIN, TC_ACK, TC_RST, TC_NONE, TC_N };

/* which row of the transition table a segment uses */
static int
tcp_class(uint8_t f)
{
	if (f & TH_RST)
		return TC_RST;
	if (f & TH_SYN)
		return (f & TH_ACK) ? TC_SYNACK : TC_SYN;
	if (f & TH_FIN)
		return TC_FIN;
	if (f & TH_ACK)
		return TC_ACK;
	return TC_NONE;
}

/* flag combinations a real stack sends (PSH, ECE, CWR aside); others,
 * e.g. SYN+FIN or no flags at all, make the packet invalid (Linux) */
static bool
tcp_flags_ok(uint8_t f)
{
	switch (f & (TH_FIN | TH_SYN | TH_RST | TH_ACK | TH_URG)) {
	case TH_SYN:
	case TH_SYN | TH_URG:
	case TH_SYN | TH_ACK:
	case TH_RST:
	case TH_RST | TH_ACK:
	case TH_FIN | TH_ACK:
	case TH_FIN | TH_ACK | TH_URG:
	case TH_ACK:
	case TH_ACK | TH_URG:
		return true;
	default:
		return false;
	}
}

/*
 * Transitions as Linux's conntrack makes them (behaviour, not text):
 * one row per segment class, one column per current state in the order
 * of enum ct_tcp_state: none syn-sent syn-recv established fin-wait
 * close-wait last-ack time-wait close syn-sent2.  Letters: n none,
 * s syn-sent, r syn-recv, e established, f fin-wait, c close-wait,
 * l last-ack, t time-wait, x close, 2 syn-sent2; '-' invalid packet,
 * '.' ignored (valid, changes nothing).  The "none" column is used only
 * for the first packet of a connection.
 */
static const char tcp_next[2][TC_N][11] = {
	{	/* original direction */
		[TC_SYN]    = "ss.....ss2",
		[TC_SYNACK] = "--r------r",
		[TC_FIN]    = "--ffllltx-",
		[TC_ACK]    = "e-eeccttx-",
		[TC_RST]    = "-xxxxxxxxx",
		[TC_NONE]   = "----------",
	}, {	/* reply direction */
		[TC_SYN]    = "-2-----s-2",
		[TC_SYNACK] = "-r.......r",
		[TC_FIN]    = "--ffllltx-",
		[TC_ACK]    = "-.reccttx.",
		[TC_RST]    = "-xxxxxxxxx",
		[TC_NONE]   = "----------",
	},
};

enum { TS_INVALID = -1, TS_IGNORE = -2 };

static int
tcp_next_state(int dir, int cls, enum ct_tcp_state old)
{
	switch (tcp_next[dir][cls][old]) {
	case 'n': return TCP_NONE;
	case 's': return TCP_SYN_SENT;
	case 'r': return TCP_SYN_RECV;
	case 'e': return TCP_ESTABLISHED;
	case 'f': return TCP_FIN_WAIT;
	case 'c': return TCP_CLOSE_WAIT;
	case 'l': return TCP_LAST_ACK;
	case 't': return TCP_TIME_WAIT;
	case 'x': return TCP_CLOSE;
	case '2': return TCP_SYN_SENT2;
	case '.': return TS_IGNORE;
	default: return TS_INVALID;
	}
}

static int64_t
tcp_timeout(const struct ct_table *t, enum ct_tcp_state s, bool seen_reply)
{
	const struct ct_timeouts *to = &t->to;
	int64_t v;

	switch (s) {
	case TCP_SYN_SENT:
	case TCP_SYN_SENT2: v = to->tcp_syn_sent; break;
	case TCP_SYN_RECV: v = to->tcp_syn_received; break;
	case TCP_ESTABLISHED: v = to->tcp_established; break;
	case TCP_FIN_WAIT: v = to->tcp_fin_wait; break;
	case TCP_CLOSE_WAIT: v = to->tcp_close_wait; break;
	case TCP_LAST_ACK: v = to->tcp_last_ack; break;
	case TCP_TIME_WAIT: v = to->tcp_time_wait; break;
	default: v = to->tcp_close; break;
	}
	/* Linux: established without a reply (a picked-up connection)
	 * does not get the long established timeout */
	if (!seen_reply && s == TCP_ESTABLISHED && v > to->tcp_unacked)
		v = to->tcp_unacked;
	return v;
}

/* ---- per packet ---- */

enum tcp_verdict { TV_OK, TV_IGNORE, TV_INVALID, TV_REOPEN };

static enum tcp_verdict
tcp_step(struct ct_table *t, struct ct_conn *c, int dir,
    const struct pkt *p, int64_t now)
{
	enum ct_tcp_state old = c->tcp;
	int ns = tcp_next_state(dir, tcp_class(p->tcp_flags), old);

	if (ns == TS_INVALID)
		return TV_INVALID;
	if (ns == TS_IGNORE)
		return TV_IGNORE;
	/* a SYN on a closed connection opens a new one (RFC 1122 4.2.2.13;
	 * Linux kills the old entry and tracks the SYN afresh) */
	if (ns == TCP_SYN_SENT && (old == TCP_TIME_WAIT || old == TCP_CLOSE))
		return TV_REOPEN;
	c->tcp = (enum ct_tcp_state)ns;
	if (c->seen_reply && (old == TCP_SYN_RECV || old == TCP_ESTABLISHED) &&
	    ns == TCP_ESTABLISHED)
		set_assured(t, c);
	if (!c->seen_reply && (p->tcp_flags & TH_RST)) {
		/* a reset before any answer: the connection never was */
		set_expires(t, c, now);
		return TV_OK;
	}
	set_expires(t, c, now + tcp_timeout(t, c->tcp, c->seen_reply));
	return TV_OK;
}

static void
account(struct ct_conn *c, int dir, const struct pkt *p, int64_t now)
{
	if (dir == 0) {
		c->orig_packets++;
		c->orig_bytes += p->ip_len;
	} else {
		c->repl_packets++;
		c->repl_bytes += p->ip_len;
	}
	c->last = now;
}

/* a packet of a known connection (not TCP's state, done before) */
static enum ct_state
track(struct ct_table *t, struct ct_conn *c, int dir, const struct pkt *p,
    int64_t now, bool refresh)
{
	enum ct_state st = dir == 1 || c->seen_reply ? CT_ESTABLISHED :
	    CT_NEW;

	account(c, dir, p, now);
	if (refresh && c->orig.proto != IPP_TCP) {
		int64_t to = t->to.generic;

		if (c->orig.proto == IPP_UDP || c->orig.proto == IPP_UDPLITE) {
			/* Linux: the packet after the first reply turns the
			 * flow into a stream (seen-reply is set below) */
			if (c->seen_reply) {
				to = t->to.udp_stream;
				set_assured(t, c);
			} else
				to = t->to.udp;
		} else if (is_icmp(c->orig.family, c->orig.proto))
			to = t->to.icmp;
		set_expires(t, c, now + to);
	}
	if (dir == 1)
		c->seen_reply = true;
	return st;
}

/* evicts the oldest connection that is not assured (Linux early_drop) */
static bool
early_drop(struct ct_table *t)
{
	if (t->uhead == NIL)
		return false;
	drop_conn(t, conn_at(t, t->uhead));
	t->st.early_dropped++;
	return true;
}

static struct ct_conn *
conn_new(struct ct_table *t, const struct ct_tuple *tu, const struct pkt *p,
    int64_t now)
{
	struct ct_conn *c;
	uint32_t slot;

	if (t->free_slot != NIL) {
		slot = t->free_slot;
		t->free_slot = conn_at(t, slot)->next;
	} else {
		if (t->n_slot >= MAX_SLOTS)
			return NULL;
		if (t->n_slot == t->n_chunk * CHUNK) {
			t->chunk = xrealloc(t->chunk, sizeof(*t->chunk) *
			    (t->n_chunk + 1));
			t->chunk[t->n_chunk++] = chunk_new();
		}
		slot = t->n_slot++;
	}
	c = conn_at(t, slot);
	memset(c, 0, sizeof(*c));
	c->slot = slot;
	c->id = ++t->next_id;
	if (c->id == 0)		/* 2^32 connections later: skip "free" */
		c->id = ++t->next_id;
	c->orig = *tu;
	ct_tuple_invert(&c->reply, tu);
	c->created = now;
	c->out_if = -1;
	c->heap_t = INT64_MAX;
	if (is_icmp(p->family, p->proto)) {
		c->icmp_type = p->icmp_type;
		c->icmp_code = p->icmp_code;
	}
	/* lists: creation order and unassured, both at the tail */
	c->prev = t->tail;
	c->next = NIL;
	if (t->tail != NIL)
		conn_at(t, t->tail)->next = slot;
	else
		t->head = slot;
	t->tail = slot;
	c->uprev = t->utail;
	c->unext = NIL;
	if (t->utail != NIL)
		conn_at(t, t->utail)->unext = slot;
	else
		t->uhead = slot;
	t->utail = slot;
	t->n++;
	if (tu->family == PF_IP6)
		t->st.n_ip6++;
	else
		t->st.n_ip4++;
	t->st.created++;
	if ((size_t)(t->n * 2) > (size_t)t->mask + 1)
		hash_resize(t, (t->mask + 1) * 2);
	else {
		hash_link(t, c, 0);
		hash_link(t, c, 1);
	}
	return c;
}

static uint32_t
frag_index(const struct ct_tuple *key, uint32_t frag_id)
{
	return pcc_jhash((const uint8_t *)key, sizeof(*key), frag_id) %
	    FRAG_SLOTS;
}

static void
frag_key(struct ct_tuple *key, const struct pkt *p)
{
	ct_tuple_from_pkt(key, p);
	key->sport = key->dport = 0;
}

static void
frag_note(struct ct_table *t, const struct pkt *p, const struct ct_conn *c,
    int dir, enum ct_state st)
{
	struct ct_frag *f;
	struct ct_tuple key;

	frag_key(&key, p);
	f = &t->frag[frag_index(&key, p->frag_id)];
	f->key = key;
	f->frag_id = p->frag_id;
	f->slot = c->slot;
	f->id = c->id;
	f->dir = (uint8_t)dir;
	f->state = (uint8_t)st;
}

static struct ct_conn *
frag_lookup(struct ct_table *t, const struct pkt *p, int64_t now, int *dir,
    enum ct_state *state)
{
	struct ct_tuple key;
	struct ct_frag *f;
	struct ct_conn *c;

	frag_key(&key, p);
	f = &t->frag[frag_index(&key, p->frag_id)];
	if (f->id == 0 || f->frag_id != p->frag_id ||
	    memcmp(&f->key, &key, sizeof(key)) != 0)
		goto invalid;
	c = conn_at(t, f->slot);
	if (c->id != f->id || c->expires <= now)
		goto invalid;
	*dir = f->dir;
	if (f->state == CT_RELATED) {
		*state = CT_RELATED;
		return c;
	}
	*state = track(t, c, f->dir, p, now, false);
	return c;
invalid:
	t->st.invalid++;
	return NULL;
}

struct ct_conn *
ct_lookup(struct ct_table *t, const struct pkt *p, int64_t now, bool create,
    int *dir, enum ct_state *state, enum pkt_drop *why)
{
	struct ct_tuple tu;
	struct ct_conn *c;
	bool icmp, may_start = true;
	int d = 0;

	*dir = 0;
	*state = CT_INVALID;
	*why = PD_NONE;
	if (ct_tuple_from_pkt(&tu, p) < 0)
		goto invalid;
	if (p->frag && !p->frag_first)
		return frag_lookup(t, p, now, dir, state);
	icmp = is_icmp(p->family, p->proto) && p->has_l4;
	if (has_ports(p->proto) && !p->has_l4)
		goto invalid;
	if (p->proto == IPP_TCP && !tcp_flags_ok(p->tcp_flags))
		goto invalid;
	if (icmp && icmp_error(p->family, p->icmp_type)) {
		struct ct_tuple in, inv;

		if (!p->has_inner)
			goto invalid;
		/* the quoted packet went the other way: its inverse is a
		 * tuple of the connection, in the error's direction */
		inner_tuple(&in, p);
		ct_tuple_invert(&inv, &in);
		c = ct_find(t, &inv, &d);
		if (c == NULL || c->expires <= now)
			goto invalid;
		*dir = d;
		*state = CT_RELATED;
		t->st.related++;
		if (p->frag)
			frag_note(t, p, c, d, CT_RELATED);
		return c;
	}
	if (icmp && p->family == PF_IP6 &&
	    ((p->icmp_type >= 130 && p->icmp_type <= 137) ||
	    p->icmp_type == 143)) {
		/* Linux: neighbour discovery and MLD are never tracked */
		*state = CT_UNTRACKED;
		return NULL;
	}
	if (icmp && !icmp_request(p->family, p->icmp_type)) {
		if (!icmp_reply(p->family, p->icmp_type))
			goto invalid;	/* e.g. router advertisement */
		may_start = false;
	}

	c = ct_find(t, &tu, &d);
	if (c != NULL && c->expires <= now) {
		drop_conn(t, c);	/* timed out, ct_expire() not run yet */
		t->st.expired++;
		c = NULL;
	}
	if (c != NULL) {
		bool refresh = true;

		if (p->proto == IPP_TCP) {
			switch (tcp_step(t, c, d, p, now)) {
			case TV_INVALID:
				goto invalid;
			case TV_REOPEN:
				drop_conn(t, c);
				t->st.removed++;
				goto start;
			case TV_IGNORE:
				refresh = false;
				break;
			case TV_OK:
				break;
			}
		}
		*dir = d;
		*state = track(t, c, d, p, now, refresh);
		if (p->frag)
			frag_note(t, p, c, d, *state);
		return c;
	}

start:
	if (!may_start)
		goto invalid;
	if (p->proto == IPP_TCP) {
		int ns = tcp_next_state(0, tcp_class(p->tcp_flags), TCP_NONE);

		/* only a SYN starts a connection; a bare ACK picks one up
		 * in the middle when loose-tcp-tracking=yes */
		if (ns < 0 || (ns == TCP_ESTABLISHED && !t->loose))
			goto invalid;
	}
	if (!create) {
		*state = CT_NEW;
		return NULL;
	}
	if (t->n >= t->max && !early_drop(t)) {
		t->st.refused++;
		*state = CT_NEW;
		*why = PD_CT_FULL;
		return NULL;
	}
	c = conn_new(t, &tu, p, now);
	if (c == NULL) {
		t->st.refused++;
		*state = CT_NEW;
		*why = PD_CT_FULL;
		return NULL;
	}
	account(c, 0, p, now);
	if (p->proto == IPP_TCP) {
		c->tcp = (enum ct_tcp_state)tcp_next_state(0,
		    tcp_class(p->tcp_flags), TCP_NONE);
		set_expires(t, c, now + tcp_timeout(t, c->tcp, false));
	} else if (p->proto == IPP_UDP || p->proto == IPP_UDPLITE)
		set_expires(t, c, now + t->to.udp);
	else if (icmp)
		set_expires(t, c, now + t->to.icmp);
	else
		set_expires(t, c, now + t->to.generic);
	*state = CT_NEW;
	if (p->frag)
		frag_note(t, p, c, 0, CT_NEW);
	return c;

invalid:
	t->st.invalid++;
	*state = CT_INVALID;
	return NULL;
}
