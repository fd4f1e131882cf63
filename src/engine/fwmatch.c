/*
 * DOC: fwmatch - the firewall matchers that keep state or look into the
 * payload (routeros-engine.md §2.3): limit, dst-limit, connection-limit,
 * layer7-protocol and content.
 *
 * State lives in a store owned by the engine (e->fwst), keyed by what
 * the rule says (table, item id, matcher, value text), so a recompile for
 * an unrelated change (an --at command, a new address) keeps the token
 * buckets and connection counts; a changed value starts afresh.  A
 * layer7 protocol is keyed by its name and regexp and shared by every
 * rule that names it (ROS: the wiki's "the same rule must also be set in
 * output" means the data collected is the connection's, not the rule's).
 * fw.c claims states while it compiles (fw_store_begin/_end drop what no
 * rule claimed); eng_free() calls fw_store_free().
 *
 * Time is the packet's virtual time in ns; the arithmetic is integer and
 * saturating, so runs are reproducible.  Nothing here allocates per packet
 * except a new key (dst-limit bucket, counted connection, layer7 entry).
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eng.h"

#define NIL	UINT32_MAX

/* ---- a small open-addressing map: 12-byte key -> uint32_t ---- */

struct fw_key {
	uint32_t w[3];
};

struct fw_map {
	struct fw_key *k;
	uint32_t *v;		/* NIL: empty slot */
	uint32_t cap, n;	/* cap: 0 or a power of two */
};

static uint32_t
key_hash(const struct fw_key *k)
{
	uint64_t h = k->w[0] * 0x9e3779b97f4a7c15ull;

	h = (h ^ (h >> 29) ^ k->w[1]) * 0xbf58476d1ce4e5b9ull;
	h = (h ^ (h >> 32) ^ k->w[2]) * 0x94d049bb133111ebull;
	return (uint32_t)(h ^ (h >> 31));
}

static bool
key_eq(const struct fw_key *a, const struct fw_key *b)
{
	return a->w[0] == b->w[0] && a->w[1] == b->w[1] && a->w[2] == b->w[2];
}

static uint32_t
map_find(const struct fw_map *m, const struct fw_key *k)
{
	uint32_t i;

	if (m->cap == 0)
		return NIL;
	for (i = key_hash(k) & (m->cap - 1); m->v[i] != NIL;
	    i = (i + 1) & (m->cap - 1))
		if (key_eq(&m->k[i], k))
			return m->v[i];
	return NIL;
}

static void map_put(struct fw_map *, const struct fw_key *, uint32_t);

static void
map_grow(struct fw_map *m)
{
	struct fw_map o = *m;
	uint32_t i;

	m->cap = o.cap ? o.cap * 2 : 16;
	m->n = 0;
	m->k = xcalloc(m->cap, sizeof(*m->k));
	m->v = xmalloc(m->cap * sizeof(*m->v));
	memset(m->v, 0xff, m->cap * sizeof(*m->v));
	for (i = 0; i < o.cap; i++)
		if (o.v[i] != NIL)
			map_put(m, &o.k[i], o.v[i]);
	free(o.k);
	free(o.v);
}

/* k must not be in the map yet */
static void
map_put(struct fw_map *m, const struct fw_key *k, uint32_t v)
{
	uint32_t i;

	if ((m->n + 1) * 4 > m->cap * 3)
		map_grow(m);
	for (i = key_hash(k) & (m->cap - 1); m->v[i] != NIL;
	    i = (i + 1) & (m->cap - 1))
		continue;
	m->k[i] = *k;
	m->v[i] = v;
	m->n++;
}

/* removes k (if there) and closes the gap (backward shift) */
static void
map_del(struct fw_map *m, const struct fw_key *k)
{
	uint32_t mask = m->cap - 1, i, j, h;

	if (m->cap == 0)
		return;
	for (i = key_hash(k) & mask; m->v[i] != NIL; i = (i + 1) & mask)
		if (key_eq(&m->k[i], k))
			break;
	if (m->v[i] == NIL)
		return;
	m->v[i] = NIL;
	m->n--;
	for (j = (i + 1) & mask; m->v[j] != NIL; j = (j + 1) & mask) {
		h = key_hash(&m->k[j]) & mask;
		/* j stays when its home slot lies cyclically in (i, j] */
		if (i <= j ? (h > i && h <= j) : (h > i || h <= j))
			continue;
		m->k[i] = m->k[j];
		m->v[i] = m->v[j];
		m->v[j] = NIL;
		i = j;
	}
}

