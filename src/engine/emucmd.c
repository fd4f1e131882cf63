/*
 * DOC: emucmd - the /emulator menu, rosemu's own (DESIGN.md "What goes
 * beyond RouterOS"); RouterOS has no such menu, so the RouterOS menus stay
 * faithful.  menucmd.c evaluates the arguments and hands them over as
 * text:
 *
 *   explain        one packet through the router, rule by rule: which rule
 *                  of which chain matched, the marks, the route, the NAT;
 *                  as the first packet of a new connection on a router
 *                  with this configuration (a fresh engine, so the live
 *                  one's counters, lists and connections stay as they are)
 *   lint           the known PCC mistakes of a configuration
 *   distribution   the live connections per connection mark (or routing
 *                  mark, or out interface) against the weights the PCC
 *                  rules intend
 *   replay         a capture through the live engine (as --replay)
 *   generate       a synthetic capture (as --generate)
 *   print / set    the emulator's state and its PCC seed
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "eng.h"
#include "gen.h"
#include "script.h"

static const char *
arg(const struct emu_arg *a, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(a[i].name, name))
			return a[i].val;
	return NULL;
}

static struct sch_menu *
menu(const char *path)
{
	struct sch_node *n = sch_lookup(path);

	return n ? sch_menu_of(n) : NULL;
}

static const char *const table_names[T_N] = { "raw", "mangle", "filter",
	"nat", "ipv6 raw", "ipv6 mangle", "ipv6 filter", "ipv6 nat" };

/* ---- explain ---- */

struct explain {
	struct eng *e;
	struct strbuf *out;
	struct cfg *cfg;
};

/* the rule as "#N action=... matchers" (its own words, schema order) */
static void
rule_words(struct cfg *c, const struct cfg_item *it, int table,
    struct strbuf *out)
{
	static const char *const paths[T_N] = { "/ip/firewall/raw",
	    "/ip/firewall/mangle", "/ip/firewall/filter", "/ip/firewall/nat",
	    "/ipv6/firewall/raw", "/ipv6/firewall/mangle",
	    "/ipv6/firewall/filter", "/ipv6/firewall/nat" };
	struct sch_menu *m = menu(paths[table]);
	size_t i;

	if (m == NULL)
		return;
	sb_addf(out, "#%zu", cfg_index(c, m, it));
	for (i = 0; i < m->n_props; i++) {
		const char *nm = m->props[i].name, *v = it->v[i].text;

		if (v == NULL || !strcmp(nm, "chain") ||
		    !strcmp(nm, "comment") || !strcmp(nm, "disabled") ||
		    !strcmp(nm, "log") || !strcmp(nm, "log-prefix"))
			continue;
		sb_addf(out, " %s=%s%s", nm, it->v[i].neg && *v != '!' ? "!" :
		    "", v);
	}
}

/* the routing decision: route, table, gateway, interface */
static void
explain_route(struct eng *e, const struct eng_ctx *x, struct strbuf *out)
{
	const struct eng_route *r = x->route;
	const char *tn = r->table ? eng_mark_name(e, r->table) : NULL;

	sb_addf(out, "  %-24s ", "routing");
	if (x->routing_mark)
		sb_addf(out, "routing-mark=%s: ",
		    eng_mark_name(e, x->routing_mark));
	sch_ip4_print(r->dst, out);
	sb_addf(out, "/%u ", r->plen);
	if (x->gateway) {
		sb_add(out, "gateway=");
		sch_ip4_print(x->gateway, out);
		sb_addc(out, ' ');
	}
	sb_addf(out, "interface=%s table=%s distance=%d%s\n",
	    x->out_if >= 0 ? e->ifs[x->out_if].name : "-", tn ? tn : "main",
	    r->distance, r->connected ? " (connected)" : "");
}

static void
explain_trace(void *arg, int table, const char *chain,
    const struct eng_rule *r, const struct eng_ctx *x)
{
	struct explain *xp = arg;
	char head[48];

	if (table < 0) {
		explain_route(xp->e, x, xp->out);
		return;
	}
	snprintf(head, sizeof(head), "  %s %s", table_names[table], chain);
	sb_addf(xp->out, "%-26s ", head);
	rule_words(xp->cfg, r->item, table, xp->out);
	sb_addc(xp->out, '\n');
}

static void
addr_port(const struct pkt *p, bool src, struct strbuf *out)
{
	sch_ip4_print(src ? p->src4 : p->dst4, out);
	if (p->has_l4 && (p->proto == IPP_TCP || p->proto == IPP_UDP))
		sb_addf(out, ":%u", src ? p->sport : p->dport);
}

