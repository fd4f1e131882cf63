/*
 * DOC: route - the forwarding table compiled from /ip address (connected
 * routes) and /ip route, and the lookup (routeros-engine.md §5).
 *
 * Tables are identified by the interned routing mark (0 = main).  v6: a
 * route's routing-mark= puts it in that table; v7: routing-table=.  A
 * route is a candidate when enabled, not failed by check-gateway
 * (eng_route_set_gw_state; all gateways up until the failover issue), and
 * (unicast) a gateway resolves through a connected network; per
 * destination the lowest distance wins; the lookup is longest prefix
 * among candidates.  With a routing mark the marked table is tried first
 * and the lookup falls through to main when it has no matching route
 * (§5.3 v6, §5.4 v7 - the documented PCC failover behaviour); user rules
 * (/ip route rule, /routing rule) come between.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eng.h"

static uint32_t
mask_of(uint32_t plen)
{
	return plen ? 0xffffffffu << (32 - plen) : 0;
}

int
eng_connected_if(const struct eng *e, uint32_t ip)
{
	int i, k, best = -1, bestlen = -1;

	for (i = 0; i < e->nif; i++) {
		if (!e->ifs[i].running)
			continue;
		for (k = 0; k < e->ifs[i].naddr; k++) {
			uint32_t m = mask_of(e->ifs[i].plen[k]);

			if ((ip & m) == (e->ifs[i].addr[k] & m) &&
			    e->ifs[i].plen[k] > bestlen) {
				best = i;
				bestlen = e->ifs[i].plen[k];
			}
		}
	}
	return best;
}

static void
push(struct eng *e, const struct eng_route *r)
{
	e->rt = xrealloc(e->rt, (e->nrt + 1) * sizeof(*e->rt));
	e->rt[e->nrt++] = *r;
}

/*
 * A prefix value of a rule ("" / unset: any) into lo..hi.  v7 keeps them
 * as text (IPv4 or IPv6); an IPv6 prefix never matches an IPv4 packet.
 */
static void
rule_range(const struct sch_menu *m, const struct cfg_item *it,
    const char *prop, uint32_t *lo, uint32_t *hi)
{
	const char *t = cfg_get(m, it, prop), *sl;
	char buf[32];
	uint32_t ip, plen = 32;

	*lo = 0;
	*hi = 0xffffffffu;
	if (t == NULL || *t == '\0')
		return;
	snprintf(buf, sizeof(buf), "%s", t);
	if ((sl = strchr(buf, '/')) != NULL) {
		plen = (uint32_t)atoi(sl + 1);
		buf[sl - buf] = '\0';
	}
	if (sch_ip4_parse(buf, &ip) < 0 || plen > 32) {
		*lo = 1;	/* an empty range */
		*hi = 0;
		return;
	}
	*lo = ip & mask_of(plen);
	*hi = *lo | ~mask_of(plen);
}

/* /ip route rule (v6) or /routing rule (v7), in order */
static void
build_rules(struct eng *e)
{
	struct sch_node *n = sch_lookup(e->ros == 6 ? "/ip/route/rule" :
	    "/routing/rule");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l;
	size_t i;

	if (m == NULL || m->def == NULL)
		return;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *a = cfg_get(m, it, "action");
		const char *mk = cfg_get(m, it, "routing-mark");
		const char *ifc = cfg_get(m, it, "interface");
		const char *tb = cfg_get(m, it, "table");
		struct eng_rrule r;

		if (cfg_item_off(m, it))
			continue;
		memset(&r, 0, sizeof(r));
		rule_range(m, it, "src-address", &r.src_lo, &r.src_hi);
		rule_range(m, it, "dst-address", &r.dst_lo, &r.dst_hi);
		r.in_if = -1;
		if (ifc && *ifc && (r.in_if = eng_if_index(e, ifc)) < 0)
			continue;	/* no such interface: never matches */
		r.mark = mk && *mk ? eng_mark(e, mk) : 0;
		r.action = a == NULL || !strcmp(a, "lookup") ? 0 :
		    !strcmp(a, "lookup-only-in-table") ? 1 :
		    !strcmp(a, "drop") ? 2 : 3;
		r.table = tb && *tb && strcmp(tb, "main") ? eng_mark(e, tb) : 0;
		e->rr = xrealloc(e->rr, (e->nrr + 1) * sizeof(*e->rr));
		e->rr[e->nrr++] = r;
	}
}

