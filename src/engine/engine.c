/*
 * DOC: engine - one packet through the router (routeros-engine.md §1):
 *
 *   conntrack -> mangle prerouting -> dstnat (new connections) -> routing
 *   decision (routing mark, tables) -> local: mangle+filter input
 *                                   -> else: mangle+filter forward
 *   -> mangle postrouting -> srcnat (new connections) -> rewrite, out.
 *
 * NAT is decided on a connection's first packet and kept in conntrack:
 * later original-direction packets get the same translation, replies
 * the reverse (un-SNAT before routing, un-DNAT on the way out).
 * FastTracked connections skip mangle/filter/NAT chains (the guide's
 * caveat: PCC marks stop applying).  Everything runs on virtual time.
 */
#include <stdlib.h>
#include <string.h>

#include "eng.h"

static int64_t
tmo(const struct sch_menu *m, const struct cfg_item *it, const char *prop,
    const char *def)
{
	const char *s = it ? cfg_get(m, it, prop) : NULL;
	int64_t ns = 0;

	if (sch_time_parse(s ? s : def, &ns) < 0)
		sch_time_parse(def, &ns);
	return ns;
}

static void
ct_settings(struct eng *e, struct ct_timeouts *t, size_t *max)
{
	struct sch_node *n = sch_lookup("/ip/firewall/connection/tracking");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l = m ? cfg_list(e->cfg, m) : NULL;
	const struct cfg_item *it = l && l->n ? l->items[0] : NULL;
	const char *mx = it ? cfg_get(m, it, "max-entries") : NULL;

	t->tcp_syn_sent = tmo(m, it, "tcp-syn-sent-timeout", "5s");
	t->tcp_syn_received = tmo(m, it, "tcp-syn-received-timeout", "5s");
	t->tcp_established = tmo(m, it, "tcp-established-timeout", "1d");
	t->tcp_fin_wait = tmo(m, it, "tcp-fin-wait-timeout", "10s");
	t->tcp_close_wait = tmo(m, it, "tcp-close-wait-timeout", "10s");
	t->tcp_last_ack = tmo(m, it, "tcp-last-ack-timeout", "10s");
	t->tcp_time_wait = tmo(m, it, "tcp-time-wait-timeout", "10s");
	t->tcp_close = tmo(m, it, "tcp-close-timeout", "10s");
	t->tcp_unacked = tmo(m, it, "tcp-unacked-timeout", "5m");
	t->udp = tmo(m, it, "udp-timeout", "10s");
	t->udp_stream = tmo(m, it, "udp-stream-timeout", "3m");
	t->icmp = tmo(m, it, "icmp-timeout", "10s");
	t->generic = tmo(m, it, "generic-timeout", "10m");
	*max = mx ? (size_t)strtoull(mx, NULL, 10) : 1048576;
}

static bool
loose_tracking(struct eng *e)
{
	struct sch_node *n = sch_lookup("/ip/firewall/connection/tracking");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l = m ? cfg_list(e->cfg, m) : NULL;
	const char *s = l && l->n ? cfg_get(m, l->items[0],
	    "loose-tcp-tracking") : NULL;

	return s == NULL || strcmp(s, "no") != 0;
}

struct eng *
eng_new(struct cfg *c, int ros, uint32_t pcc_seed)
{
	struct eng *e = xcalloc(1, sizeof(*e));
	struct ct_timeouts t;
	size_t max;

	e->cfg = c;
	e->ros = ros;
	e->pcc_seed = pcc_seed;
	e->rng = 0x853c49e6748fea9bULL ^ pcc_seed;
	ct_settings(e, &t, &max);
	e->ct = ct_new(max, &t);
	eng_commit(e);
	return e;
}

/* an interface's name and addresses before a recompile */
struct if_was {
	char	*name;
	bool	 running;
	int	 naddr;
	uint32_t addr[ENG_MAX_ADDRS];
};

/*
 * ROS: masquerade connections are flushed when their out-interface goes
 * down or its addresses change (the translation named an address the
 * interface no longer has); src-nat ones are kept (reference §3).
 */
