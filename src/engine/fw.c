/*
 * DOC: fw - the configuration compiled for the packet engine: interfaces
 * and interface lists, address lists, marks interned to small integers,
 * and the firewall tables (raw, mangle, filter, nat) as rule vectors per
 * chain with pre-parsed matchers; and the chain walk itself.
 *
 * ROS (routeros-engine.md §2-3): rules run in order; a matching rule with
 * a terminating action (accept, drop, reject, and in nat the NAT actions)
 * ends the chain; mark-* actions continue when passthrough=yes; jump runs
 * another chain and return goes back; the end of a built-in chain accepts.
 * Matchers run in RouterOS's fixed order (match_rank), not as written.
 * Those with state or payload inspection (limit, dst-limit,
 * connection-limit, layer7-protocol, content) are in fwmatch.c.
 * Matchers the engine does not emulate (time, psd, hotspot, tls-host,
 * connection-rate, connection-type, priority, ipv4-options, ipsec-policy,
 * bridge ports ...) make their rule never match; eng->unsupported counts
 * them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eng.h"

/* ---- small helpers ---- */

static struct sch_menu *
menu(const char *path)
{
	struct sch_node *n = sch_lookup(path);

	return n ? sch_menu_of(n) : NULL;
}

static const char *
get(const struct sch_menu *m, const struct cfg_item *it, const char *prop)
{
	return cfg_get(m, it, prop);
}

static const struct sch_val *
val(const struct sch_menu *m, const struct cfg_item *it, const char *prop)
{
	int i = sch_prop_find(m, prop);

	return i >= 0 && it->v[i].text ? &it->v[i] : NULL;
}

/* strtok_r without POSIX: the next comma-separated token of *s, or NULL */
static char *
next_tok(char **s)
{
	char *t = *s, *c;

	if (t == NULL || *t == '\0')
		return NULL;
	c = strchr(t, ',');
	if (c) {
		*c = '\0';
		*s = c + 1;
	} else
		*s = t + strlen(t);
	return t;
}

static bool
is_yes(const char *s)
{
	return s && (!strcmp(s, "yes") || !strcmp(s, "true"));
}

uint32_t
eng_mark(struct eng *e, const char *name)
{
	size_t i;

	if (name == NULL || *name == '\0' || !strcmp(name, "no-mark"))
		return 0;
	for (i = 0; i < e->nmarks; i++)
		if (!strcmp(e->marks[i], name))
			return (uint32_t)i + 1;
	e->marks = xrealloc(e->marks, (e->nmarks + 1) * sizeof(*e->marks));
	e->marks[e->nmarks++] = xstrdup(name);
	return (uint32_t)e->nmarks;
}

const char *
eng_mark_name(const struct eng *e, uint32_t id)
{
	return id && id <= e->nmarks ? e->marks[id - 1] : NULL;
}

int
eng_if_index(const struct eng *e, const char *name)
{
	int i;

	if (name == NULL)
		return -1;
	for (i = 0; i < e->nif; i++)
		if (!strcmp(e->ifs[i].name, name))
			return i;
	return -1;
}

static int
list_index(struct eng *e, const char *name, bool create)
{
	int i;

	for (i = 0; i < e->nlists; i++)
		if (!strcmp(e->lists[i], name))
			return i;
	if (!create || e->nlists == ENG_MAX_LISTS)
		return -1;
	e->lists[e->nlists] = xstrdup(name);
	return e->nlists++;
}

/* the interface that holds ip as its own address, or -1 */
int
eng_addr_if(const struct eng *e, uint32_t ip)
{
	int i, k;

	for (i = 0; i < e->nif; i++)
		for (k = 0; k < e->ifs[i].naddr; k++)
			if (e->ifs[i].addr[k] == ip)
				return i;
	return -1;
}

bool
eng_is_local(const struct eng *e, uint32_t ip)
{
	return eng_addr_if(e, ip) >= 0;
}

/* ---- address lists ---- */

int
eng_alist_index(struct eng *e, const char *name, bool create)
{
	size_t i;

	for (i = 0; i < e->nal; i++)
		if (!strcmp(e->al[i].name, name))
			return (int)i;
	if (!create)
		return -1;
	e->al = xrealloc(e->al, (e->nal + 1) * sizeof(*e->al));
	memset(&e->al[e->nal], 0, sizeof(*e->al));
	e->al[e->nal].name = xstrdup(name);
	return (int)e->nal++;
}

static void
al_push(struct eng_alist *l, uint32_t lo, uint32_t hi)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->lo = xrealloc(l->lo, l->cap * sizeof(*l->lo));
		l->hi = xrealloc(l->hi, l->cap * sizeof(*l->hi));
	}
	l->lo[l->n] = lo;
	l->hi[l->n] = hi;
	l->n++;
}