static const char *
proto_name(uint8_t p)
{
	return p == IPP_TCP ? "tcp" : p == IPP_UDP ? "udp" : p == IPP_ICMP ?
	    "icmp" : "ip";
}

static int
parse_u16(const char *s, uint16_t *v)
{
	char *end;
	unsigned long n;

	if (s == NULL)
		return 0;
	errno = 0;
	n = strtoul(s, &end, 10);
	if (*s == '\0' || *end || errno || n > 65535)
		return -1;
	*v = (uint16_t)n;
	return 0;
}

static int
explain(struct scr_env *env, const struct emu_arg *a, size_t n,
    struct strbuf *out, struct strbuf *err)
{
	const char *s = arg(a, n, "src-address"), *d = arg(a, n, "dst-address");
	const char *pr = arg(a, n, "protocol"), *iif = arg(a, n, "in-interface");
	const char *fl = arg(a, n, "tcp-flags"), *sz = arg(a, n, "packet-size");
	struct gen_pkt g;
	uint8_t buf[2048];
	struct pkt p;
	struct eng_result res;
	struct explain xp;
	struct eng *e;
	uint16_t size = 0;
	int in_if, rc;
	size_t len;

	memset(&g, 0, sizeof(g));
	if (s == NULL || sch_ip4_parse(s, &g.src) < 0) {
		sb_add(err, "src-address: an IPv4 address is required");
		return -1;
	}
	if (d == NULL || sch_ip4_parse(d, &g.dst) < 0) {
		sb_add(err, "dst-address: an IPv4 address is required");
		return -1;
	}
	g.proto = pr == NULL || !strcmp(pr, "tcp") ? IPP_TCP :
	    !strcmp(pr, "udp") ? IPP_UDP : !strcmp(pr, "icmp") ? IPP_ICMP : 0;
	if (g.proto == 0) {
		sb_addf(err, "protocol: tcp, udp or icmp, not %s", pr);
		return -1;
	}
	g.sport = 40000;
	g.dport = g.proto == IPP_UDP ? 53 : 80;
	if (parse_u16(arg(a, n, "src-port"), &g.sport) < 0 ||
	    parse_u16(arg(a, n, "dst-port"), &g.dport) < 0 ||
	    parse_u16(sz, &size) < 0) {
		sb_add(err, "src-port, dst-port, packet-size: 0..65535");
		return -1;
	}
	g.flags = TH_SYN;
	if (fl) {
		g.flags = 0;
		g.flags |= strstr(fl, "syn") ? TH_SYN : 0;
		g.flags |= strstr(fl, "ack") ? TH_ACK : 0;
		g.flags |= strstr(fl, "fin") ? TH_FIN : 0;
		g.flags |= strstr(fl, "rst") ? TH_RST : 0;
		g.flags |= strstr(fl, "psh") ? TH_PSH : 0;
	}
	g.ipid = 1;
	g.seq = 1000;
	{
		size_t hdr = 20 + (g.proto == IPP_TCP ? 20 : 8);

		g.payload = size > hdr ? (uint16_t)(size - hdr) : 0;
		if (g.payload > sizeof(buf) - 14 - hdr)
			g.payload = (uint16_t)(sizeof(buf) - 14 - hdr);
	}
	/* a fresh router with this configuration: the live one is untouched */
	e = eng_new(env->cfg, env->ros, env->pcc_seed);
	e->world = emu_world(env);	/* links pulled, gateways failed */
	eng_commit(e);
	e->dry = true;
	in_if = iif ? eng_if_index(e, iif) : eng_connected_if(e, g.src);
	if (in_if < 0) {
		if (iif)
			sb_addf(err, "in-interface: no interface %s", iif);
		else
			sb_add(err, "in-interface: no connected network holds "
			    "src-address; give in-interface=");
		eng_free(e);
		return -1;
	}
	memcpy(g.dmac, e->ifs[in_if].mac, 6);
	g.smac[0] = 0x02;
	g.smac[5] = 0x01;
	len = gen_frame(buf, sizeof(buf), &g);
	if (pkt_decode(&p, buf, len) != PD_NONE) {
		sb_add(err, "the packet cannot be built");
		eng_free(e);
		return -1;
	}
	sb_addf(out, "packet: %s ", proto_name(p.proto));
	addr_port(&p, true, out);
	sb_add(out, " -> ");
	addr_port(&p, false, out);
	sb_addf(out, " in %s, first packet of a new connection\n",
	    e->ifs[in_if].name);
	xp.e = e;
	xp.out = out;
	xp.cfg = env->cfg;
	e->trace = explain_trace;
	e->trace_arg = &xp;
	rc = eng_forward(e, &p, in_if, env->now, &res);
	e->trace = NULL;
	sb_add(out, "result: ");
	if (res.local)
		sb_add(out, "delivered to the router (input)");
	else if (rc < 0)
		sb_addf(out, "dropped (%s)", pkt_drop_names[res.drop]);
	else {
		sb_addf(out, "out %s, %s ", e->ifs[rc].name,
		    proto_name(p.proto));
		addr_port(&p, true, out);
		sb_add(out, " -> ");
		addr_port(&p, false, out);
	}
	if (res.conn && res.conn->conn_mark)
		sb_addf(out, ", connection-mark=%s",
		    eng_mark_name(e, res.conn->conn_mark));
	if (res.routing_mark)
		sb_addf(out, ", routing-mark=%s",
		    eng_mark_name(e, res.routing_mark));
	if (res.packet_mark)
		sb_addf(out, ", packet-mark=%s",
		    eng_mark_name(e, res.packet_mark));
	if (res.conn && res.conn->srcnat)
		sb_add(out, ", srcnat");
	if (res.conn && res.conn->dstnat)
		sb_add(out, ", dstnat");
	sb_addc(out, '\n');
	eng_free(e);
	return 0;
}