static void
map_fini(struct fw_map *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

static struct fw_key
key1(uint32_t a)
{
	struct fw_key k = { { a, 0, 0 } };

	return k;
}

/* ---- token buckets (limit, dst-limit) ---- */

static uint64_t
mul_sat(uint64_t a, uint64_t b)
{
	uint64_t r;

	return __builtin_mul_overflow(a, b, &r) ? UINT64_MAX : r;
}

/*
 * count units per period ns, burst units.  Credit is kept in units x
 * period so refills are exact: time adds count per ns, a unit costs
 * period, the bucket holds burst x period.
 */
struct fw_rate {
	uint64_t count, period, cap;
	bool	 bits;		/* units are bits of the IP packet */
};

struct fw_bucket {
	uint64_t credit;
	int64_t	 last;
};

static void
bucket_init(struct fw_bucket *b, const struct fw_rate *r, int64_t now)
{
	b->credit = r->cap;	/* ROS (xt_limit): starts full */
	b->last = now;
}

static bool
bucket_take(struct fw_bucket *b, const struct fw_rate *r, int64_t now,
    uint64_t units)
{
	uint64_t cost = mul_sat(units, r->period);

	if (now > b->last) {
		uint64_t add = mul_sat((uint64_t)(now - b->last), r->count);

		b->credit = add > r->cap - b->credit ? r->cap : b->credit + add;
		b->last = now;
	}
	if (b->credit < cost)
		return false;
	b->credit -= cost;
	return true;
}

/* "50", "1M", "64k": decimal multipliers as RouterOS rates */
static int
parse_count(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0, mul = 1;
	size_t i;

	if (n == 0)
		return -1;
	switch (s[n - 1]) {
	case 'k': case 'K':
		mul = 1000;
		n--;
		break;
	case 'M':
		mul = 1000000;
		n--;
		break;
	case 'G':
		mul = 1000000000;
		n--;
		break;
	}
	if (n == 0 || n > 12)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = mul_sat(v, mul);
	return 0;
}

static int
parse_time(const char *s, size_t n, int64_t *ns)
{
	char buf[32];

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return sch_time_parse(buf, ns) < 0 || *ns <= 0 ? -1 : 0;
}

/* "count[/time]" into r->count and r->period (default 1s) */
static int
parse_rate(const char *s, size_t n, struct fw_rate *r)
{
	const char *sl = memchr(s, '/', n);
	int64_t period = 1000000000LL;

	if (sl && parse_time(sl + 1, n - (size_t)(sl + 1 - s), &period) < 0)
		return -1;
	if (parse_count(s, sl ? (size_t)(sl - s) : n, &r->count) < 0)
		return -1;
	r->period = (uint64_t)period;
	return 0;
}

/* ---- the store ---- */

enum fs_kind { FS_LIMIT, FS_DLIMIT, FS_CLIMIT, FS_L7, FS_NTH };

enum dl_mode {		/* which fields key a dst-limit bucket */
	DL_SRC = 1, DL_DST = 2, DL_DPORT = 4
};

struct dl_ent {		/* one key's bucket */
	struct fw_key k;
	struct fw_bucket b;
	int64_t	 expires;
	uint32_t next_free;
	bool	 used;
};

struct cl_ent {		/* a counted connection */
	struct ct_tuple t;	/* its original tuple */
	uint32_t conn_id;
	uint32_t group;
	uint32_t prev, next;	/* in its group */
	uint32_t next_free;
	bool	 used;
};

struct cl_group {	/* the counted connections of one masked source */
	uint32_t key;
	uint32_t head, n;
	uint32_t next_free;
	bool	 used;
};

enum { L7_OPEN, L7_MATCH, L7_UNKNOWN };

struct l7_ent {		/* what a layer7 protocol saw of one connection */
	struct ct_tuple t;
	uint32_t conn_id;
	uint8_t	 verdict;
	bool	 used;
	uint16_t len;
	uint64_t seen;		/* connection packets when last appended */
	char	*buf;		/* collected payload without NULs */
	uint32_t next_free;
};

/* a vector of entries with a free list through next_free */
struct pool {
	void	*v;
	size_t	 n, cap;
	uint32_t free;
};

struct fw_state {
	char	*key;
	enum fs_kind kind;
	bool	 claimed;
	union {
		uint64_t nth;		/* packets the nth matcher has seen */
		struct {
			struct fw_rate r;
			struct fw_bucket b;
			bool	 started;
		} lim;
		struct {
			struct fw_rate r;
			int64_t	 expire, next_gc;
			unsigned mode;
			struct fw_map map;
			struct pool p;		/* struct dl_ent */
		} dl;
		struct {
			uint32_t limit, mask;
			struct fw_map by_conn, by_key;
			struct pool p;		/* struct cl_ent */
			struct pool g;		/* struct cl_group */
			uint32_t live, sweep_at;
		} cl;
		struct {
			regex_t	 re;
			bool	 ok;
			struct fw_map by_conn;
			struct pool p;		/* struct l7_ent */
			uint32_t live, sweep_at;
		} l7;
	} u;
};

struct fw_store {
	struct strmap by_key;
	struct fw_state **v;
	size_t	 n, cap;
};

/* index of a free element of pool (of elements of size sz), zeroed */
static uint32_t
pool_get(struct pool *p, size_t sz, size_t next_off)
{
	uint32_t i;

	if (p->free != NIL) {
		i = p->free;
		memcpy(&p->free, (char *)p->v + i * sz + next_off,
		    sizeof(p->free));
	} else {
		xgrow(&p->v, &p->cap, p->n + 1, sz);
		i = (uint32_t)p->n++;
	}
	memset((char *)p->v + i * sz, 0, sz);
	return i;
}

static void
pool_put(struct pool *p, uint32_t i, size_t sz, size_t next_off)
{
	memcpy((char *)p->v + i * sz + next_off, &p->free, sizeof(p->free));
	p->free = i;
}

#define POOL_GET(p, type)	pool_get((p), sizeof(type), \
	offsetof(type, next_free))