/*
 * v7: only tables with "fib" forward (main always does); routes of a
 * /routing table without fib stay out of the FIB.  ROS: a routing-table=
 * that names no table at all is refused when the route is added, so
 * such routes do not get here.
 */
static void
drop_nofib(struct eng *e)
{
	struct sch_node *n = sch_lookup("/routing/table");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l;
	size_t i, k, w;

	if (m == NULL || m->def == NULL)
		return;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *nm = cfg_get(m, it, "name");
		uint32_t id;

		if ((it->flags & CI_DEAD) || nm == NULL ||
		    !strcmp(nm, "main") || cfg_get(m, it, "fib") != NULL)
			continue;
		id = eng_mark(e, nm);
		for (k = w = 0; k < e->nrt; k++)
			if (e->rt[k].table != id)
				e->rt[w++] = e->rt[k];
		e->nrt = w;
	}
}

/*
 * The route (main table, longest prefix, lowest distance) that resolves
 * gateway gw for a route of target-scope ts: its scope must be <= ts.
 * Recursive routes resolve through routes that are themselves resolved
 * (already in the FIB).
 */
static const struct eng_route *
resolve_via(const struct eng *e, uint32_t gw, int ts)
{
	const struct eng_route *best = NULL;
	size_t i;

	for (i = 0; i < e->nrt; i++) {
		const struct eng_route *r = &e->rt[i];

		if (r->table != 0 || r->type != 0 || r->ngw == 0 ||
		    r->scope > ts || (gw & mask_of(r->plen)) != r->dst)
			continue;
		if (best == NULL || r->plen > best->plen ||
		    (r->plen == best->plen && r->distance < best->distance))
			best = r;
	}
	return best;
}

