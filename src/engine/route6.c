/*
 * DOC: route6 - IPv6 forwarding, enough to track and route (issue 4):
 * the router's addresses and connected networks from /ipv6 address, static
 * routes from /ipv6 route (gateway an address, "addr%iface" or an
 * interface; distance; blackhole/unreachable types), longest prefix then
 * lowest distance.  IPv6 packets are tracked by conntrack like IPv4 ones
 * and pass the /ipv6 firewall (engine.c forward6, fw.c); RouterOS 6 has
 * no IPv6 NAT, and NAT66 of v7 is not emulated.
 */
#include <stdlib.h>
#include <string.h>

#include "eng.h"

static bool
prefix_eq(const uint8_t *a, const uint8_t *b, uint32_t plen)
{
	uint32_t full = plen / 8, rest = plen % 8;

	if (memcmp(a, b, full) != 0)
		return false;
	if (rest == 0)
		return true;
	return ((a[full] ^ b[full]) & (uint8_t)(0xff << (8 - rest))) == 0;
}

/* "2001:db8::1/64" -> address and prefix length (no slash: /128) */
static int
parse_prefix6(const char *t, uint8_t a[16], uint32_t *plen)
{
	char buf[64], *sl;

	if (t == NULL || strlen(t) >= sizeof(buf))
		return -1;
	strcpy(buf, t);
	*plen = 128;
	if ((sl = strchr(buf, '/')) != NULL) {
		*sl = '\0';
		*plen = (uint32_t)atoi(sl + 1);
		if (*plen > 128)
			return -1;
	}
	return sch_ip6_parse(buf, a);
}

static void
push6(struct eng *e, const struct eng_route6 *r)
{
	e->rt6 = xrealloc(e->rt6, (e->nrt6 + 1) * sizeof(*e->rt6));
	e->rt6[e->nrt6++] = *r;
}

static struct sch_menu *
menu(const char *path)
{
	struct sch_node *n = sch_lookup(path);

	return n ? sch_menu_of(n) : NULL;
}

/* the connected route whose network holds a (longest), or NULL */
static const struct eng_route6 *
connected6(const struct eng *e, const uint8_t *a)
{
	const struct eng_route6 *best = NULL;
	size_t i;

	for (i = 0; i < e->nrt6; i++)
		if (e->rt6[i].connected && prefix_eq(a, e->rt6[i].dst,
		    e->rt6[i].plen) && (best == NULL ||
		    e->rt6[i].plen > best->plen))
			best = &e->rt6[i];
	return best;
}

int
eng_connected_if6(const struct eng *e, const uint8_t *a)
{
	const struct eng_route6 *r = connected6(e, a);

	return r ? r->out_if : -1;
}

bool
eng_is_local6(const struct eng *e, const uint8_t *a)
{
	size_t i;

	for (i = 0; i < e->nlocal6; i++)
		if (!memcmp(e->local6[i].a, a, 16))
			return true;
	return false;
}

void
eng_build_routes6(struct eng *e)
{
	struct sch_menu *am = menu("/ipv6/address"), *rm = menu("/ipv6/route");
	struct cfg_list *l;
	size_t i;

	for (i = 0; am && i < (l = cfg_list(e->cfg, am))->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *ifc = cfg_get(am, it, "interface");
		struct eng_route6 r;
		int f;

		memset(&r, 0, sizeof(r));
		if (cfg_item_off(am, it) || (f = ifc ? eng_if_index(e, ifc) : -1) < 0 ||
		    parse_prefix6(cfg_get(am, it, "address"), r.dst,
		    &r.plen) < 0 || !e->ifs[f].running)
			continue;
		e->local6 = xrealloc(e->local6, (e->nlocal6 + 1) *
		    sizeof(*e->local6));
		memcpy(e->local6[e->nlocal6++].a, r.dst, 16);
		for (f = 0; (uint32_t)f < 16; f++)	/* the network */
			if ((uint32_t)f * 8 >= r.plen)
				r.dst[f] = 0;
			else if ((uint32_t)f * 8 + 8 > r.plen)
				r.dst[f] &= (uint8_t)(0xff << (8 - r.plen % 8));
		r.out_if = eng_if_index(e, ifc);
		r.connected = true;
		push6(e, &r);
	}
	for (i = 0; rm && i < (l = cfg_list(e->cfg, rm))->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *gw = cfg_get(rm, it, "gateway");
		const char *dst = cfg_get(rm, it, "dst-address");
		const char *ty = cfg_get(rm, it, "type");
		const char *d = cfg_get(rm, it, "distance");
		struct eng_route6 r;
		char buf[64], *pc;

		if (cfg_item_off(rm, it) || (it->flags & CI_DYNAMIC))
			continue;
		memset(&r, 0, sizeof(r));
		r.out_if = -1;
		if (parse_prefix6(dst ? dst : "::/0", r.dst, &r.plen) < 0)
			continue;
		r.distance = d ? atoi(d) : 1;
		if (ty && (!strcmp(ty, "blackhole") ||
		    !strcmp(ty, "unreachable") || !strcmp(ty, "prohibit"))) {
			r.type = 1;
			push6(e, &r);
			continue;
		}
		if (gw == NULL || strlen(gw) >= sizeof(buf))
			continue;
		strcpy(buf, gw);
		if ((pc = strchr(buf, '%')) != NULL) {	/* fe80::1%ether1 */
			*pc++ = '\0';
			r.out_if = eng_if_index(e, pc);
		}
		if (sch_ip6_parse(buf, r.gw) == 0) {
			const struct eng_route6 *c = connected6(e, r.gw);

			if (r.out_if < 0 && c)
				r.out_if = c->out_if;
			r.has_gw = true;
		} else
			r.out_if = eng_if_index(e, buf);
		if (r.out_if < 0 || !e->ifs[r.out_if].running)
			continue;	/* gateway not reachable: inactive */
		push6(e, &r);
	}
}

void
eng_free_routes6(struct eng *e)
{
	free(e->rt6);
	e->rt6 = NULL;
	e->nrt6 = 0;
	free(e->local6);
	e->local6 = NULL;
	e->nlocal6 = 0;
}

const struct eng_route6 *
eng_route_lookup6(const struct eng *e, const uint8_t *dst)
{
	const struct eng_route6 *best = NULL;
	size_t i;

	for (i = 0; i < e->nrt6; i++) {
		const struct eng_route6 *r = &e->rt6[i];

		if (!prefix_eq(dst, r->dst, r->plen))
			continue;
		if (best == NULL || r->plen > best->plen ||
		    (r->plen == best->plen && r->distance < best->distance))
			best = r;
	}
	return best;
}