#define POOL_PUT(p, i, type)	pool_put((p), (i), sizeof(type), \
	offsetof(type, next_free))

static void
state_free(struct fw_state *s)
{
	struct l7_ent *le;
	size_t i;

	switch (s->kind) {
	case FS_LIMIT:
	case FS_NTH:
		break;
	case FS_DLIMIT:
		map_fini(&s->u.dl.map);
		free(s->u.dl.p.v);
		break;
	case FS_CLIMIT:
		map_fini(&s->u.cl.by_conn);
		map_fini(&s->u.cl.by_key);
		free(s->u.cl.p.v);
		free(s->u.cl.g.v);
		break;
	case FS_L7:
		if (s->u.l7.ok)
			regfree(&s->u.l7.re);
		le = s->u.l7.p.v;
		for (i = 0; i < s->u.l7.p.n; i++)
			if (le[i].used)
				free(le[i].buf);
		free(le);
		map_fini(&s->u.l7.by_conn);
		break;
	}
	free(s->key);
	free(s);
}

void
fw_store_begin(struct eng *e)
{
	size_t i;

	if (e->fwst == NULL) {
		e->fwst = xcalloc(1, sizeof(*e->fwst));
		strmap_init(&e->fwst->by_key);
	}
	for (i = 0; i < e->fwst->n; i++)
		e->fwst->v[i]->claimed = false;
}

void
fw_store_end(struct eng *e)
{
	struct fw_store *st = e->fwst;
	size_t i, k = 0;

	if (st == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		struct fw_state *s = st->v[i];

		if (s->claimed) {
			st->v[k++] = s;
			continue;
		}
		strmap_del(&st->by_key, s->key);
		state_free(s);
	}
	st->n = k;
}

void
fw_store_free(struct eng *e)
{
	struct fw_store *st = e->fwst;
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->n; i++)
		state_free(st->v[i]);
	free(st->v);
	strmap_fini(&st->by_key);
	free(st);
	e->fwst = NULL;
}

/* the state filed under key, now claimed, or NULL */
static struct fw_state *
store_claim(struct eng *e, const char *key)
{
	struct fw_state *s;

	if (e->fwst == NULL)
		fw_store_begin(e);
	s = strmap_get(&e->fwst->by_key, key);
	if (s)
		s->claimed = true;
	return s;
}

/* files a new state under key (the state takes it) */
static struct fw_state *
store_add(struct eng *e, char *key, enum fs_kind kind)
{
	struct fw_store *st = e->fwst;
	struct fw_state *s = xcalloc(1, sizeof(*s));

	s->key = key;
	s->kind = kind;
	s->claimed = true;
	xgrow((void **)&st->v, &st->cap, st->n + 1, sizeof(*st->v));
	st->v[st->n++] = s;
	strmap_put(&st->by_key, s->key, s);
	return s;
}

/* ---- parsing rule values ---- */

/*
 * limit=count[/time],burst[:packet|bit] (v6 prints "50/5s,2", v7
 * "50,5:packet").  ROS: a missing burst is taken as 5 (netfilter's
 * default; unverified whether RouterOS accepts the value at all).
 */