static void
masq_flush(struct eng *e, const struct if_was *was, int nwas)
{
	struct ct_conn **v = NULL;
	size_t n = 0, i;
	int k, f;

	e->masq_flushed = 0;
	for (k = 0; k < nwas; k++) {
		bool same;

		f = eng_if_index(e, was[k].name);
		same = f >= 0 && e->ifs[f].running && was[k].running &&
		    e->ifs[f].naddr == was[k].naddr &&
		    !memcmp(e->ifs[f].addr, was[k].addr,
		    (size_t)was[k].naddr * sizeof(uint32_t));
		if (same)
			continue;
		if (v == NULL)
			v = ct_list(e->ct, &n);
		for (i = 0; i < n; i++)
			if (v[i] && v[i]->srcnat == 2 && v[i]->out_if == k) {
				ct_remove(e->ct, v[i]);
				v[i] = NULL;
				e->masq_flushed++;
			}
	}
	free(v);
}

void
eng_commit(struct eng *e)
{
	struct ct_timeouts t;
	size_t max;
	struct if_was *was = xcalloc((size_t)e->nif + 1, sizeof(*was));
	int nwas = e->nif, k;

	for (k = 0; k < nwas; k++) {
		was[k].name = xstrdup(e->ifs[k].name);
		was[k].running = e->ifs[k].running;
		was[k].naddr = e->ifs[k].naddr;
		memcpy(was[k].addr, e->ifs[k].addr, sizeof(was[k].addr));
	}
	eng_free_routes(e);
	eng_free_routes6(e);
	eng_free_fw(e);
	eng_build_fw(e);
	eng_build_routes(e);
	eng_build_routes6(e);
	ct_settings(e, &t, &max);
	ct_set_timeouts(e->ct, &t);
	ct_set_max(e->ct, max);
	ct_set_loose(e->ct, loose_tracking(e));
	masq_flush(e, was, nwas);
	for (k = 0; k < nwas; k++)
		free(was[k].name);
	free(was);
}

void
eng_free(struct eng *e)
{
	size_t i;

	if (e == NULL)
		return;
	eng_free_routes(e);
	eng_free_routes6(e);
	eng_free_fw(e);
	fw_store_free(e);
	for (i = 0; i < e->nmarks; i++)
		free(e->marks[i]);
	free(e->marks);
	ct_free(e->ct);
	free(e);
}

/* the translation a NAT rule gives the first packet of a connection */
static void
nat_decide(struct eng *e, const struct eng_rule *r, struct eng_ctx *x,
    bool src)
{
	struct pkt *p = x->p;
	struct ct_tuple reply = x->conn->reply;

	if (src) {
		uint32_t a = r->to_lo;

		if (r->action == RA_MASQUERADE) {
			if (x->out_if < 0 || e->ifs[x->out_if].naddr == 0)
				return;
			a = e->ifs[x->out_if].addr[0];
		} else if (r->action == RA_NETMAP && r->to_lo) {
			uint32_t span = r->to_hi - r->to_lo;

			a = r->to_lo + (p->src4 & span);
		}
		if (a == 0)
			return;
		p->src4 = a;
		eng_put4(reply.dst, a);
		if (r->to_port_lo && p->has_l4) {
			p->sport = r->to_port_lo;
			reply.dport = r->to_port_lo;
		}
		/*
		 * ROS (netfilter): the translated tuple must be unique; when
		 * another connection holds it, the next free source port is
		 * taken (in to-ports when given, else 1024-65535).  ICMP
		 * keeps its id in both port fields.
		 */
		if (p->has_l4 && p->proto != 1 && p->proto != 58) {
			uint32_t lo = r->to_port_lo ? r->to_port_lo : 1024;
			uint32_t hi = r->to_port_hi ? r->to_port_hi : 65535;
			uint32_t tries = hi - lo + 1, port = reply.dport;
			struct ct_conn *o;
			int d;

			while (tries-- > 0 && (o = ct_find(e->ct, &reply, &d))
			    != NULL && o != x->conn) {
				port = port >= hi || port < lo ? lo : port + 1;
				reply.dport = (uint16_t)port;
			}
			p->sport = reply.dport;
		}
		x->conn->srcnat = r->action == RA_MASQUERADE ? 2 : 1;
	} else {
		uint32_t a = r->to_lo;

		if (r->action == RA_REDIRECT) {
			if (x->in_if < 0 || e->ifs[x->in_if].naddr == 0)
				return;
			a = e->ifs[x->in_if].addr[0];
		} else if (r->action == RA_NETMAP && r->to_lo) {
			uint32_t span = r->to_hi - r->to_lo;

			a = r->to_lo + (p->dst4 & span);
		}
		if (a == 0)
			a = p->dst4;
		p->dst4 = a;
		eng_put4(reply.src, a);
		if (r->to_port_lo && p->has_l4) {
			p->dport = r->to_port_lo;
			reply.sport = r->to_port_lo;
		}
		x->conn->dstnat = true;
	}
	ct_set_reply(e->ct, x->conn, &reply);
}