void
eng_build_routes(struct eng *e)
{
	struct sch_node *n = sch_lookup("/ip/route");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l;
	size_t i;
	int f, k, pass;
	bool *defer;

	/* connected: distance 0, on the interface of the address */
	for (f = 0; f < e->nif; f++)
		for (k = 0; k < e->ifs[f].naddr; k++) {
			struct eng_route r;

			memset(&r, 0, sizeof(r));
			r.plen = e->ifs[f].plen[k];
			r.dst = e->ifs[f].addr[k] & mask_of(r.plen);
			r.gw_if[0] = f;
			r.ngw = 1;
			r.scope = 10;
			r.connected = true;
			if (e->ifs[f].running)
				push(e, &r);
		}
	if (m == NULL)
		return;
	l = cfg_list(e->cfg, m);
	/* pass 0: routes with directly reachable gateways; pass 1: the
	 * recursive ones, which resolve through those */
	defer = xcalloc(l->n + 1, sizeof(*defer));
	for (pass = 0; pass < 2; pass++)
	for (i = 0; i < l->n; i++) {
		struct cfg_item *it = l->items[i];
		int di = sch_prop_find(m, "dst-address");
		const struct sch_val *dst = di >= 0 && it->v[di].text ?
		    &it->v[di] : NULL;
		const char *gw = cfg_get(m, it, "gateway");
		const char *tbl = cfg_get(m, it, e->ros == 6 ? "routing-mark" :
		    "routing-table");
		const char *type = cfg_get(m, it, "type");
		const char *dist = cfg_get(m, it, "distance");
		const char *cgw = cfg_get(m, it, "check-gateway");
		bool cg = cgw && *cgw && strcmp(cgw, "none") != 0;
		const char *sc = cfg_get(m, it, "scope");
		const char *ts = cfg_get(m, it, "target-scope");
		struct eng_route r;
		uint32_t rec[8];	/* gateways to resolve recursively */
		int nrec = 0, j;

		if (cfg_item_off(m, it) || (it->flags & CI_CONNECT) ||
		    (pass == 1 && !defer[i]))
			continue;
		memset(&r, 0, sizeof(r));
		r.item = it;
		/* the value the schema parsed once (vt_ip_prefix); unset: 0/0 */
		if (dst) {
			r.plen = dst->u.ip4.plen;
			r.dst = dst->u.ip4.lo & mask_of(r.plen);
		}
		r.table = tbl && strcmp(tbl, "main") ? eng_mark(e, tbl) : 0;
		r.distance = dist ? atoi(dist) : 1;
		r.scope = sc ? atoi(sc) : 30;
		if ((type && !strcmp(type, "blackhole")) ||
		    cfg_get(m, it, "blackhole"))
			r.type = 1;
		else if (type && !strcmp(type, "unreachable"))
			r.type = 2;
		else if (type && !strcmp(type, "prohibit"))
			r.type = 3;
		if (gw && r.type == 0) {
			char *t = xstrdup(gw), *p = t;

			/* "a,b" ECMP; "a@main" resolves in main (same here) */
			while (p && *p && r.ngw < 8) {
				char *comma = strchr(p, ',');
				uint32_t ip;

				if (comma)
					*comma = '\0';
				if (strchr(p, '@'))
					*strchr(p, '@') = '\0';
				if (sch_ip4_parse(p, &ip) == 0) {
					r.gw[r.ngw] = ip;
					r.gw_if[r.ngw] = eng_connected_if(e, ip);
					if (r.gw_if[r.ngw] < 0 && nrec < 8 &&
					    !((cg || e->ros == 6) && e->world &&
					    eng_world_gwdown(e->world, ip)))
						rec[nrec++] = ip;
					/*
					 * check-gateway failed it: not a candidate.
					 * v6 keeps one state per gateway address, so
					 * every route through it goes (the deck's
					 * "only need check-gateway on marked
					 * routes"); v7 one per check-gateway kind:
					 * routes without it stay (reference §5.1)
					 */
					if (r.gw_if[r.ngw] >= 0 && !((cg ||
					    e->ros == 6) && e->world &&
					    eng_world_gwdown(e->world, ip)))
						r.ngw++;
				} else if (eng_if_index(e, p) >= 0) {
					r.gw[r.ngw] = 0;
					r.gw_if[r.ngw++] = eng_if_index(e, p);
				}
				p = comma ? comma + 1 : NULL;
			}
			free(t);
			if (pass == 0 && nrec > 0) {
				defer[i] = true;
				continue;
			}
			/*
			 * a gateway not on a connected network: through a
			 * route whose scope is within this one's target-scope
			 * (recursive next hop, §5.1) among the routes of
			 * pass 0 (one level of recursion)
			 */
			for (j = 0; j < nrec && r.ngw < 8; j++) {
				int tsv = ts ? atoi(ts) : 10;
				const struct eng_route *via = resolve_via(e,
				    rec[j], tsv);

				if (via) {
					r.gw[r.ngw] = via->gw[0] ? via->gw[0] :
					    rec[j];
					r.gw_if[r.ngw++] = via->gw_if[0];
				}
			}
			if (r.ngw == 0)
				continue;	/* unreachable gateway: inactive */
		}
		push(e, &r);
	}
	free(defer);
	build_rules(e);
	if (e->ros == 7)
		drop_nofib(e);
}

void
eng_free_routes(struct eng *e)
{
	free(e->rt);
	e->rt = NULL;
	e->nrt = 0;
	free(e->rr);
	e->rr = NULL;
	e->nrr = 0;
}