static int
parse_limit(const char *t, struct fw_rate *r)
{
	const char *comma = strchr(t, ','), *colon, *end;
	uint64_t burst = 5;

	r->bits = false;
	colon = strchr(comma ? comma : t, ':');
	if (colon) {
		if (!strcmp(colon + 1, "bit"))
			r->bits = true;
		else if (strcmp(colon + 1, "packet") != 0)
			return -1;
	}
	end = colon ? colon : t + strlen(t);
	if (parse_rate(t, (size_t)((comma ? comma : end) - t), r) < 0)
		return -1;
	if (comma && parse_count(comma + 1, (size_t)(end - comma - 1),
	    &burst) < 0)
		return -1;
	r->cap = mul_sat(burst, r->period);
	return 0;
}

/*
 * dst-limit=count[/time],burst,mode[/expire]; ROS (hashlimit): expire
 * defaults to 10s; the bucket of a key idle that long starts full again.
 */
static int
parse_dlimit(const char *t, struct fw_rate *r, unsigned *mode,
    int64_t *expire)
{
	static const struct { const char *n; unsigned m; } modes[] = {
		{ "dst-address", DL_DST },
		{ "dst-address-and-port", DL_DST | DL_DPORT },
		{ "src-address", DL_SRC },
		{ "src-and-dst-addresses", DL_SRC | DL_DST },
		{ "src-and-dst-address", DL_SRC | DL_DST },
		{ "addresses-and-dst-port", DL_SRC | DL_DST | DL_DPORT },
	};
	const char *c1 = strchr(t, ','), *c2, *sl;
	uint64_t burst;
	size_t i, ml;

	if (c1 == NULL || (c2 = strchr(c1 + 1, ',')) == NULL)
		return -1;
	if (parse_rate(t, (size_t)(c1 - t), r) < 0 ||
	    parse_count(c1 + 1, (size_t)(c2 - c1 - 1), &burst) < 0)
		return -1;
	r->bits = false;
	r->cap = mul_sat(burst, r->period);
	*expire = 10 * 1000000000LL;
	sl = strchr(c2 + 1, '/');
	ml = sl ? (size_t)(sl - c2 - 1) : strlen(c2 + 1);
	if (sl && parse_time(sl + 1, strlen(sl + 1), expire) < 0)
		return -1;
	for (i = 0; i < NELEM(modes); i++)
		if (strlen(modes[i].n) == ml &&
		    !strncmp(c2 + 1, modes[i].n, ml)) {
			*mode = modes[i].m;
			return 0;
		}
	return -1;
}

/* connection-limit=N,maskbits (0..32; ROS: a missing mask means 32) */
static int
parse_climit(const char *t, uint32_t *limit, uint32_t *mask)
{
	unsigned long n, bits = 32;
	char *end;

	if (*t < '0' || *t > '9')
		return -1;
	n = strtoul(t, &end, 10);
	if (*end == ',') {
		const char *b = end + 1;

		if (*b < '0' || *b > '9')
			return -1;
		bits = strtoul(b, &end, 10);
	}
	if (*end != '\0' || n > UINT32_MAX || bits > 32)
		return -1;
	*limit = (uint32_t)n;
	*mask = bits ? 0xffffffffu << (32 - bits) : 0;
	return 0;
}

struct fw_state *
fw_state_get(struct eng *e, int kind, int table, uint32_t item_id,
    const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	struct fw_state *s, tmp;
	enum fs_kind fk;

	memset(&tmp, 0, sizeof(tmp));
	switch (kind) {
	case M_LIMIT:
		fk = FS_LIMIT;
		if (parse_limit(text, &tmp.u.lim.r) < 0)
			return NULL;
		break;
	case M_DST_LIMIT:
		fk = FS_DLIMIT;
		if (parse_dlimit(text, &tmp.u.dl.r, &tmp.u.dl.mode,
		    &tmp.u.dl.expire) < 0)
			return NULL;
		tmp.u.dl.p.free = NIL;
		break;
	case M_CONN_LIMIT:
		fk = FS_CLIMIT;
		if (parse_climit(text, &tmp.u.cl.limit, &tmp.u.cl.mask) < 0)
			return NULL;
		tmp.u.cl.p.free = tmp.u.cl.g.free = NIL;
		tmp.u.cl.sweep_at = 1024;
		break;
	case M_NTH:
		fk = FS_NTH;
		break;
	default:
		return NULL;
	}
	sb_addf(&sb, "%d/%d/%u/%s", kind, table, item_id, text);
	if ((s = store_claim(e, sb_str(&sb))) != NULL) {
		sb_fini(&sb);
		return s;
	}
	s = store_add(e, sb_steal(&sb), fk);
	s->u = tmp.u;
	return s;
}