static int
range_cmp(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* sorts and merges the ranges so lookups are a binary search */
static void
al_finish(struct eng_alist *l)
{
	uint32_t *v = xcalloc(l->n * 2 + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < l->n; i++) {
		v[2 * i] = l->lo[i];
		v[2 * i + 1] = l->hi[i];
	}
	qsort(v, l->n, 2 * sizeof(*v), range_cmp);
	for (i = 0; i < l->n; i++) {
		if (k && v[2 * i] <= l->hi[k - 1] + 1 && l->hi[k - 1] != 0xffffffffu) {
			if (v[2 * i + 1] > l->hi[k - 1])
				l->hi[k - 1] = v[2 * i + 1];
			continue;
		}
		l->lo[k] = v[2 * i];
		l->hi[k] = v[2 * i + 1];
		k++;
	}
	l->n = k;
	free(v);
}

bool
eng_alist_has(const struct eng *e, int al, uint32_t ip)
{
	const struct eng_alist *l;
	size_t a = 0, b;

	if (al < 0 || (size_t)al >= e->nal)
		return false;
	l = &e->al[al];
	b = l->n;
	while (a < b) {
		size_t mid = (a + b) / 2;

		if (ip < l->lo[mid])
			b = mid;
		else if (ip > l->hi[mid])
			a = mid + 1;
		else
			return true;
	}
	return false;
}

/*
 * add-src/dst-to-address-list: a dynamic entry in the configuration (so
 * print shows it) and in the compiled list.
 */
void
eng_alist_add(struct eng *e, int al, uint32_t ip, int64_t now,
    int64_t timeout)
{
	struct sch_menu *m = menu("/ip/firewall/address-list");
	struct cfg_item *it;
	struct strbuf sb = STRBUF_INIT;

	if (al < 0 || eng_alist_has(e, al, ip))
		return;
	al_push(&e->al[al], ip, ip);
	al_finish(&e->al[al]);
	if (m == NULL)
		return;
	it = cfg_item_new(m);
	sch_ip4_print(ip, &sb);
	cfg_set_text(m, it, "list", e->al[al].name);
	cfg_set_text(m, it, "address", sb_str(&sb));
	if (timeout > 0) {
		sb_reset(&sb);
		sch_time_print(timeout, &sb);
		cfg_set_text(m, it, "timeout", sb_str(&sb));
	}
	sb_fini(&sb);
	it->flags |= CI_DYNAMIC;
	it->created = now;
	cfg_insert(e->cfg, m, it, (size_t)-1);
}

/* ---- interfaces ---- */

static void
build_ifs(struct eng *e)
{
	struct sch_menu *m = menu("/interface"), *lm, *mm, *am;
	struct cfg_row *rows = NULL;
	size_t n = m ? cfg_rows(e->cfg, m, &rows) : 0, i;
	static const char *const builtin[] = { "all", "none", "dynamic",
	    "static" };

	e->ifs = xcalloc(n + 1, sizeof(*e->ifs));
	for (i = 0; i < n; i++) {
		const char *nm = get(rows[i].m, rows[i].it, "name");
		const struct sch_val *mac = val(rows[i].m, rows[i].it,
		    "mac-address");
		struct eng_if *f;

		if (nm == NULL || eng_if_index(e, nm) >= 0)
			continue;
		f = &e->ifs[e->nif++];
		f->name = xstrdup(nm);
		f->running = !is_yes(get(rows[i].m, rows[i].it, "disabled"));
		if (e->world && eng_world_linkdown(e->world, f->name))
			f->running = false;	/* /emulator link: cable out */
		if (mac)
			memcpy(f->mac, mac->u.mac, 6);
		else {	/* as print shows unset MACs: 52:54:00:12:34:56 + i */
			static const uint8_t base[6] = { 0x52, 0x54, 0, 0x12,
			    0x34, 0x56 };

			memcpy(f->mac, base, 6);
			f->mac[5] = (uint8_t)(base[5] + e->nif - 1);
		}
	}
	free(rows);
	for (i = 0; i < NELEM(builtin); i++)
		list_index(e, builtin[i], true);
	for (i = 0; i < (size_t)e->nif; i++)
		e->ifs[i].lists |= 1u;		/* "all" */
	if ((lm = menu("/interface/list")) != NULL) {
		struct cfg_list *l = cfg_list(e->cfg, lm);

		for (i = 0; i < l->n; i++) {
			const char *nm = get(lm, l->items[i], "name");

			if (nm && !(l->items[i]->flags & CI_DEAD))
				list_index(e, nm, true);
		}
	}
	if ((mm = menu("/interface/list/member")) != NULL) {
		struct cfg_list *l = cfg_list(e->cfg, mm);

		for (i = 0; i < l->n; i++) {
			const struct cfg_item *it = l->items[i];
			int li, fi;

			if (cfg_item_off(mm, it))
				continue;
			li = list_index(e, get(mm, it, "list") ?
			    get(mm, it, "list") : "", false);
			fi = eng_if_index(e, get(mm, it, "interface"));
			if (li >= 0 && fi >= 0)
				e->ifs[fi].lists |= (uint64_t)1 << li;
		}
	}
	if ((am = menu("/ip/address")) != NULL) {
		struct cfg_list *l = cfg_list(e->cfg, am);

		for (i = 0; i < l->n; i++) {
			const struct cfg_item *it = l->items[i];
			const struct sch_val *a = val(am, it, "address");
			int fi = eng_if_index(e, get(am, it, "interface"));
			struct eng_if *f;

			if (cfg_item_off(am, it) || a == NULL || fi < 0)
				continue;
			f = &e->ifs[fi];
			if (f->naddr == ENG_MAX_ADDRS)
				continue;
			/* vt_addr keeps the host address in lo, len in plen */
			f->addr[f->naddr] = a->u.ip4.lo;
			f->plen[f->naddr++] = a->u.ip4.plen;
		}
	}
}

static void
build_alists(struct eng *e)
{
	struct sch_menu *m = menu("/ip/firewall/address-list");
	struct cfg_list *l;
	size_t i;
	int li;

	if (m == NULL)
		return;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const struct sch_val *a = val(m, it, "address");
		const char *ln = get(m, it, "list");

		if (cfg_item_off(m, it) || a == NULL || ln == NULL ||
		    a->u.ip4.plen == 255)
			continue;	/* DNS names: no resolver here */
		li = eng_alist_index(e, ln, true);	/* may move e->al */
		al_push(&e->al[li], a->u.ip4.lo, a->u.ip4.hi);
	}
	for (i = 0; i < e->nal; i++)
		al_finish(&e->al[i]);
}

/* ---- IPv6 ---- */

/* "2001:db8::/32" (no slash: /128): 0, or -1 */
static int
prefix6(const char *t, uint8_t a[16], uint8_t *plen)
{
	char buf[64], *sl;
	long pl = 128;

	if (t == NULL || strlen(t) >= sizeof(buf))
		return -1;
	strcpy(buf, t);
	if ((sl = strchr(buf, '/')) != NULL) {
		*sl = '\0';
		pl = strtol(sl + 1, NULL, 10);
		if (pl < 0 || pl > 128)
			return -1;
	}
	*plen = (uint8_t)pl;
	return sch_ip6_parse(buf, a);
}

bool
eng_prefix6_has(const uint8_t *net, unsigned plen, const uint8_t *a)
{
	unsigned full = plen / 8, rest = plen % 8;

	if (memcmp(net, a, full) != 0)
		return false;
	return rest == 0 ||
	    ((net[full] ^ a[full]) & (uint8_t)(0xff << (8 - rest))) == 0;
}

static int
alist6_index(struct eng *e, const char *name, bool create)
{
	size_t i;

	for (i = 0; i < e->nal6; i++)
		if (!strcmp(e->al6[i].name, name))
			return (int)i;
	if (!create)
		return -1;
	e->al6 = xrealloc(e->al6, (e->nal6 + 1) * sizeof(*e->al6));
	memset(&e->al6[e->nal6], 0, sizeof(e->al6[0]));
	e->al6[e->nal6].name = xstrdup(name);
	return (int)e->nal6++;
}

/* /ipv6 firewall address-list: prefixes per list (a linear search) */
static void
build_alists6(struct eng *e)
{
	struct sch_menu *m = menu("/ipv6/firewall/address-list");
	struct cfg_list *l;
	size_t i;

	if (m == NULL)
		return;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *ln = get(m, it, "list");
		struct eng_alist6 *al;
		uint8_t a[16], plen;
		int li;

		if (cfg_item_off(m, it) || ln == NULL ||
		    prefix6(get(m, it, "address"), a, &plen) < 0)
			continue;
		li = alist6_index(e, ln, true);	/* may move e->al6 */
		al = &e->al6[li];
		xgrow((void **)&al->v, &al->cap, al->n + 1, sizeof(*al->v));
		memcpy(al->v[al->n].a, a, 16);
		al->v[al->n++].plen = plen;
	}
}