/* ---- PCC rules: what the lint and the distribution report read ---- */

struct pccr {
	size_t	 no;		/* print number */
	const struct cfg_item *it;
	struct pcc_rule pcc;
	const char *chain, *action, *mark, *in_if, *conn_mark, *state;
	const char *dst_type, *dst_addr, *dst_list;
	bool	 never;		/* remainder >= denominator */
};

static size_t
pcc_rules(struct cfg *c, struct pccr **out)
{
	struct sch_menu *m = menu("/ip/firewall/mangle");
	struct cfg_list *l = m ? cfg_list(c, m) : NULL;
	struct pccr *v = NULL;
	size_t n = 0, cap = 0, i;

	for (i = 0; l && i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *t = cfg_get(m, it, "per-connection-classifier");
		struct pccr r;

		if (cfg_item_off(m, it) || t == NULL)
			continue;
		memset(&r, 0, sizeof(r));
		if (pcc_parse(t, &r.pcc) < 0) {
			const char *colon = strchr(t, ':');
			unsigned den, rem;

			/* RouterOS takes a remainder >= denominator */
			if (colon == NULL || sscanf(colon + 1, "%u/%u", &den,
			    &rem) != 2 || rem < den)
				continue;
			r.pcc.den = den;
			r.pcc.rem = rem;
			r.never = true;
		}
		r.no = i;
		r.it = it;
		r.chain = cfg_get(m, it, "chain");
		r.action = cfg_get(m, it, "action");
		r.mark = cfg_get(m, it, "new-connection-mark");
		if (r.action && !strcmp(r.action, "mark-routing"))
			r.mark = cfg_get(m, it, "new-routing-mark");
		r.in_if = cfg_get(m, it, "in-interface");
		r.conn_mark = cfg_get(m, it, "connection-mark");
		r.state = cfg_get(m, it, "connection-state");
		r.dst_type = cfg_get(m, it, "dst-address-type");
		r.dst_addr = cfg_get(m, it, "dst-address");
		r.dst_list = cfg_get(m, it, "dst-address-list");
		xgrow((void **)&v, &cap, n + 1, sizeof(*v));
		v[n++] = r;
	}
	*out = v;
	return n;
}

static bool
streq(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && !strcmp(a, b));
}

/* the rules of r's group: same chain, in-interface, fields, denominator */
static bool
same_group(const struct pccr *a, const struct pccr *b)
{
	return streq(a->chain, b->chain) && streq(a->in_if, b->in_if) &&
	    a->pcc.fields == b->pcc.fields && a->pcc.den == b->pcc.den &&
	    streq(a->conn_mark, b->conn_mark) && a->pcc.neg == b->pcc.neg;
}

/* ---- lint ---- */

struct lint {
	struct strbuf *out;
	int	 n;
};

static void __attribute__((format(printf, 3, 4)))
finding(struct lint *l, const char *where, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_addf(l->out, "%-12s %s\n", where, buf);
	l->n++;
}