/* the nth matcher's packet count before this packet (then one more) */
uint64_t
fw_nth_next(struct fw_state *s)
{
	return s->u.nth++;
}

/* ---- limit ---- */

bool
fw_limit_match(struct fw_state *s, const struct pkt *p, int64_t now)
{
	if (!s->u.lim.started) {
		bucket_init(&s->u.lim.b, &s->u.lim.r, now);
		s->u.lim.started = true;
	}
	return bucket_take(&s->u.lim.b, &s->u.lim.r, now, s->u.lim.r.bits ?
	    (uint64_t)p->ip_len * 8 : 1);
}

/* ---- dst-limit ---- */

static bool
has_ports(uint8_t proto)
{
	return proto == IPP_TCP || proto == IPP_UDP || proto == IPP_SCTP ||
	    proto == IPP_DCCP || proto == IPP_UDPLITE;
}

/* drops the buckets idle past their expiry; for memory only, since a
 * lookup of an expired key starts it afresh anyway */
static void
dl_gc(struct fw_state *s, int64_t now)
{
	struct dl_ent *v = s->u.dl.p.v;
	size_t i;

	for (i = 0; i < s->u.dl.p.n; i++)
		if (v[i].used && v[i].expires <= now) {
			map_del(&s->u.dl.map, &v[i].k);
			v[i].used = false;
			POOL_PUT(&s->u.dl.p, (uint32_t)i, struct dl_ent);
		}
	s->u.dl.next_gc = now + s->u.dl.expire;
}

int
fw_dlimit_match(struct fw_state *s, const struct pkt *p, int64_t now)
{
	struct fw_key k = { { 0, 0, 0 } };
	struct dl_ent *d;
	uint32_t i;

	if (s->u.dl.mode & DL_SRC)
		k.w[0] = p->src4;
	if (s->u.dl.mode & DL_DST)
		k.w[1] = p->dst4;
	if ((s->u.dl.mode & DL_DPORT) && has_ports(p->proto)) {
		/* ROS (hashlimit): a later fragment has no port: hotdrop */
		if (!p->has_l4)
			return -1;
		k.w[2] = p->dport;
	}
	if (now >= s->u.dl.next_gc)
		dl_gc(s, now);
	i = map_find(&s->u.dl.map, &k);
	if (i == NIL) {
		i = POOL_GET(&s->u.dl.p, struct dl_ent);
		d = (struct dl_ent *)s->u.dl.p.v + i;
		d->k = k;
		d->used = true;
		bucket_init(&d->b, &s->u.dl.r, now);
		map_put(&s->u.dl.map, &k, i);
	} else {
		d = (struct dl_ent *)s->u.dl.p.v + i;
		if (d->expires <= now)		/* idle too long: afresh */
			bucket_init(&d->b, &s->u.dl.r, now);
	}
	d->expires = now + s->u.dl.expire;
	return bucket_take(&d->b, &s->u.dl.r, now, 1);
}

/* ---- connection-limit ---- */

/*
 * Is the connection counted under tuple t and id still there?  ROS
 * (nf_conncount, which connlimit uses): a TCP connection in time-wait or
 * close no longer counts (closing says so).  Dropped first packets keep
 * their conntrack entry here until it times out (Linux never confirms
 * them), so a refused attempt counts for its syn-sent timeout.
 */
static bool
conn_alive(const struct ct_table *ct, const struct ct_tuple *t, uint32_t id,
    int64_t now, bool closing)
{
	const struct ct_conn *c;
	int dir;

	c = ct_find(ct, t, &dir);
	if (c == NULL || dir != 0 || c->id != id || c->expires <= now)
		return false;
	return !closing || c->orig.proto != IPP_TCP ||
	    (c->tcp != TCP_TIME_WAIT && c->tcp != TCP_CLOSE);
}

static void
cl_drop(struct fw_state *s, uint32_t i)
{
	struct cl_ent *v = s->u.cl.p.v, *c = &v[i];
	struct cl_group *g = (struct cl_group *)s->u.cl.g.v + c->group;
	struct fw_key k = key1(c->conn_id);

	if (c->prev != NIL)
		v[c->prev].next = c->next;
	else
		g->head = c->next;
	if (c->next != NIL)
		v[c->next].prev = c->prev;
	g->n--;
	s->u.cl.live--;
	map_del(&s->u.cl.by_conn, &k);
	c->used = false;
	POOL_PUT(&s->u.cl.p, i, struct cl_ent);
}