static bool
alist6_has(const struct eng *e, uint32_t li, const uint8_t *a)
{
	const struct eng_alist6 *al;
	size_t i;

	if (li >= e->nal6)
		return false;
	al = &e->al6[li];
	for (i = 0; i < al->n; i++)
		if (eng_prefix6_has(al->v[i].a, al->v[i].plen, a))
			return true;
	return false;
}

/* ---- matchers ---- */

static int
proto_num(const char *s)
{
	static const struct { const char *n; int v; } p[] = {
		{ "icmp", 1 }, { "igmp", 2 }, { "tcp", 6 }, { "udp", 17 },
		{ "gre", 47 }, { "ipsec-esp", 50 }, { "ipsec-ah", 51 },
		{ "icmpv6", 58 }, { "ospf", 89 }, { "udp-lite", 136 },
		{ "sctp", 132 }, { "dccp", 33 }, { "l2tp", 115 },
		{ "vrrp", 112 }, { "ipip", 4 }, { "pim", 103 },
	};
	size_t i;

	for (i = 0; i < NELEM(p); i++)
		if (!strcmp(p[i].n, s))
			return p[i].v;
	return atoi(s);
}

static int
port_num(const char *s)
{
	static const struct { const char *n; int v; } p[] = {
		{ "ftp", 21 }, { "ssh", 22 }, { "telnet", 23 }, { "smtp", 25 },
		{ "dns", 53 }, { "domain", 53 }, { "http", 80 }, { "www", 80 },
		{ "pop3", 110 }, { "ntp", 123 }, { "imap", 143 },
		{ "snmp", 161 }, { "https", 443 }, { "winbox", 8291 },
		{ "sip", 5060 }, { "bootps", 67 }, { "bootpc", 68 },
	};
	size_t i;

	for (i = 0; i < NELEM(p); i++)
		if (!strcmp(p[i].n, s))
			return p[i].v;
	return atoi(s);
}

static void
parse_ports(struct eng_match *m, const char *s)
{
	char *t = xstrdup(s), *save = t, *tok;

	while ((tok = next_tok(&save)) != NULL) {
		char *dash = strchr(tok, '-');
		int lo, hi;

		if (dash) {
			*dash = '\0';
			lo = port_num(tok);
			hi = port_num(dash + 1);
		} else
			lo = hi = port_num(tok);
		m->ports = xrealloc(m->ports, (m->nports + 1) *
		    sizeof(*m->ports));
		m->ports[m->nports].lo = (uint16_t)lo;
		m->ports[m->nports++].hi = (uint16_t)hi;
	}
	free(t);
}

static uint32_t
word_mask(const char *s, const char *const *words, size_t n)
{
	char *t = xstrdup(s), *save = t, *tok;
	uint32_t mask = 0;
	size_t i;

	while ((tok = next_tok(&save)) != NULL)
		for (i = 0; i < n; i++)
			if (!strcmp(tok, words[i]))
				mask |= 1u << i;
	free(t);
	return mask;
}

static const char *const ct_states[] = { "new", "established", "related",
    "invalid", "untracked" };
static const char *const atypes[] = { "unicast", "local", "broadcast",
    "multicast", "blackhole", "unreachable", "prohibit" };

/*
 * Properties of a rule that are not matchers (actions and their
 * parameters, bookkeeping); every other set property is a matcher.
 */
static bool
not_matcher(const char *p)
{
	static const char *const v[] = { "chain", "action", "jump-target",
	    "new-packet-mark", "new-connection-mark", "new-routing-mark",
	    "new-mss", "new-dscp", "new-priority", "new-ttl", "passthrough",
	    "sniff-target", "sniff-target-port", "sniff-id", "route-dst",
	    "to-addresses", "to-ports", "same-not-by-dst", "randomise-ports",
	    "address-list", "address-list-timeout", "log", "log-prefix",
	    "comment", "disabled", "reject-with", "hw-offload" };
	size_t i;

	for (i = 0; i < NELEM(v); i++)
		if (!strcmp(p, v[i]))
			return true;
	return false;
}

/* "N" or "N-M" (decimal, up to 64 bits) into lo..hi; -1 when not */
static int
num_range(const char *t, uint64_t *lo, uint64_t *hi)
{
	char *end;

	if (*t < '0' || *t > '9')
		return -1;
	*lo = *hi = strtoull(t, &end, 10);
	if (*end == '-') {
		t = end + 1;
		if (*t < '0' || *t > '9')
			return -1;
		*hi = strtoull(t, &end, 10);
	}
	return *end == '\0' && *lo <= *hi ? 0 : -1;
}

/*
 * The matchers of routeros-engine.md §2.3 beyond the basic ones; false
 * when n is not one of them or its value t is not understood.
 */