/*
 * Original-direction packets of a NATed connection take the recorded
 * translation; replies the reverse.  pre: the destination side (before
 * routing), else the source side (after postrouting).
 */
static void
nat_apply(struct ct_conn *c, struct pkt *p, int dir, bool pre)
{
	/*
	 * An ICMP error about a tracked packet (related): netfilter changes
	 * the outer address on the connection's side and the quoted packet;
	 * the outer source on the far side may be any router in the path.
	 */
	if (p->has_inner) {
		if (dir == 1) {
			if (pre && c->srcnat) {
				p->dst4 = eng_get4(c->orig.src);
				p->in_src4 = eng_get4(c->orig.src);
				p->in_sport = c->orig.sport;
			}
			if (!pre && c->dstnat) {
				p->in_dst4 = eng_get4(c->orig.dst);
				p->in_dport = c->orig.dport;
			}
		} else {
			if (pre && c->dstnat) {
				p->dst4 = eng_get4(c->reply.src);
				p->in_src4 = eng_get4(c->reply.src);
				p->in_sport = c->reply.sport;
			}
			if (!pre && c->srcnat) {
				p->src4 = eng_get4(c->reply.dst);
				p->in_dst4 = eng_get4(c->reply.dst);
				p->in_dport = c->reply.dport;
			}
		}
		return;
	}
	if (dir == 0) {
		if (pre && c->dstnat) {
			p->dst4 = eng_get4(c->reply.src);
			p->dport = c->reply.sport;
		}
		if (!pre && c->srcnat) {
			p->src4 = eng_get4(c->reply.dst);
			p->sport = c->reply.dport;
		}
	} else {
		if (pre && c->srcnat) {
			p->dst4 = eng_get4(c->orig.src);
			p->dport = c->orig.sport;
		}
		if (!pre && c->dstnat) {
			p->src4 = eng_get4(c->orig.dst);
			p->sport = c->orig.dport;
		}
	}
}

/* ---- the two paths share their start, routing and end ---- */

static int
drop(struct eng *e, struct eng_result *res, enum pkt_drop why,
    struct ct_conn *c)
{
	res->drop = why;
	res->conn = c;
	e->drops[why]++;
	/*
	 * netfilter confirms a connection only when its first packet leaves
	 * the box: one whose first packet is dropped is not kept (and never
	 * shows in /ip firewall connection).
	 */
	if (c && c->orig_packets == 1 && !c->seen_reply && !e->dry &&
	    (why == PD_FILTERED || why == PD_NO_ROUTE)) {
		ct_remove(e->ct, c);
		res->conn = NULL;
	}
	return -1;
}

/* conntrack and the first NAT step; -1 when the packet is dropped */
static int
path_begin(struct eng *e, struct pkt *p, int in_if, int64_t now,
    struct eng_ctx *x, struct eng_result *res)
{
	enum pkt_drop why = PD_NONE;