/* an enabled rule of menu path whose prop equals val (NULL: any) */
static bool
any_rule(struct cfg *c, const char *path, const char *prop, const char *val,
    const char *prop2, const char *val2)
{
	struct sch_menu *m = menu(path);
	struct cfg_list *l = m ? cfg_list(c, m) : NULL;
	size_t i;

	for (i = 0; l && i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *v = cfg_get(m, it, prop);

		if (cfg_item_off(m, it))
			continue;
		if (v == NULL || (val && strcmp(v, val) != 0))
			continue;
		if (prop2 && !streq(cfg_get(m, it, prop2), val2))
			continue;
		return true;
	}
	return false;
}

/*
 * Whether every mark-routing rule of r's chain that reads r's connection
 * mark comes before r (and there is one): the guide's missing
 * place-before.
 */
static bool
routed_before_only(struct cfg *c, const struct pccr *r)
{
	struct sch_menu *m = menu("/ip/firewall/mangle");
	struct cfg_list *l = cfg_list(c, m);
	bool before = false;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct cfg_item *it = l->items[i];

		if (cfg_item_off(m, it) ||
		    !streq(cfg_get(m, it, "action"), "mark-routing") ||
		    !streq(cfg_get(m, it, "connection-mark"), r->mark) ||
		    !streq(cfg_get(m, it, "chain"), r->chain))
			continue;
		if (i > r->no)
			return false;
		before = true;
	}
	return before;
}

static void
lint_pcc(struct scr_env *env, struct lint *l)
{
	struct pccr *v;
	size_t n = pcc_rules(env->cfg, &v), i, k;
	char where[32];
	bool *done = xcalloc(n + 1, sizeof(*done));

	for (i = 0; i < n; i++) {
		const struct pccr *r = &v[i];

		snprintf(where, sizeof(where), "mangle %zu:", r->no);
		if (r->never) {
			finding(l, where, "per-connection-classifier remainder "
			    "%u is not below its denominator %u: the rule never "
			    "matches", r->pcc.rem, r->pcc.den);
			continue;
		}
		if (r->action && !strcmp(r->action, "mark-connection") &&
		    r->mark && routed_before_only(env->cfg, r))
			finding(l, where, "the mark-routing rule for %s comes "
			    "before this rule in %s: a connection's first "
			    "packet is routed by the main table (move this rule "
			    "up, or add it with place-before)", r->mark,
			    r->chain ? r->chain : "its chain");
		if (r->action && !strcmp(r->action, "mark-connection") &&
		    r->conn_mark == NULL && (r->state == NULL ||
		    strstr(r->state, "new") == NULL))
			finding(l, where, "PCC marks connections without "
			    "connection-mark=no-mark (or connection-state=new): "
			    "every packet is classified again and a marked "
			    "connection can be re-marked");
		if (r->chain && !strcmp(r->chain, "prerouting") &&
		    r->dst_type == NULL && r->dst_addr == NULL &&
		    r->dst_list == NULL)
			finding(l, where, "PCC in prerouting without "
			    "dst-address-type=!local: traffic to the router's "
			    "own addresses and connected networks is balanced "
			    "to the WANs too");
		if (done[i])
			continue;
		/* the group's remainders should be 0..den-1, once each */
		{
			uint32_t den = r->pcc.den, seen_n = 0, miss = 0;
			uint8_t *seen;
			struct strbuf ms = STRBUF_INIT;

			if (den == 0 || den > 4096)
				continue;
			seen = xcalloc(den, 1);
			for (k = i; k < n; k++)
				if (!v[k].never && same_group(r, &v[k])) {
					done[k] = true;
					if (v[k].pcc.rem < den &&
					    seen[v[k].pcc.rem]++ == 1)
						finding(l, where, "remainder %u "
						    "of this classifier group is "
						    "used twice (again in mangle "
						    "%zu): the later rule never "
						    "gets those connections",
						    v[k].pcc.rem, v[k].no);
				}
			for (k = 0; k < den; k++) {
				if (seen[k]) {
					seen_n++;
					continue;
				}
				if (miss++ < 8)
					sb_addf(&ms, "%s%zu", miss > 1 ? "," :
					    "", k);
			}
			if (miss && !r->pcc.neg)
				finding(l, where, "the group %s/%u has no rule "
				    "for remainder %s: %u of %u connections stay "
				    "unmarked and take the main table",
				    r->pcc.fields == (PCC_SRC_ADDR |
				    PCC_DST_ADDR) ? "both-addresses" :
				    "per-connection-classifier", den,
				    sb_str(&ms), miss, den);
			(void)seen_n;
			sb_fini(&ms);
			free(seen);
		}
	}
	/* two groups splitting the same traffic with other denominators */
	for (i = 0; i < n; i++)
		for (k = i + 1; k < n; k++)
			if (streq(v[i].chain, v[k].chain) &&
			    streq(v[i].in_if, v[k].in_if) &&
			    streq(v[i].conn_mark, v[k].conn_mark) &&
			    v[i].pcc.den != v[k].pcc.den && !v[i].pcc.neg &&
			    !v[k].pcc.neg) {
				snprintf(where, sizeof(where), "mangle %zu:",
				    v[k].no);
				finding(l, where, "classifier /%u after /%u on the "
				    "same traffic (mangle %zu): the weights are "
				    "not what the denominators suggest",
				    v[k].pcc.den, v[i].pcc.den, v[i].no);
				i = n;
				break;
			}
	/* connection marks that never become routing marks */
	for (i = 0; i < n; i++) {
		bool again = false;

		if (!v[i].action || strcmp(v[i].action, "mark-connection") ||
		    v[i].mark == NULL)
			continue;
		for (k = 0; k < i; k++)
			if (streq(v[k].mark, v[i].mark) && v[k].action &&
			    !strcmp(v[k].action, "mark-connection"))
				again = true;
		if (again)
			continue;
		if (!any_rule(env->cfg, "/ip/firewall/mangle",
		    "connection-mark", v[i].mark, "action", "mark-routing")) {
			snprintf(where, sizeof(where), "mangle %zu:", v[i].no);
			finding(l, where, "connection mark %s is never turned "
			    "into a routing mark (no mark-routing rule with "
			    "connection-mark=%s): its connections take the main "
			    "table", v[i].mark, v[i].mark);
		}
	}
	free(done);
	free(v);
}