static bool
add_match_more(struct eng *e, struct eng_rule *r, int ti, const char *n,
    const char *t, struct eng_match *m)
{
	uint64_t lo, hi;

	if (!strcmp(n, "limit") || !strcmp(n, "dst-limit") ||
	    !strcmp(n, "connection-limit")) {
		m->kind = n[0] == 'l' ? M_LIMIT : n[0] == 'd' ? M_DST_LIMIT :
		    M_CONN_LIMIT;
		m->st = fw_state_get(e, (int)m->kind, ti, r->item->id, t);
		return m->st != NULL;
	}
	if (!strcmp(n, "layer7-protocol")) {
		/* ROS: a rule naming no protocol never matches */
		m->kind = M_L7;
		m->st = fw_l7_get(e, t);
		return true;
	}
	if (!strcmp(n, "content")) {
		m->kind = M_CONTENT;
		m->str_len = strlen(t);
		m->str = xstrdup(t);
		return true;
	}
	if (!strcmp(n, "ttl")) {
		/* equal:N, not-equal:N, less-than:N, greater-than:N */
		static const char *const ops[] = { "equal", "not-equal",
		    "less-than", "greater-than" };
		const char *c = strchr(t, ':');
		size_t i;

		if (c == NULL || num_range(c + 1, &lo, &hi) < 0 || lo != hi ||
		    lo > 255)
			return false;
		for (i = 0; i < NELEM(ops); i++)
			if (strlen(ops[i]) == (size_t)(c - t) &&
			    !strncmp(t, ops[i], (size_t)(c - t))) {
				m->kind = M_TTL;
				m->a = (uint32_t)i;
				m->b = (uint32_t)lo;
				return true;
			}
		return false;
	}
	if (!strcmp(n, "icmp-options")) {
		/* type[:code[-code]] */
		char *end;
		unsigned long type = strtoul(t, &end, 10);

		if (end == t || type > 255)
			return false;
		lo = 0;
		hi = 255;
		if (*end == ':' && num_range(end + 1, &lo, &hi) < 0)
			return false;
		if ((*end != ':' && *end != '\0') || hi > 255)
			return false;
		m->kind = M_ICMP;
		m->a = (uint32_t)type;
		m->b = (uint32_t)(lo << 8 | hi);
		return true;
	}
	if (!strcmp(n, "dscp")) {
		if (num_range(t, &lo, &hi) < 0 || lo != hi || lo > 63)
			return false;
		m->kind = M_DSCP;
		m->a = (uint32_t)lo;
		return true;
	}
	if (!strcmp(n, "tcp-mss")) {
		if (num_range(t, &lo, &hi) < 0 || hi > 65535)
			return false;
		m->kind = M_TCP_MSS;
		m->a = (uint32_t)lo;
		m->b = (uint32_t)hi;
		return true;
	}
	if (!strcmp(n, "connection-bytes")) {
		/* ROS: from-to bytes of the connection, to=0: no upper bound */
		const char *d = strchr(t, '-');
		char *end;

		if (d == NULL || *t < '0' || *t > '9' || d[1] < '0' ||
		    d[1] > '9')
			return false;
		lo = strtoull(t, &end, 10);
		if (end != d)
			return false;
		hi = strtoull(d + 1, &end, 10);
		if (*end != '\0')
			return false;
		m->kind = M_CONN_BYTES;
		m->lo = lo;
		m->hi = hi ? hi : UINT64_MAX;
		return lo <= m->hi;
	}
	return false;
}

static void
add_match(struct eng *e, struct eng_rule *r, int ti,
    const struct sch_prop *pr, const struct sch_val *v)
{
	struct eng_match m;
	const char *t = v->text, *n = pr->name;

	memset(&m, 0, sizeof(m));
	m.neg = v->neg;
	m.prop = n;
	if (ti >= T6_RAW) {
		/*
		 * /ipv6 firewall (its menus keep values as text): the IPv6
		 * address matchers here; the family-free ones below; those
		 * that read IPv4 fields (PCC, address types, connection-limit,
		 * dst-limit, ttl, dscp ...) are not emulated for IPv6
		 */
		static const char *const same[] = { "protocol", "src-port",
		    "dst-port", "port", "in-interface", "out-interface",
		    "in-interface-list", "out-interface-list",
		    "connection-state", "connection-mark", "packet-mark",
		    "routing-mark", "tcp-flags", "packet-size", "nth",
		    "random", "limit", "content", "connection-bytes" };
		size_t k;

		if (t && t[0] == '!') {
			m.neg = !m.neg;
			t++;
		}
		if (!strcmp(n, "src-address") || !strcmp(n, "dst-address")) {
			uint8_t pl;

			m.kind = n[0] == 's' ? M_SRC6 : M_DST6;
			if (prefix6(t, m.a6, &pl) < 0)
				m.kind = M_UNSUPPORTED;
			m.a = pl;
			goto done;
		}
		if (!strcmp(n, "src-address-list") ||
		    !strcmp(n, "dst-address-list")) {
			m.kind = n[0] == 's' ? M_SRC_AL6 : M_DST_AL6;
			m.a = (uint32_t)alist6_index(e, t, true);
			goto done;
		}
		for (k = 0; k < NELEM(same) && strcmp(n, same[k]); k++)
			;
		if (k == NELEM(same)) {
			m.kind = M_UNSUPPORTED;
			e->unsupported++;
			goto done;
		}
		if (!strcmp(n, "protocol") && !strcmp(t, "icmpv6"))
			t = "58";
	}
	if (!strcmp(n, "src-address") || !strcmp(n, "dst-address")) {
		m.kind = n[0] == 's' ? M_SRC_ADDR : M_DST_ADDR;
		m.a = v->u.ip4.lo;
		m.b = v->u.ip4.hi;
	} else if (!strcmp(n, "src-address-list") ||
	    !strcmp(n, "dst-address-list")) {
		m.kind = n[0] == 's' ? M_SRC_AL : M_DST_AL;
		m.a = (uint32_t)eng_alist_index(e, t, true);
	} else if (!strcmp(n, "protocol")) {
		m.kind = M_PROTO;
		m.a = (uint32_t)proto_num(t);
	} else if (!strcmp(n, "src-port") || !strcmp(n, "dst-port") ||
	    !strcmp(n, "port")) {
		m.kind = !strcmp(n, "port") ? M_PORT : n[0] == 's' ? M_SPORT :
		    M_DPORT;
		parse_ports(&m, t);
	} else if (!strcmp(n, "in-interface") || !strcmp(n, "out-interface")) {
		m.kind = n[0] == 'i' ? M_IN_IF : M_OUT_IF;
		m.a = (uint32_t)eng_if_index(e, t);
	} else if (!strcmp(n, "in-interface-list") ||
	    !strcmp(n, "out-interface-list")) {
		m.kind = n[0] == 'i' ? M_IN_IFL : M_OUT_IFL;
		m.a = (uint32_t)list_index(e, t, false);
	} else if (!strcmp(n, "connection-state")) {
		m.kind = M_CT_STATE;
		m.a = word_mask(t, ct_states, NELEM(ct_states));
	} else if (!strcmp(n, "connection-nat-state")) {
		static const char *const ns[] = { "srcnat", "dstnat" };

		m.kind = M_CT_NAT;
		m.a = word_mask(t, ns, 2);
	} else if (!strcmp(n, "connection-mark") || !strcmp(n, "packet-mark")
	    || !strcmp(n, "routing-mark")) {
		m.kind = n[0] == 'c' ? M_CONN_MARK : n[0] == 'p' ? M_PKT_MARK :
		    M_ROUTE_MARK;
		m.a = eng_mark(e, t);	/* no-mark -> 0 */
	} else if (!strcmp(n, "src-address-type") ||
	    !strcmp(n, "dst-address-type")) {
		m.kind = n[0] == 's' ? M_SRC_ATYPE : M_DST_ATYPE;
		m.a = word_mask(t, atypes, NELEM(atypes));
	} else if (!strcmp(n, "per-connection-classifier")) {
		m.kind = M_PCC;
		if (pcc_parse(t, &m.pcc) < 0)
			m.kind = M_UNSUPPORTED;
	} else if (!strcmp(n, "nth")) {
		/* ROS v6+: nth=every,packet (v2.9 had a counter index too) */
		unsigned every = 0, which = 0;

		m.kind = M_NTH;
		if (sscanf(t, "%u,%u", &every, &which) < 2 || every == 0 ||
		    which == 0 || which > every)
			m.kind = M_UNSUPPORTED;
		m.a = every;
		m.b = which;
		/* the count survives recompiles while rule and value stay */
		if (m.kind == M_NTH && (m.st = fw_state_get(e, M_NTH, ti,
		    r->item->id, t)) == NULL)
			m.kind = M_UNSUPPORTED;
	} else if (!strcmp(n, "tcp-flags")) {
		static const char *const fl[] = { "fin", "syn", "rst", "psh",
		    "ack", "urg" };
		char *s = xstrdup(t), *save = s, *tok;
		size_t i;

		m.kind = M_TCP_FLAGS;
		while ((tok = next_tok(&save)) != NULL) {
			bool no = tok[0] == '!';

			for (i = 0; i < NELEM(fl); i++)
				if (!strcmp(tok + no, fl[i]))
					*(no ? &m.b : &m.a) |= 1u << i;
		}
		free(s);
	} else if (!strcmp(n, "packet-size")) {
		unsigned lo = 0, hi = 0;
		int k = sscanf(t, "%u-%u", &lo, &hi);

		m.kind = M_PKT_SIZE;
		m.a = lo;
		m.b = k == 2 ? hi : lo;
	} else if (!strcmp(n, "random")) {
		m.kind = M_RANDOM;
		/* typed menus parse it; /ipv6's keep the text */
		m.a = ti >= T6_RAW ? (uint32_t)strtoul(t, NULL, 10) :
		    (uint32_t)v->u.num;
	} else if (!strcmp(n, "fragment")) {
		m.kind = M_FRAGMENT;
		m.a = is_yes(t);
	} else if (!strcmp(n, "src-mac-address")) {
		m.kind = M_SRC_MAC;
		m.a = eng_get4(v->u.mac);
		m.b = (uint32_t)v->u.mac[4] << 8 | v->u.mac[5];
	} else if (!add_match_more(e, r, ti, n, t, &m))
		m.kind = M_UNSUPPORTED;
	if (m.kind == M_UNSUPPORTED)
		e->unsupported++;
done:
	r->m = xrealloc(r->m, (r->nm + 1) * sizeof(*r->m));
	r->m[r->nm++] = m;
}