	memset(res, 0, sizeof(*res));
	memset(x, 0, sizeof(*x));
	res->out_if = -1;
	x->p = p;
	x->in_if = in_if;
	x->out_if = -1;
	x->now = now;
	if (p->family != PF_IP4)
		return drop(e, res, PD_NON_IP, NULL);
	if (e->notrack) {		/* a probe of failover.c */
		x->state = CT_UNTRACKED;
		return 0;
	}
	ct_expire(e->ct, now);
	x->conn = ct_lookup(e->ct, p, now, true, &x->dir, &x->state, &why);
	if (x->conn == NULL && why != PD_NONE)
		return drop(e, res, why, NULL);
	x->fasttrack = x->conn && x->conn->fasttracked;
	if (x->conn)
		nat_apply(x->conn, p, x->dir, true);
	return 0;
}

/* NAT is decided once, on a connection's first packet */
static bool
first_packet(const struct eng_ctx *x)
{
	return x->conn && x->dir == 0 && x->conn->orig_packets == 1 &&
	    !x->fasttrack;
}

static int
path_route(struct eng *e, struct eng_ctx *x, struct eng_result *res)
{
	const struct eng_route *rt;
	int gwi = 0;

	rt = eng_route_lookup(e, x->p->src4, x->p->dst4, x->routing_mark,
	    x->in_if, x->p, &gwi);
	if (rt == NULL || rt->type != 0)
		return drop(e, res, PD_NO_ROUTE, x->conn);
	x->out_if = rt->gw_if[gwi];
	res->gateway = x->gateway = rt->gw[gwi];
	res->route = x->route = rt;
	if (e->trace)
		e->trace(e->trace_arg, -1, "routing", NULL, x);
	return 0;
}

/* srcnat, the connection's bookkeeping, the rewrite and the result */
static int
path_end(struct eng *e, struct eng_ctx *x, struct eng_result *res)
{
	const struct eng_rule *nat = NULL;

	if (first_packet(x)) {
		eng_chain_run(e, T_NAT, "srcnat", x, &nat);
		if (nat)
			nat_decide(e, nat, x, true);
	}
	if (x->conn) {
		nat_apply(x->conn, x->p, x->dir, false);
		/* the original direction's route: the connection's */
		if (x->dir == 0) {
			x->conn->out_if = x->out_if;
			x->conn->routing_mark = x->routing_mark;
		}
		if (x->fasttrack)
			x->conn->fasttracked = true;
	}
	pkt_rewrite(x->p);
	res->out_if = x->out_if;
	res->conn = x->conn;
	res->packet_mark = x->packet_mark;
	res->routing_mark = x->routing_mark;
	return res->out_if;
}

/*
 * IPv6 (route6.c): tracked, then the /ipv6 firewall in RouterOS's order
 * (raw prerouting before conntrack, mangle prerouting; delivered when
 * addressed to the router (its addresses, link-local and multicast
 * destinations) through mangle and filter input; else routed through
 * mangle forward, filter forward and mangle postrouting).  Connection
 * marks work; routing marks do not choose an IPv6 table here, and there
 * is no NAT66 (RouterOS 6 has none).
 */
static int
forward6(struct eng *e, struct pkt *p, int in_if, int64_t now,
    struct eng_result *res)
{
	const struct eng_route6 *rt;
	enum pkt_drop why = PD_NONE;
	struct eng_ctx x;