/* routing marks without a route of their own, routes without failover */
static void
lint_routes(struct scr_env *env, struct lint *l)
{
	struct sch_menu *mm = menu("/ip/firewall/mangle");
	struct sch_menu *rm = menu("/ip/route");
	struct cfg_list *ml = mm ? cfg_list(env->cfg, mm) : NULL;
	struct cfg_list *rl = rm ? cfg_list(env->cfg, rm) : NULL;
	const char *tprop = env->ros == 6 ? "routing-mark" : "routing-table";
	struct eng *e = emu_engine(env);
	size_t i, k;
	char where[32];

	for (i = 0; ml && i < ml->n; i++) {
		const struct cfg_item *it = ml->items[i];
		const char *a = cfg_get(mm, it, "action");
		const char *mk = cfg_get(mm, it, "new-routing-mark");
		bool first = true, has = false;

		if ((it->flags & CI_DEAD) || !streq(a, "mark-routing") || !mk)
			continue;
		for (k = 0; k < i; k++)
			if (!(ml->items[k]->flags & CI_DEAD) &&
			    streq(cfg_get(mm, ml->items[k], "new-routing-mark"),
			    mk))
				first = false;
		if (!first)
			continue;
		for (k = 0; rl && k < rl->n; k++)
			if (!(rl->items[k]->flags & CI_DEAD) &&
			    streq(cfg_get(rm, rl->items[k], tprop), mk))
				has = true;
		snprintf(where, sizeof(where), "mangle %zu:", i);
		if (!has)
			finding(l, where, "routing mark %s has no route with "
			    "%s=%s: its packets fall back to the main table",
			    mk, tprop, mk);
		if (env->ros == 7 && !any_rule(env->cfg, "/routing/table",
		    "name", mk, "fib", "")) {
			if (any_rule(env->cfg, "/routing/table", "name", mk,
			    NULL, NULL))
				finding(l, where, "routing table %s has no fib: "
				    "its routes are not used for forwarding",
				    mk);
		}
	}
	for (k = 0; rl && k < rl->n; k++) {
		const struct cfg_item *it = rl->items[k];
		const char *mk = cfg_get(rm, it, tprop), *gw;
		const char *dst = cfg_get(rm, it, "dst-address");

		if (cfg_item_off(rm, it) || (it->flags & CI_DYNAMIC) ||
		    mk == NULL || !strcmp(mk, "main"))
			continue;
		snprintf(where, sizeof(where), "route %zu:", k);
		if ((gw = cfg_get(rm, it, "gateway")) != NULL &&
		    (dst == NULL || !strcmp(dst, "0.0.0.0/0")) &&
		    cfg_get(rm, it, "check-gateway") == NULL)
			finding(l, where, "marked default route via %s without "
			    "check-gateway: when that gateway dies, its "
			    "connections are lost instead of failing over", gw);
		if (eng_route_active(e, it, NULL, 0, 0) == 0 && gw)
			finding(l, where, "gateway %s is not reachable through a "
			    "connected network: the route is inactive", gw);
	}
}