/* longest prefix, then lowest distance, in one table */
static const struct eng_route *
lookup_table(const struct eng *e, uint32_t table, uint32_t dst)
{
	const struct eng_route *best = NULL;
	size_t i;

	for (i = 0; i < e->nrt; i++) {
		const struct eng_route *r = &e->rt[i];

		if (r->table != table && !(r->connected && table == 0))
			continue;
		if ((dst & mask_of(r->plen)) != r->dst)
			continue;
		if (best == NULL || r->plen > best->plen ||
		    (r->plen == best->plen && r->distance < best->distance))
			best = r;
	}
	return best;
}

static uint32_t
flow_hash(const struct pkt *p)
{
	uint8_t k[8];

	eng_put4(k, p->src4);
	eng_put4(k + 4, p->dst4);
	return pcc_jhash(k, sizeof(k), 0);
}

static bool
rule_matches(const struct eng_rrule *r, uint32_t src, uint32_t dst,
    uint32_t mark, int in_if)
{
	return src >= r->src_lo && src <= r->src_hi && dst >= r->dst_lo &&
	    dst <= r->dst_hi && (r->in_if < 0 || r->in_if == in_if) &&
	    (r->mark == 0 || r->mark == mark);
}

/*
 * The rules first (§5.3/§5.4): a matching "lookup" rule tries its table
 * and goes on to the next rule when the table has no route;
 * "lookup-only-in-table" stops there; drop and unreachable stop with no
 * route.  Then the packet's own mark's table, then main.
 */
const struct eng_route *
eng_route_lookup(const struct eng *e, uint32_t src, uint32_t dst,
    uint32_t mark, int in_if, const struct pkt *flow, int *gwi)
{
	const struct eng_route *r = NULL;
	size_t i;

	for (i = 0; i < e->nrr && r == NULL; i++) {
		const struct eng_rrule *u = &e->rr[i];

		if (!rule_matches(u, src, dst, mark, in_if))
			continue;
		if (u->action >= 2)
			return NULL;
		r = lookup_table(e, u->table, dst);
		if (r == NULL && u->action == 1)
			return NULL;
	}
	/* v6 delivers to local addresses first; v7 after the mangle table */
	if (r == NULL && mark != 0)
		r = lookup_table(e, mark, dst);
	if (r == NULL)
		r = lookup_table(e, 0, dst);
	if (r && gwi)
		*gwi = r->ngw > 1 && flow ? (int)(flow_hash(flow) %
		    (uint32_t)r->ngw) : 0;
	return r;
}

/*
 * Whether the FIB has route item it installed: a candidate (enabled,
 * gateway resolved) that no other candidate of its table and prefix
 * beats on distance (the first added wins a tie).  Connected route items
 * (CI_CONNECT) match the connected route of their network and interface.
 * 1, 0, or -1 when the item is not a route the engine compiles.
 */
int
eng_route_active(const struct eng *e, const struct cfg_item *it,
    const char *ifname, uint32_t dst, uint32_t plen)
{
	const struct eng_route *me = NULL;
	size_t i;

	if (it->flags & CI_CONNECT) {
		int f = ifname ? eng_if_index(e, ifname) : -1;

		for (i = 0; i < e->nrt; i++)
			if (e->rt[i].connected && e->rt[i].gw_if[0] == f &&
			    e->rt[i].plen == plen &&
			    e->rt[i].dst == (dst & mask_of(plen)))
				return 1;
		return 0;
	}
	for (i = 0; i < e->nrt; i++)
		if (e->rt[i].item == it) {
			me = &e->rt[i];
			break;
		}
	if (me == NULL)
		return 0;
	for (i = 0; i < e->nrt; i++) {
		const struct eng_route *o = &e->rt[i];

		if (o == me || o->table != me->table || o->plen != me->plen ||
		    o->dst != me->dst)
			continue;
		if (o->distance < me->distance ||
		    (o->distance == me->distance && o < me))
			return 0;
	}
	return 1;
}