/*
 * ROS (Firewall "Matchers", [CFM] in routeros-engine.md §2.1): matchers
 * run in a fixed order whatever the order they were written in, and the
 * stateful ones (connection-limit, layer7, random, nth, PCC, limit,
 * dst-limit) come late, so they only see (count, fill buckets with) the
 * packets every other matcher of the rule let through.  Unsupported
 * matchers go first: such a rule stops before touching any state.
 */
static int
match_rank(enum m_kind k)
{
	static const enum m_kind order[] = {
		M_UNSUPPORTED, M_SRC_MAC, M_IN_IF, M_OUT_IF, M_IN_IFL,
		M_OUT_IFL, M_PROTO, M_FRAGMENT, M_SRC_ADDR, M_DST_ADDR,
		M_SRC6, M_DST6, M_SRC_ATYPE, M_DST_ATYPE, M_SRC_AL, M_DST_AL,
		M_SRC_AL6, M_DST_AL6, M_TTL, M_DSCP,
		M_PKT_SIZE, M_DPORT, M_SPORT, M_PORT, M_TCP_FLAGS, M_TCP_MSS,
		M_ICMP, M_PKT_MARK, M_ROUTE_MARK, M_CONN_MARK, M_CT_STATE,
		M_CT_NAT, M_CONN_BYTES, M_CONN_LIMIT, M_CONTENT, M_L7,
		M_RANDOM, M_NTH, M_PCC, M_LIMIT, M_DST_LIMIT,
	};
	size_t i;

	for (i = 0; i < NELEM(order); i++)
		if (order[i] == k)
			return (int)i;
	return (int)NELEM(order);
}

/* stable insertion sort by rank (a rule has a handful of matchers) */
static void
sort_matches(struct eng_rule *r)
{
	size_t i, j;

	for (i = 1; i < r->nm; i++) {
		struct eng_match m = r->m[i];
		int rk = match_rank(m.kind);

		for (j = i; j > 0 && match_rank(r->m[j - 1].kind) > rk; j--)
			r->m[j] = r->m[j - 1];
		r->m[j] = m;
	}
}

static int
chain_index(struct eng_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!strcmp(t->c[i].name, name))
			return (int)i;
	t->c = xrealloc(t->c, (t->n + 1) * sizeof(*t->c));
	memset(&t->c[t->n], 0, sizeof(*t->c));
	t->c[t->n].name = xstrdup(name);
	return (int)t->n++;
}

static enum r_action
action_of(const char *a)
{
	static const struct { const char *n; enum r_action v; } map[] = {
		{ "accept", RA_ACCEPT }, { "drop", RA_DROP },
		{ "reject", RA_REJECT }, { "tarpit", RA_DROP },
		{ "jump", RA_JUMP }, { "return", RA_RETURN },
		{ "passthrough", RA_PASSTHROUGH }, { "log", RA_LOG },
		{ "mark-connection", RA_MARK_CONN },
		{ "mark-packet", RA_MARK_PACKET },
		{ "mark-routing", RA_MARK_ROUTING },
		{ "add-src-to-address-list", RA_ADD_SRC_AL },
		{ "add-dst-to-address-list", RA_ADD_DST_AL },
		{ "fasttrack-connection", RA_FASTTRACK },
		{ "src-nat", RA_SRCNAT }, { "dst-nat", RA_DSTNAT },
		{ "masquerade", RA_MASQUERADE }, { "redirect", RA_REDIRECT },
		{ "netmap", RA_NETMAP }, { "notrack", RA_NOTRACK },
	};
	size_t i;

	for (i = 0; a && i < NELEM(map); i++)
		if (!strcmp(map[i].n, a))
			return map[i].v;
	return a ? RA_OTHER : RA_ACCEPT;
}