/* WANs (interfaces of marked routes) without masquerade/src-nat */
static void
lint_nat(struct scr_env *env, struct lint *l)
{
	struct eng *e = emu_engine(env);
	size_t i;
	int f;
	bool *wan = xcalloc((size_t)e->nif + 1, sizeof(*wan));

	for (i = 0; i < e->nrt; i++)
		if (e->rt[i].table && e->rt[i].type == 0)
			for (f = 0; f < e->rt[i].ngw; f++)
				if (e->rt[i].gw_if[f] >= 0)
					wan[e->rt[i].gw_if[f]] = true;
	for (f = 0; f < e->nif; f++) {
		char where[64];

		if (!wan[f])
			continue;
		snprintf(where, sizeof(where), "%s:", e->ifs[f].name);
		if (!any_rule(env->cfg, "/ip/firewall/nat", "out-interface",
		    e->ifs[f].name, "chain", "srcnat") &&
		    !any_rule(env->cfg, "/ip/firewall/nat", "out-interface-list",
		    NULL, "chain", "srcnat") &&
		    !any_rule(env->cfg, "/ip/firewall/nat", "action",
		    "masquerade", "out-interface", NULL))
			finding(l, where, "no srcnat rule for this WAN: "
			    "connections leave it with their private source "
			    "address");
		if (!any_rule(env->cfg, "/ip/firewall/mangle", "in-interface",
		    e->ifs[f].name, "action", "mark-connection"))
			finding(l, where, "connections coming in on this WAN are "
			    "not marked: the router's answers to them take the "
			    "main table, maybe another WAN");
	}
	free(wan);
	if (any_rule(env->cfg, "/ip/firewall/filter", "action",
	    "fasttrack-connection", NULL, NULL) &&
	    any_rule(env->cfg, "/ip/firewall/mangle", "per-connection-classifier",
	    NULL, NULL, NULL))
		finding(l, "filter:", "fasttrack-connection with PCC mangle "
		    "rules: fasttracked connections skip mangle, so their "
		    "routing marks stop applying (mark fasttrack only "
		    "connection-mark=no-mark traffic)");
}
/*
 * A prerouting mark-routing rule that reads only the connection mark also
 * marks the answers that come back on a WAN: after un-NAT they are routed
 * by the marked table, whose default route sends them out the WAN again
 * instead of to the LAN (the marked table has no connected routes).  The
 * MikroTik PCC example avoids it with in-interface=LAN on these rules and
 * with "accept dst-address=<connected network>" rules first.
 */
static void
lint_replies(struct scr_env *env, struct lint *l)
{
	static const char *const narrow[] = { "in-interface",
	    "in-interface-list", "src-address", "src-address-list",
	    "dst-address", "dst-address-list", "dst-address-type",
	    "connection-state", "src-address-type" };
	struct sch_menu *m = menu("/ip/firewall/mangle");
	struct cfg_list *cl = m ? cfg_list(env->cfg, m) : NULL;
	bool guarded = false;
	size_t i, k;
	char where[32];

	for (i = 0; cl && i < cl->n; i++) {
		const struct cfg_item *it = cl->items[i];
		const char *act = cfg_get(m, it, "action");

		if (cfg_item_off(m, it) ||
		    !streq(cfg_get(m, it, "chain"), "prerouting"))
			continue;
		/* accept dst-address=<connected> first: the LAN is spared */
		if (streq(act, "accept") && (cfg_get(m, it, "dst-address") ||
		    cfg_get(m, it, "dst-address-list") ||
		    cfg_get(m, it, "dst-address-type")))
			guarded = true;
		if (guarded || !streq(act, "mark-routing") ||
		    cfg_get(m, it, "connection-mark") == NULL)
			continue;
		for (k = 0; k < NELEM(narrow) &&
		    cfg_get(m, it, narrow[k]) == NULL; k++)
			;
		if (k < NELEM(narrow))
			continue;
		snprintf(where, sizeof(where), "mangle %zu:", i);
		finding(l, where, "mark-routing on connection-mark=%s without "
		    "in-interface: the answers coming back on the WAN are "
		    "marked too and the marked table's default route sends "
		    "them out again instead of to the LAN (add in-interface="
		    "<LAN>, or accept dst-address=<LAN network> rules before "
		    "it)", cfg_get(m, it, "connection-mark"));
	}
}