/* drops the group's connections that are gone */
static void
cl_prune(struct fw_state *s, const struct ct_table *ct, uint32_t gi,
    int64_t now)
{
	uint32_t i = ((struct cl_group *)s->u.cl.g.v)[gi].head, next;

	while (i != NIL) {
		struct cl_ent *c = (struct cl_ent *)s->u.cl.p.v + i;

		next = c->next;
		if (!conn_alive(ct, &c->t, c->conn_id, now, true))
			cl_drop(s, i);
		i = next;
	}
}

/* every group pruned, empty groups dropped: amortised O(1) per packet */
static void
cl_sweep(struct fw_state *s, const struct ct_table *ct, int64_t now)
{
	struct cl_group *g;
	size_t i;

	for (i = 0; i < s->u.cl.g.n; i++) {
		g = (struct cl_group *)s->u.cl.g.v + i;
		if (!g->used)
			continue;
		cl_prune(s, ct, (uint32_t)i, now);
		g = (struct cl_group *)s->u.cl.g.v + i;
		if (g->n == 0) {
			struct fw_key k = key1(g->key);

			map_del(&s->u.cl.by_key, &k);
			g->used = false;
			POOL_PUT(&s->u.cl.g, (uint32_t)i, struct cl_group);
		}
	}
	s->u.cl.sweep_at = s->u.cl.live * 2 > 1024 ? s->u.cl.live * 2 : 1024;
}

/*
 * ROS (connlimit --connlimit-above N --connlimit-mask M): the rule's own
 * list of connections per masked source (the original direction's) gets
 * this packet's connection; the packet matches when the source has more
 * than N.  Dead entries only make the count too high, so the group is
 * pruned only when the count says "more than N": O(1) below the limit.
 */
bool
fw_climit_match(struct fw_state *s, const struct ct_table *ct,
    const struct ct_conn *conn, const struct pkt *p, int64_t now)
{
	uint32_t src = conn ? eng_get4(conn->orig.src) : p->src4;
	struct fw_key k = key1(src & s->u.cl.mask);
	struct cl_group *g;
	uint32_t gi, extra = 0, count;

	gi = map_find(&s->u.cl.by_key, &k);
	if (gi == NIL) {
		gi = POOL_GET(&s->u.cl.g, struct cl_group);
		g = (struct cl_group *)s->u.cl.g.v + gi;
		g->key = k.w[0];
		g->head = NIL;
		g->used = true;
		map_put(&s->u.cl.by_key, &k, gi);
	}
	if (conn == NULL)
		extra = 1;	/* untracked: counts, is not remembered */
	else {
		struct fw_key ck = key1(conn->id);

		if (map_find(&s->u.cl.by_conn, &ck) == NIL) {
			uint32_t i = POOL_GET(&s->u.cl.p, struct cl_ent);
			struct cl_ent *v = s->u.cl.p.v, *c = v + i;

			g = (struct cl_group *)s->u.cl.g.v + gi;
			c->t = conn->orig;
			c->conn_id = conn->id;
			c->group = gi;
			c->used = true;
			c->prev = NIL;
			c->next = g->head;
			if (g->head != NIL)
				v[g->head].prev = i;
			g->head = i;
			g->n++;
			s->u.cl.live++;
			map_put(&s->u.cl.by_conn, &ck, i);
		}
	}
	g = (struct cl_group *)s->u.cl.g.v + gi;
	if (g->n + extra > s->u.cl.limit)
		cl_prune(s, ct, gi, now);
	count = g->n + extra;
	if (s->u.cl.live > s->u.cl.sweep_at)
		cl_sweep(s, ct, now);
	return count > s->u.cl.limit;
}

/* ---- payload: content, layer7 ---- */

/* the L4 payload of p (after the TCP/UDP/... header), or false */
static bool
payload(const struct pkt *p, const uint8_t **b, size_t *n)
{
	uint32_t end = p->l3off + p->ip_len, off;

	if (p->family != PF_IP4 && p->family != PF_IP6)
		return false;
	if (!p->has_l4) {
		off = p->l4off;		/* unknown protocol, later fragment */
		*n = end > off ? end - off : 0;
	} else {
		if (p->proto == IPP_UDP || p->proto == IPP_UDPLITE)
			off = p->l4off + 8;
		else
			off = end - p->payload_len;
		*n = p->payload_len;
	}
	if (off > p->len || *n > p->len - off)
		return false;
	*b = p->buf + off;
	return true;
}