static void
build_table(struct eng *e, int ti, const char *path)
{
	struct sch_menu *m = menu(path);
	struct eng_table *t = &e->t[ti];
	struct cfg_list *l;
	size_t i, k;
	int ci;

	if (m == NULL)
		return;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n; i++) {
		struct cfg_item *it = l->items[i];
		const char *chain = get(m, it, "chain");
		struct eng_chain *c;
		struct eng_rule r;
		const struct sch_val *to;
		const char *s;

		if (cfg_item_off(m, it) || chain == NULL)
			continue;
		memset(&r, 0, sizeof(r));
		r.item = it;
		r.action = action_of(get(m, it, "action"));
		r.passthrough = !(s = get(m, it, "passthrough")) || is_yes(s);
		r.jump = -1;
		r.alist = -1;
		if (r.action == RA_JUMP && (s = get(m, it, "jump-target")))
			r.jump = chain_index(t, s);
		r.log = r.action == RA_LOG || is_yes(get(m, it, "log"));
		r.log_prefix = get(m, it, "log-prefix");
		if (r.action == RA_MARK_CONN)
			r.mark = eng_mark(e, get(m, it, "new-connection-mark"));
		else if (r.action == RA_MARK_PACKET)
			r.mark = eng_mark(e, get(m, it, "new-packet-mark"));
		else if (r.action == RA_MARK_ROUTING)
			r.mark = eng_mark(e, get(m, it, "new-routing-mark"));
		if ((s = get(m, it, "address-list")) != NULL)
			r.alist = eng_alist_index(e, s, true);
		if ((s = get(m, it, "address-list-timeout")) != NULL)
			sch_time_parse(s, &r.al_timeout);
		if ((to = val(m, it, "to-addresses")) != NULL) {
			r.to_lo = to->u.ip4.lo;
			r.to_hi = to->u.ip4.hi;
		}
		if ((s = get(m, it, "to-ports")) != NULL) {
			unsigned lo = 0, hi = 0;
			int n = sscanf(s, "%u-%u", &lo, &hi);

			r.to_port_lo = (uint16_t)lo;
			r.to_port_hi = (uint16_t)(n == 2 ? hi : lo);
		}
		for (k = 0; k < m->n_props; k++)
			if (it->v[k].text && !not_matcher(m->props[k].name))
				add_match(e, &r, ti, &m->props[k], &it->v[k]);
		sort_matches(&r);
		ci = chain_index(t, chain);	/* may move t->c */
		c = &t->c[ci];
		c->r = xrealloc(c->r, (c->n + 1) * sizeof(*c->r));
		c->r[c->n++] = r;
	}
}

void
eng_build_fw(struct eng *e)
{
	build_ifs(e);
	build_alists(e);
	fw_store_begin(e);
	build_table(e, T_RAW, "/ip/firewall/raw");
	build_table(e, T_MANGLE, "/ip/firewall/mangle");
	build_table(e, T_FILTER, "/ip/firewall/filter");
	build_table(e, T_NAT, "/ip/firewall/nat");
	build_alists6(e);
	build_table(e, T6_RAW, "/ipv6/firewall/raw");
	build_table(e, T6_MANGLE, "/ipv6/firewall/mangle");
	build_table(e, T6_FILTER, "/ipv6/firewall/filter");
	fw_store_end(e);
}

void
eng_free_fw(struct eng *e)
{
	size_t i, j, k;
	int f;

	for (f = 0; f < e->nif; f++)
		free(e->ifs[f].name);
	free(e->ifs);
	e->ifs = NULL;
	e->nif = 0;
	for (f = 0; f < e->nlists; f++)
		free(e->lists[f]);
	e->nlists = 0;
	for (i = 0; i < e->nal; i++) {
		free(e->al[i].name);
		free(e->al[i].lo);
		free(e->al[i].hi);
	}
	free(e->al);
	e->al = NULL;
	e->nal = 0;
	for (i = 0; i < e->nal6; i++) {
		free(e->al6[i].name);
		free(e->al6[i].v);
	}
	free(e->al6);
	e->al6 = NULL;
	e->nal6 = 0;
	for (i = 0; i < T_N; i++) {
		for (j = 0; j < e->t[i].n; j++) {
			struct eng_chain *c = &e->t[i].c[j];

			for (k = 0; k < c->n; k++) {
				size_t q;

				for (q = 0; q < c->r[k].nm; q++) {
					free(c->r[k].m[q].ports);
					free(c->r[k].m[q].str);
				}
				free(c->r[k].m);
			}
			free(c->r);
			free(c->name);
		}
		free(e->t[i].c);
		e->t[i].c = NULL;
		e->t[i].n = 0;
	}
	e->unsupported = 0;
}

/* ---- the chain walk ---- */

static uint32_t
addr_type(const struct eng *e, uint32_t ip)
{
	int i, k;

	if ((ip >> 28) == 0xe)
		return 1u << 3;			/* multicast */
	if (ip == 0xffffffffu)
		return 1u << 2;			/* broadcast */
	for (i = 0; i < e->nif; i++)
		for (k = 0; k < e->ifs[i].naddr; k++) {
			uint32_t a = e->ifs[i].addr[k];
			int pl = e->ifs[i].plen[k];
			uint32_t mask = pl ? 0xffffffffu << (32 - pl) : 0;

			if (a == ip)
				return (1u << 1) | 1u;	/* local (and unicast) */
			if (pl < 31 && (ip & mask) == (a & mask) &&
			    (ip | mask) == 0xffffffffu)
				return 1u << 2;		/* subnet broadcast */
		}
	return 1u;					/* unicast */
}

static bool
ports_has(const struct eng_match *m, uint16_t port)
{
	size_t i;

	for (i = 0; i < m->nports; i++)
		if (port >= m->ports[i].lo && port <= m->ports[i].hi)
			return true;
	return false;
}

/* the MSS option of a TCP packet, or -1 */
static int
tcp_mss(const struct pkt *p)
{
	const uint8_t *b = p->buf + p->l4off;
	size_t hl, i;

	if (p->proto != IPP_TCP || !p->has_l4 || p->l4off + 20 > p->len)
		return -1;
	hl = (size_t)(b[12] >> 4) * 4;	/* decode checked it fits */
	for (i = 20; i < hl;) {
		if (b[i] == 0)			/* end of options */
			break;
		if (b[i] == 1) {		/* NOP */
			i++;
			continue;
		}
		if (i + 1 >= hl || b[i + 1] < 2 || i + b[i + 1] > hl)
			break;
		if (b[i] == 2 && b[i + 1] == 4)
			return b[i + 2] << 8 | b[i + 3];
		i += b[i + 1];
	}
	return -1;
}