	memset(res, 0, sizeof(*res));
	memset(&x, 0, sizeof(x));
	res->out_if = -1;
	x.p = p;
	x.in_if = in_if;
	x.out_if = -1;
	x.now = now;
	if (eng_chain_run(e, T6_RAW, "prerouting", &x, NULL) == V_DROP)
		return drop(e, res, PD_FILTERED, NULL);
	ct_expire(e->ct, now);
	x.conn = ct_lookup(e->ct, p, now, true, &x.dir, &x.state, &why);
	res->conn = x.conn;
	if (x.conn == NULL && why != PD_NONE)
		return drop(e, res, why, NULL);
	if (eng_chain_run(e, T6_MANGLE, "prerouting", &x, NULL) == V_DROP)
		return drop(e, res, PD_FILTERED, x.conn);
	if (eng_is_local6(e, p->dst6) || p->dst6[0] == 0xff ||
	    (p->dst6[0] == 0xfe && (p->dst6[1] & 0xc0) == 0x80)) {
		if (eng_chain_run(e, T6_MANGLE, "input", &x, NULL) == V_DROP ||
		    eng_chain_run(e, T6_FILTER, "input", &x, NULL) == V_DROP)
			return drop(e, res, PD_FILTERED, x.conn);
		res->local = true;
		return -1;
	}
	rt = eng_route_lookup6(e, p->dst6);
	if (rt == NULL || rt->type != 0 || rt->out_if < 0)
		return drop(e, res, PD_NO_ROUTE, x.conn);
	x.out_if = rt->out_if;
	if (eng_chain_run(e, T6_MANGLE, "forward", &x, NULL) == V_DROP ||
	    eng_chain_run(e, T6_FILTER, "forward", &x, NULL) == V_DROP ||
	    eng_chain_run(e, T6_MANGLE, "postrouting", &x, NULL) == V_DROP)
		return drop(e, res, PD_FILTERED, x.conn);
	if (x.conn && x.dir == 0)
		x.conn->out_if = rt->out_if;
	if (rt->has_gw) {
		memcpy(res->gateway6, rt->gw, 16);
		res->has_gateway6 = true;
	}
	res->packet_mark = x.packet_mark;
	res->out_if = rt->out_if;
	return res->out_if;
}

int
eng_forward(struct eng *e, struct pkt *p, int in_if, int64_t now,
    struct eng_result *res)
{
	struct eng_ctx x;
	const struct eng_rule *nat = NULL;

	if (p->family == PF_IP6)
		return forward6(e, p, in_if, now, res);
	if (path_begin(e, p, in_if, now, &x, res) < 0)
		return -1;
	if (!x.fasttrack &&
	    eng_chain_run(e, T_MANGLE, "prerouting", &x, NULL) == V_DROP)
		return drop(e, res, PD_FILTERED, x.conn);
	if (first_packet(&x)) {
		eng_chain_run(e, T_NAT, "dstnat", &x, &nat);
		if (nat)
			nat_decide(e, nat, &x, false);
	}
	if (eng_is_local(e, p->dst4)) {
		if (eng_chain_run(e, T_MANGLE, "input", &x, NULL) == V_DROP ||
		    eng_chain_run(e, T_FILTER, "input", &x, NULL) == V_DROP)
			return drop(e, res, PD_FILTERED, x.conn);
		if (x.conn && x.dir == 0)
			x.conn->routing_mark = x.routing_mark;
		res->local = true;
		res->conn = x.conn;
		res->packet_mark = x.packet_mark;
		res->routing_mark = x.routing_mark;
		return -1;
	}
	if (path_route(e, &x, res) < 0)
		return -1;
	if (!x.fasttrack &&
	    (eng_chain_run(e, T_MANGLE, "forward", &x, NULL) == V_DROP ||
	    eng_chain_run(e, T_FILTER, "forward", &x, NULL) == V_DROP ||
	    eng_chain_run(e, T_MANGLE, "postrouting", &x, NULL) == V_DROP))
		return drop(e, res, PD_FILTERED, x.conn);
	return path_end(e, &x, res);
}

/*
 * A packet the router itself sends (a reply of a local service, a
 * check-gateway or netwatch probe): conntrack, mangle output (where the
 * slide deck's output rules put routing marks on connections that came
 * in on a WAN), routing with that mark, filter output, mangle
 * postrouting, srcnat.  Returns the out interface or -1.
 */
int
eng_output(struct eng *e, struct pkt *p, int64_t now, struct eng_result *res)
{
	struct eng_ctx x;

	if (path_begin(e, p, -1, now, &x, res) < 0)
		return -1;
	x.fasttrack = false;
	if (eng_chain_run(e, T_MANGLE, "output", &x, NULL) == V_DROP)
		return drop(e, res, PD_FILTERED, x.conn);
	if (path_route(e, &x, res) < 0)
		return -1;
	if (eng_chain_run(e, T_FILTER, "output", &x, NULL) == V_DROP ||
	    eng_chain_run(e, T_MANGLE, "postrouting", &x, NULL) == V_DROP)
		return drop(e, res, PD_FILTERED, x.conn);
	return path_end(e, &x, res);
}