/*
 * ROS: content= is a case-sensitive substring of the payload (netfilter's
 * string match, which RouterOS uses, also looks at the headers; text in
 * a rule is meant for the payload, so only that is searched).
 */
bool
fw_content_match(const char *s, size_t n, const struct pkt *p)
{
	const uint8_t *b, *q, *end;
	size_t len;

	if (!payload(p, &b, &len) || len < n)
		return false;
	if (n == 0)
		return true;
	end = b + len - n + 1;
	for (q = b; q < end; q++) {
		q = memchr(q, (unsigned char)s[0], (size_t)(end - q));
		if (q == NULL)
			return false;
		if (!memcmp(q, s, n))
			return true;
	}
	return false;
}

#define L7_PACKETS	10
#define L7_BYTES	2048

static const char ere_special[] = ".[]()*+?{}|^$\\";

/* s at "[:", "[." or "[=" inside a bracket expression: past its closing
 * ":]" (".]", "=]"), or NULL */
static const char *
class_end(const char *s)
{
	char d = s[1];
	const char *q;

	if (d == '\0' || strchr(":.=", d) == NULL)
		return NULL;
	for (q = strchr(s + 2, d); q; q = strchr(q + 1, d))
		if (q[1] == ']')
			return q + 2;
	return NULL;
}

/*
 * l7-filter patterns (which RouterOS takes) write bytes as \xHH; POSIX
 * regcomp has no such escape, so they become the byte itself, escaped
 * outside bracket expressions when special.  The data never holds a NUL
 * (stripped, as l7-filter does), so \x00 is dropped, or in a bracket
 * expression turned into \x01 (keeping "[\x00-\x1f]" a valid range).
 */
static char *
l7_pattern(const char *re)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, first = 0;
	bool br = false;

	for (i = 0; re[i]; i++) {
		char c = re[i];

		if (c == '\\' && re[i + 1] == 'x' &&
		    strchr("0123456789abcdefABCDEF", re[i + 2]) && re[i + 2] &&
		    strchr("0123456789abcdefABCDEF", re[i + 3]) && re[i + 3]) {
			char hx[3] = { re[i + 2], re[i + 3], 0 };
			int v = (int)strtol(hx, NULL, 16);

			i += 3;
			if (v == 0 && !br)
				continue;
			if (v == 0)
				v = 1;
			if (!br && strchr(ere_special, v))
				sb_addc(&sb, '\\');
			sb_addc(&sb, (char)v);
			continue;
		}
		if (br) {
			const char *end;

			if (c == '[' && (end = class_end(re + i)) != NULL) {
				sb_addn(&sb, re + i, (size_t)(end - (re + i)));
				i = (size_t)(end - re) - 1;
				continue;
			}
			if (c == ']' && i > first)
				br = false;
			sb_addc(&sb, c);
			continue;
		}
		if (c == '\\' && re[i + 1]) {
			sb_addc(&sb, c);
			sb_addc(&sb, re[++i]);
			continue;
		}
		sb_addc(&sb, c);
		if (c == '[') {
			br = true;
			if (re[i + 1] == '^')
				sb_addc(&sb, re[++i]);
			first = i + 1;	/* a ']' there is literal */
		}
	}
	return sb_steal(&sb);
}

struct fw_state *
fw_l7_get(struct eng *e, const char *name)
{
	struct sch_node *n = sch_lookup("/ip/firewall/layer7-protocol");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l;
	const char *re = NULL;
	struct strbuf sb = STRBUF_INIT;
	struct fw_state *s;
	char *pat;
	size_t i;

	if (m == NULL)
		return NULL;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n && re == NULL; i++) {
		const struct cfg_item *it = l->items[i];
		const char *nm = cfg_get(m, it, "name");

		if (cfg_item_off(m, it) || nm == NULL || strcmp(nm, name))
			continue;
		re = cfg_get(m, it, "regexp");
		if (re == NULL)
			re = "";
	}
	if (re == NULL)
		return NULL;
	sb_addf(&sb, "l7\n%s\n%s", name, re);
	if ((s = store_claim(e, sb_str(&sb))) != NULL) {
		sb_fini(&sb);
		return s;
	}
	s = store_add(e, sb_steal(&sb), FS_L7);
	s->u.l7.p.free = NIL;
	s->u.l7.sweep_at = 1024;
	pat = l7_pattern(re);
	/* ROS: "Layer 7 matcher is case insensitive"; a bad regexp never
	 * matches (RouterOS logs a firewall warning) */
	s->u.l7.ok = regcomp(&s->u.l7.re, pat, REG_EXTENDED | REG_ICASE |
	    REG_NOSUB) == 0;
	free(pat);
	return s;
}