/* the matchers of add_match_more() */
static bool
match_more(struct eng *e, const struct eng_match *m, struct eng_ctx *x)
{
	const struct pkt *p = x->p;
	int v;

	switch (m->kind) {
	case M_TTL:
		switch (m->a) {
		case 0:
			return p->ttl == m->b;
		case 1:
			return p->ttl != m->b;
		case 2:
			return p->ttl < m->b;
		default:
			return p->ttl > m->b;
		}
	case M_ICMP:
		return p->proto == IPP_ICMP && p->has_l4 &&
		    p->icmp_type == m->a && p->icmp_code >= (m->b >> 8) &&
		    p->icmp_code <= (m->b & 0xff);
	case M_DSCP:
		return p->dscp == m->a;
	case M_SRC_MAC:
		/* ROS: only packets that came in on an interface have one */
		return x->in_if >= 0 && eng_get4(p->smac) == m->a &&
		    ((uint32_t)p->smac[4] << 8 | p->smac[5]) == m->b;
	case M_TCP_MSS:
		v = tcp_mss(p);
		return v >= 0 && (uint32_t)v >= m->a && (uint32_t)v <= m->b;
	case M_CONN_BYTES:
		if (x->conn == NULL)
			return false;
		return x->conn->orig_bytes + x->conn->repl_bytes >= m->lo &&
		    x->conn->orig_bytes + x->conn->repl_bytes <= m->hi;
	case M_CONTENT:
		return fw_content_match(m->str, m->str_len, p);
	case M_LIMIT:
		return fw_limit_match(m->st, p, x->now);
	case M_DST_LIMIT:
		switch (fw_dlimit_match(m->st, p, x->now)) {
		case 1:
			return true;
		case 0:
			return false;
		default:
			x->hotdrop = true;
			return false;
		}
	case M_CONN_LIMIT:
		return fw_climit_match(m->st, e->ct, x->conn, p, x->now);
	case M_L7:
		return m->st && fw_l7_match(m->st, e->ct, x->conn, p, x->now);
	case M_SRC6:
		return p->family == PF_IP6 && eng_prefix6_has(m->a6, m->a,
		    p->src6);
	case M_DST6:
		return p->family == PF_IP6 && eng_prefix6_has(m->a6, m->a,
		    p->dst6);
	case M_SRC_AL6:
		return p->family == PF_IP6 && alist6_has(e, m->a, p->src6);
	case M_DST_AL6:
		return p->family == PF_IP6 && alist6_has(e, m->a, p->dst6);
	default:
		return false;
	}
}

static bool
match_one(struct eng *e, const struct eng_match *m,
    struct eng_ctx *x)
{
	const struct pkt *p = x->p;
	bool l4 = p->has_l4 && (p->proto == 6 || p->proto == 17 ||
	    p->proto == 132 || p->proto == 33 || p->proto == 136);

	switch (m->kind) {
	case M_SRC_ADDR:
		return p->family == PF_IP4 && p->src4 >= m->a && p->src4 <= m->b;
	case M_DST_ADDR:
		return p->family == PF_IP4 && p->dst4 >= m->a && p->dst4 <= m->b;
	case M_SRC_AL:
		return eng_alist_has(e, (int)m->a, p->src4);
	case M_DST_AL:
		return eng_alist_has(e, (int)m->a, p->dst4);
	case M_PROTO:
		return p->proto == m->a;
	case M_SPORT:
		return l4 && ports_has(m, p->sport);
	case M_DPORT:
		return l4 && ports_has(m, p->dport);
	case M_PORT:
		return l4 && (ports_has(m, p->sport) || ports_has(m, p->dport));
	case M_IN_IF:
		return x->in_if >= 0 && (uint32_t)x->in_if == m->a;
	case M_OUT_IF:
		return x->out_if >= 0 && (uint32_t)x->out_if == m->a;
	case M_IN_IFL:
		return x->in_if >= 0 && m->a < 64 &&
		    (e->ifs[x->in_if].lists >> m->a & 1);
	case M_OUT_IFL:
		return x->out_if >= 0 && m->a < 64 &&
		    (e->ifs[x->out_if].lists >> m->a & 1);
	case M_CT_STATE:
		return (m->a >> x->state) & 1;
	case M_CT_NAT:
		return x->conn && (((m->a & 1) && x->conn->srcnat) ||
		    ((m->a & 2) && x->conn->dstnat));
	case M_CONN_MARK:
		return (x->conn ? x->conn->conn_mark : 0) == m->a;
	case M_PKT_MARK:
		return x->packet_mark == m->a;
	case M_ROUTE_MARK:
		return x->routing_mark == m->a;
	case M_SRC_ATYPE:
		return (addr_type(e, p->src4) & m->a) != 0;
	case M_DST_ATYPE:
		return (addr_type(e, p->dst4) & m->a) != 0;
	case M_PCC:
		/*
		 * the '!' is in m->neg (the value's text has none).  ROS
		 * (reference §8): ports needed but unreadable (a later
		 * fragment) drop the packet ("hotdrop").
		 */
		switch (pcc_eval(&m->pcc, p, e->pcc_seed)) {
		case 1:
			return true;
		case 0:
			return false;
		default:
			x->hotdrop = true;
			return false;
		}
	case M_NTH:
		/* ROS: counts the packets that reach the matcher */
		return (fw_nth_next(m->st) % m->a) == m->b - 1;
	case M_TCP_FLAGS:
		return p->proto == 6 && p->has_l4 &&
		    (p->tcp_flags & m->a) == m->a && !(p->tcp_flags & m->b);
	case M_PKT_SIZE:
		return p->ip_len >= m->a && p->ip_len <= m->b;
	case M_RANDOM:
		e->rng = e->rng * 6364136223846793005ULL + 1442695040888963407ULL;
		return (uint32_t)(e->rng >> 33) % 100 < m->a;
	case M_FRAGMENT:
		return p->frag == (m->a != 0);
	default:
		return match_more(e, m, x);
	}
}

static bool
rule_matches(struct eng *e, struct eng_rule *r, struct eng_ctx *x)
{
	size_t i;

	for (i = 0; i < r->nm; i++) {
		const struct eng_match *m = &r->m[i];
		bool ok;

		if (m->kind == M_UNSUPPORTED)
			return false;
		ok = match_one(e, m, x);
		if (m->neg)
			ok = !ok;
		if (!ok)
			return false;
	}
	return true;
}

/* a drop; the first packet of a connection takes it along (fwmatch.c) */
static enum verdict
refuse(struct eng *e, const struct eng_ctx *x)
{
	if (x->conn && x->dir == 0 && x->conn->orig_packets == 1 &&
	    x->conn->repl_packets == 0 && e->fwst)
		fw_conn_refused(e, x->conn);
	return V_DROP;
}

/*
 * The firewall's log line, as RouterOS writes it (topics firewall,info):
 * "PREFIX forward: in:ether5 out:ether1, connection-state:new src-mac
 * 02:00:00:00:00:01, proto TCP (SYN), 10.0.25.2:40000->198.51.100.9:443,
 * len 60"
 */