static void
tuple_addr(const struct ct_tuple *t, bool src, struct strbuf *sb)
{
	sch_ip4_print(eng_get4(src ? t->src : t->dst), sb);
	if (t->proto == 6 || t->proto == 17 || t->proto == 132 ||
	    t->proto == 33 || t->proto == 136)
		sb_addf(sb, ":%u", src ? t->sport : t->dport);
}

/*
 * Writes the conntrack table into /ip firewall connection (dynamic items,
 * in creation order) so the generic print, find and where see it.
 * Returns the connections in item order (*n of them; the caller frees
 * the vector), so a "remove" of items can reach the table.
 */
struct ct_conn **
eng_sync_connections(struct eng *e, int64_t now, size_t *n_out)
{
	struct sch_node *n = sch_lookup("/ip/firewall/connection");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l;
	struct ct_conn **v;
	size_t nc, i;

	*n_out = 0;
	if (m == NULL)
		return NULL;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n; i++)
		cfg_remove(e->cfg, m, l->items[i]);
	cfg_compact(e->cfg, m);
	ct_expire(e->ct, now);
	v = ct_list(e->ct, &nc);
	for (i = 0; i < nc; i++) {
		const struct ct_conn *c = v[i];
		struct cfg_item *it = cfg_item_new(m);
		struct strbuf sb = STRBUF_INIT;
		static const char *const pn[] = { [1] = "icmp", [6] = "tcp",
		    [17] = "udp" };
		const char *mk = eng_mark_name(e, c->conn_mark);

		if (c->orig.proto < NELEM(pn) && pn[c->orig.proto])
			sb_add(&sb, pn[c->orig.proto]);
		else
			sb_addf(&sb, "%u", c->orig.proto);
		cfg_set_text(m, it, "protocol", sb_str(&sb));
#define SET(prop, expr) do { sb_reset(&sb); expr; \
		cfg_set_text(m, it, prop, sb_str(&sb)); } while (0)
		SET("src-address", tuple_addr(&c->orig, true, &sb));
		SET("dst-address", tuple_addr(&c->orig, false, &sb));
		SET("reply-src-address", tuple_addr(&c->reply, true, &sb));
		SET("reply-dst-address", tuple_addr(&c->reply, false, &sb));
		if (c->orig.proto == 6)
			cfg_set_text(m, it, "tcp-state",
			    ct_tcp_state_names[c->tcp]);
		/* ROS shows whole seconds counting down */
		SET("timeout", sch_time_print(c->expires > now ?
		    (c->expires - now) / 1000000000 * 1000000000 : 0, &sb));
		if (mk)
			cfg_set_text(m, it, "connection-mark", mk);
		SET("orig-packets", sb_addf(&sb, "%llu",
		    (unsigned long long)c->orig_packets));
		SET("orig-bytes", sb_addf(&sb, "%llu",
		    (unsigned long long)c->orig_bytes));
		SET("repl-packets", sb_addf(&sb, "%llu",
		    (unsigned long long)c->repl_packets));
		SET("repl-bytes", sb_addf(&sb, "%llu",
		    (unsigned long long)c->repl_bytes));
#undef SET
		cfg_set_text(m, it, "seen-reply", c->seen_reply ? "yes" : "no");
		cfg_set_text(m, it, "assured", c->assured ? "yes" : "no");
		cfg_set_text(m, it, "confirmed", "yes");
		cfg_set_text(m, it, "fasttrack", c->fasttracked ? "yes" : "no");
		cfg_set_text(m, it, "srcnat", c->srcnat ? "yes" : "no");
		cfg_set_text(m, it, "dstnat", c->dstnat ? "yes" : "no");
		sb_fini(&sb);
		it->flags |= CI_DYNAMIC;
		it->created = c->created;
		cfg_insert(e->cfg, m, it, (size_t)-1);
	}
	*n_out = nc;
	return v;
}