static int
lint(struct scr_env *env, struct strbuf *out)
{
	struct lint l = { out, 0 };

	lint_pcc(env, &l);
	lint_replies(env, &l);
	lint_routes(env, &l);
	lint_nat(env, &l);
	sb_addf(out, "%d finding%s\n", l.n, l.n == 1 ? "" : "s");
	return 0;
}

/* ---- distribution ---- */

struct bucket {
	char	*name;
	size_t	 n;
	double	 want;		/* intended share, < 0: none */
};

static struct bucket *
bucket(struct bucket **v, size_t *n, size_t *cap, const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*v)[i].name, name))
			return &(*v)[i];
	xgrow((void **)v, cap, *n + 1, sizeof(**v));
	(*v)[*n].name = xstrdup(name);
	(*v)[*n].n = 0;
	(*v)[*n].want = -1;
	return &(*v)[(*n)++];
}

static int
bucket_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bucket *)a)->name,
	    ((const struct bucket *)b)->name);
}

static int
distribution(struct scr_env *env, const struct emu_arg *a, size_t na,
    struct strbuf *out)
{
	const char *by = arg(a, na, "by");
	struct eng *e = emu_engine(env);
	struct ct_conn **v;
	struct bucket *b = NULL;
	struct pccr *pr;
	size_t n, nb = 0, cap = 0, i, total = 0, npr;
	int mode = by == NULL || !strcmp(by, "connection-mark") ? 0 :
	    !strcmp(by, "routing-mark") ? 1 : 2;

	ct_expire(e->ct, env->now);
	v = ct_list(e->ct, &n);
	for (i = 0; i < n; i++) {
		const char *nm = NULL;

		if (mode == 0)
			nm = eng_mark_name(e, v[i]->conn_mark);
		else if (mode == 1)
			nm = eng_mark_name(e, v[i]->routing_mark);
		else if (v[i]->out_if >= 0 && v[i]->out_if < e->nif)
			nm = e->ifs[v[i]->out_if].name;
		bucket(&b, &nb, &cap, nm ? nm : "(none)")->n++;
		total++;
	}
	free(v);
	/* intended: each PCC rule's mark gets 1/den of its group's traffic */
	npr = pcc_rules(env->cfg, &pr);
	for (i = 0; i < npr && mode < 2; i++) {
		struct bucket *k;

		if (pr[i].mark == NULL || pr[i].pcc.neg || pr[i].pcc.den == 0 ||
		    strcmp(pr[i].action ? pr[i].action : "", mode == 0 ?
		    "mark-connection" : "mark-routing") != 0)
			continue;
		k = bucket(&b, &nb, &cap, pr[i].mark);
		k->want = (k->want < 0 ? 0 : k->want) + 1.0 / pr[i].pcc.den;
	}
	free(pr);
	qsort(b, nb, sizeof(*b), bucket_cmp);
	sb_addf(out, "%-20s %11s %7s %9s\n", mode == 0 ? "CONNECTION-MARK" :
	    mode == 1 ? "ROUTING-MARK" : "OUT-INTERFACE", "CONNECTIONS",
	    "SHARE", "INTENDED");
	for (i = 0; i < nb; i++) {
		char want[16] = "-";

		if (b[i].want >= 0)
			snprintf(want, sizeof(want), "%.1f%%", 100 * b[i].want);
		sb_addf(out, "%-20s %11zu %6.1f%% %9s\n", b[i].name, b[i].n,
		    total ? 100.0 * (double)b[i].n / (double)total : 0.0, want);
		free(b[i].name);
	}
	sb_addf(out, "%-20s %11zu\n", "total", total);
	free(b);
	return 0;
}

/* ---- replay, generate, print, set ---- */

static int
num_arg(const struct emu_arg *a, size_t n, const char *name, uint64_t *v,
    struct strbuf *err)
{
	const char *s = arg(a, n, name);
	char *end;

	if (s == NULL)
		return 0;
	errno = 0;
	*v = strtoull(s, &end, 10);
	if (*s == '\0' || *end || errno) {
		sb_addf(err, "%s: a number is required", name);
		return -1;
	}
	return 0;
}