static void
l7_drop(struct fw_state *s, uint32_t i)
{
	struct l7_ent *le = (struct l7_ent *)s->u.l7.p.v + i;
	struct fw_key k = key1(le->conn_id);

	map_del(&s->u.l7.by_conn, &k);
	free(le->buf);
	le->buf = NULL;
	le->used = false;
	s->u.l7.live--;
	POOL_PUT(&s->u.l7.p, i, struct l7_ent);
}

static void
l7_sweep(struct fw_state *s, const struct ct_table *ct, int64_t now)
{
	size_t i;

	for (i = 0; i < s->u.l7.p.n; i++) {
		struct l7_ent *le = (struct l7_ent *)s->u.l7.p.v + i;

		if (le->used && !conn_alive(ct, &le->t, le->conn_id, now,
		    false))
			l7_drop(s, (uint32_t)i);
	}
	s->u.l7.sweep_at = s->u.l7.live * 2 > 1024 ? s->u.l7.live * 2 : 1024;
}

static void
l7_close(struct l7_ent *le, uint8_t verdict)
{
	le->verdict = verdict;
	free(le->buf);
	le->buf = NULL;
	le->len = 0;
}

/*
 * ROS (wiki "L7"): the first 10 packets or 2 KB of a connection, both
 * directions in arrival order, are collected and searched; after that
 * the verdict stays (unknown when the pattern was not found).  Packets
 * count as the connection's packets (orig + reply), seen or not, as
 * l7-filter counted them; a packet is appended once however many rules
 * with this protocol it meets.
 */
bool
fw_l7_match(struct fw_state *s, const struct ct_table *ct,
    const struct ct_conn *conn, const struct pkt *p, int64_t now)
{
	struct fw_key k;
	struct l7_ent *le;
	const uint8_t *b;
	uint64_t total;
	size_t n, j;
	uint32_t i;
	bool grew = false;

	if (!s->u.l7.ok || conn == NULL)
		return false;
	k = key1(conn->id);
	i = map_find(&s->u.l7.by_conn, &k);
	if (i == NIL) {
		if (s->u.l7.live >= s->u.l7.sweep_at)
			l7_sweep(s, ct, now);
		i = POOL_GET(&s->u.l7.p, struct l7_ent);
		le = (struct l7_ent *)s->u.l7.p.v + i;
		le->t = conn->orig;
		le->conn_id = conn->id;
		le->used = true;
		le->verdict = L7_OPEN;
		s->u.l7.live++;
		map_put(&s->u.l7.by_conn, &k, i);
	}
	le = (struct l7_ent *)s->u.l7.p.v + i;
	if (le->verdict != L7_OPEN)
		return le->verdict == L7_MATCH;
	total = conn->orig_packets + conn->repl_packets;
	if (total == le->seen)
		return false;		/* appended already */
	le->seen = total;
	if (total > L7_PACKETS) {
		l7_close(le, L7_UNKNOWN);
		return false;
	}
	if (payload(p, &b, &n))
		for (j = 0; j < n && le->len < L7_BYTES; j++) {
			if (b[j] == 0)
				continue;
			if (le->buf == NULL)
				le->buf = xmalloc(L7_BYTES + 1);
			le->buf[le->len++] = (char)b[j];
			grew = true;
		}
	if (grew) {
		le->buf[le->len] = '\0';
		if (regexec(&s->u.l7.re, le->buf, 0, NULL, 0) == 0) {
			l7_close(le, L7_MATCH);
			return true;
		}
	}
	if (total >= L7_PACKETS || le->len >= L7_BYTES)
		l7_close(le, L7_UNKNOWN);
	return false;
}

/*
 * ROS (netfilter): a connection whose first packet is dropped is never
 * confirmed and vanishes, so connection-limit stops counting it at once
 * (the engine itself keeps the entry until it times out).  Called for
 * such a packet only: costs a lookup per counting state.
 */
void
fw_conn_refused(struct eng *e, const struct ct_conn *conn)
{
	struct fw_store *st = e->fwst;
	struct fw_key k = key1(conn->id);
	size_t i;
	uint32_t j;

	for (i = 0; st && i < st->n; i++) {
		struct fw_state *s = st->v[i];

		if (s->kind == FS_CLIMIT &&
		    (j = map_find(&s->u.cl.by_conn, &k)) != NIL)
			cl_drop(s, j);
		else if (s->kind == FS_L7 &&
		    (j = map_find(&s->u.l7.by_conn, &k)) != NIL)
			l7_drop(s, j);
	}
}