static void
log_packet(struct eng *e, const char *chain, const struct eng_rule *r,
    const struct eng_ctx *x)
{
	static const char *const states[] = { "new", "established",
	    "related", "invalid", "untracked" };
	const struct pkt *p = x->p;
	struct strbuf sb = STRBUF_INIT;
	char a[48], b[48];

	if (r->log_prefix && *r->log_prefix)
		sb_addf(&sb, "%s ", r->log_prefix);
	sb_addf(&sb, "%s: in:%s out:%s, ", chain, x->in_if >= 0 ?
	    e->ifs[x->in_if].name : "(unknown 0)", x->out_if >= 0 ?
	    e->ifs[x->out_if].name : "(unknown 0)");
	if (x->conn && (unsigned)x->state < NELEM(states))
		sb_addf(&sb, "connection-state:%s ", states[x->state]);
	sb_addf(&sb, "src-mac %02x:%02x:%02x:%02x:%02x:%02x, ", p->smac[0],
	    p->smac[1], p->smac[2], p->smac[3], p->smac[4], p->smac[5]);
	if (p->family == PF_IP6) {	/* ROS: [addr]:port */
		struct strbuf t = STRBUF_INIT;

		sch_ip6_print(p->src6, &t);
		snprintf(a, sizeof(a), "%s", sb_str(&t));
		sb_reset(&t);
		sch_ip6_print(p->dst6, &t);
		snprintf(b, sizeof(b), "%s", sb_str(&t));
		sb_fini(&t);
	} else {
		snprintf(a, sizeof(a), "%u.%u.%u.%u", p->src4 >> 24,
		    (p->src4 >> 16) & 255, (p->src4 >> 8) & 255,
		    p->src4 & 255);
		snprintf(b, sizeof(b), "%u.%u.%u.%u", p->dst4 >> 24,
		    (p->dst4 >> 16) & 255, (p->dst4 >> 8) & 255,
		    p->dst4 & 255);
	}
	if (p->family == PF_IP6 && (p->proto == IPP_TCP ||
	    p->proto == IPP_UDP)) {
		size_t la = strlen(a), lb = strlen(b);

		/* an IPv6 address has at most 39 characters: room for [] */
		memmove(a + 1, a, la + 1);
		a[0] = '[';
		memcpy(a + la + 1, "]", 2);
		memmove(b + 1, b, lb + 1);
		b[0] = '[';
		memcpy(b + lb + 1, "]", 2);
	}
	if (p->proto == IPP_TCP) {
		static const struct { uint8_t bit; const char *n; } fl[] = {
			{ 0x02, "SYN" }, { 0x10, "ACK" }, { 0x01, "FIN" },
			{ 0x08, "PSH" }, { 0x04, "RST" }, { 0x20, "URG" },
		};
		size_t k;
		bool first = true;

		sb_add(&sb, "proto TCP (");
		for (k = 0; k < NELEM(fl); k++)
			if (p->tcp_flags & fl[k].bit) {
				sb_addf(&sb, "%s%s", first ? "" : ",", fl[k].n);
				first = false;
			}
		sb_addf(&sb, "), %s:%u->%s:%u", a, p->sport, b, p->dport);
	} else if (p->proto == IPP_UDP)
		sb_addf(&sb, "proto UDP, %s:%u->%s:%u", a, p->sport, b,
		    p->dport);
	else if (p->proto == IPP_ICMP || p->proto == IPP_ICMP6)
		sb_addf(&sb, "proto %s (type %u, code %u), %s->%s",
		    p->proto == IPP_ICMP ? "ICMP" : "ICMPv6", p->icmp_type,
		    p->icmp_code, a, b);
	else
		sb_addf(&sb, "proto %u, %s->%s", p->proto, a, b);
	sb_addf(&sb, ", len %u", p->ip_len);
	e->log(e->log_arg, sb_str(&sb));
	sb_fini(&sb);
}

enum verdict
eng_chain_run(struct eng *e, int ti, const char *chain, struct eng_ctx *x,
    const struct eng_rule **nat_rule)
{
	struct eng_table *t = &e->t[ti];
	struct { int c; size_t i; } stack[16];
	int sp = 0, c = -1;
	size_t i = 0, k;

	for (k = 0; k < t->n; k++)
		if (!strcmp(t->c[k].name, chain))
			c = (int)k;
	if (c < 0)
		return V_ACCEPT;
	for (;;) {
		struct eng_chain *ch = &t->c[c];
		struct eng_rule *r;

		if (i >= ch->n) {
			if (sp == 0)
				return V_ACCEPT;	/* built-in chain: accept */
			sp--;
			c = stack[sp].c;
			i = stack[sp].i;
			continue;
		}
		r = &ch->r[i++];
		if (!rule_matches(e, r, x)) {
			if (x->hotdrop)
				return refuse(e, x);
			continue;
		}
		if (e->trace)
			e->trace(e->trace_arg, ti, ch->name, r, x);
		if (!e->dry) {
			r->item->packets++;
			r->item->bytes += x->p->ip_len ? x->p->ip_len :
			    x->p->len;
			if (r->log && e->log)
				log_packet(e, ch->name, r, x);
		}
		switch (r->action) {
		case RA_ACCEPT:
			return V_ACCEPT;
		case RA_DROP:
		case RA_REJECT:
			return refuse(e, x);
		case RA_JUMP:
			if (r->jump >= 0 && sp < 16) {
				stack[sp].c = c;
				stack[sp++].i = i;
				c = r->jump;
				i = 0;
			}
			continue;
		case RA_RETURN:
			if (sp == 0)
				return V_ACCEPT;
			sp--;
			c = stack[sp].c;
			i = stack[sp].i;
			continue;
		case RA_MARK_CONN:
			if (x->conn)
				x->conn->conn_mark = r->mark;
			break;
		case RA_MARK_PACKET:
			x->packet_mark = r->mark;
			break;
		case RA_MARK_ROUTING:
			x->routing_mark = r->mark;
			break;
		case RA_ADD_SRC_AL:
		case RA_ADD_DST_AL:
			if (!e->dry)
				eng_alist_add(e, r->alist,
				    r->action == RA_ADD_SRC_AL ? x->p->src4 :
				    x->p->dst4, x->now, r->al_timeout);
			continue;
		case RA_FASTTRACK:
			x->fasttrack = true;
			return V_ACCEPT;
		case RA_SRCNAT: case RA_DSTNAT: case RA_MASQUERADE:
		case RA_REDIRECT: case RA_NETMAP:
			if (nat_rule)
				*nat_rule = r;
			return V_ACCEPT;
		case RA_NOTRACK:
			x->state = CT_UNTRACKED;
			return V_ACCEPT;
		default:		/* passthrough, log, others: continue */
			continue;
		}
		/* marking actions */
		if (!r->passthrough)
			return V_ACCEPT;
	}
}