static int
generate(const struct emu_arg *a, size_t n, struct strbuf *err)
{
	struct emu_gen g;
	uint64_t conns, clients, remotes, seed, packets = 0;
	const char *d = arg(a, n, "duration");
	const char *ca = arg(a, n, "client-address");

	emu_gen_defaults(&g);
	conns = g.connections;
	clients = g.clients;
	remotes = g.remotes;
	seed = g.seed;
	g.out = arg(a, n, "file");
	if (g.out == NULL) {
		sb_add(err, "file: required");
		return -1;
	}
	if (num_arg(a, n, "connections", &conns, err) < 0 ||
	    num_arg(a, n, "clients", &clients, err) < 0 ||
	    num_arg(a, n, "remotes", &remotes, err) < 0 ||
	    num_arg(a, n, "packets", &packets, err) < 0 ||
	    num_arg(a, n, "seed", &seed, err) < 0)
		return -1;
	if (d && sch_time_parse(d, &g.duration) < 0) {
		sb_add(err, "duration: a time is required");
		return -1;
	}
	if (ca && sch_ip4_parse(ca, &g.client_base) < 0) {
		sb_add(err, "client-address: an IPv4 address is required");
		return -1;
	}
	g.connections = conns;
	g.clients = (uint32_t)clients;
	g.remotes = (uint32_t)remotes;
	g.seed = seed;
	g.packets = packets;
	if (emu_generate(&g) != 0) {
		sb_addf(err, "cannot write %s", g.out);
		return -1;
	}
	return 0;
}

static int
replay(struct scr_env *env, const struct emu_arg *a, size_t n,
    struct strbuf *err)
{
	struct emu_opts o;
	const char *f = arg(a, n, "file"), *ifc = arg(a, n, "interface");
	char *spec;
	const char *one[1];
	int rc;

	if (f == NULL) {
		sb_add(err, "file: required");
		return -1;
	}
	memset(&o, 0, sizeof(o));
	if (ifc) {
		spec = xmalloc(strlen(ifc) + strlen(f) + 2);
		sprintf(spec, "%s=%s", ifc, f);
	} else
		spec = xstrdup(f);
	one[0] = spec;
	o.replay = one;
	o.n_replay = 1;
	o.write_pcaps = arg(a, n, "write-pcaps");
	rc = emu_replay(env, &o);
	free(spec);
	if (rc != 0) {
		sb_addf(err, "replay of %s failed", f);
		return -1;
	}
	return 0;
}

static int
print(struct scr_env *env, struct strbuf *out)
{
	struct eng *e = emu_engine(env);
	const struct ct_stats *cs = ct_get_stats(e->ct);
	int i;

	sb_addf(out, "           pcc-seed: %u\n", e->pcc_seed);
	sb_addf(out, "        connections: %zu\n", ct_count(e->ct));
	sb_addf(out, "connections-created: %llu\n",
	    (unsigned long long)cs->created);
	sb_addf(out, "   rules-unemulated: %llu\n",
	    (unsigned long long)e->unsupported);
	for (i = 1; i < PD_N; i++)
		if (e->drops[i])
			sb_addf(out, "%19s: %llu\n", pkt_drop_names[i],
			    (unsigned long long)e->drops[i]);
	return 0;
}

int
emu_command(struct scr_env *env, const char *path, const char *cmd,
    const struct emu_arg *a, size_t n, struct strbuf *out, struct strbuf *err)
{
	if (!strcmp(path, "/emulator/gateway") ||
	    !strcmp(path, "/emulator/link"))
		return emu_world_cmd(env, path + 10, cmd, arg(a, n, "numbers"),
		    arg(a, n, path[10] == 'g' ? "reachable" : "running"), out,
		    err);
	if (!strcmp(path, "/emulator/isp")) {
		const char *v[4];

		v[0] = arg(a, n, "address");
		v[1] = arg(a, n, "gateway");
		v[2] = arg(a, n, "dns");
		v[3] = arg(a, n, "lease-time");
		return sys_isp_cmd(env, cmd, arg(a, n, "numbers"), v, out,
		    err);
	}
	if (!strcmp(cmd, "timeline")) {
		sb_add(out, sb_str(&emu_world(env)->timeline));
		return 0;
	}
	if (!strcmp(cmd, "explain"))
		return explain(env, a, n, out, err);
	if (!strcmp(cmd, "lint"))
		return lint(env, out);
	if (!strcmp(cmd, "distribution"))
		return distribution(env, a, n, out);
	if (!strcmp(cmd, "generate"))
		return generate(a, n, err);
	if (!strcmp(cmd, "replay"))
		return replay(env, a, n, err);
	if (!strcmp(cmd, "print"))
		return print(env, out);
	if (!strcmp(cmd, "set")) {
		uint64_t s = 0;

		if (num_arg(a, n, "pcc-seed", &s, err) < 0)
			return -1;
		env->pcc_seed = (uint32_t)s;
		emu_engine(env)->pcc_seed = (uint32_t)s;
		return 0;
	}
	sb_addf(err, "no such command");
	return -1;
}
