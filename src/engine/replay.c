/*
 * DOC: replay - a capture through the engine (DESIGN.md "Replay model").
 *
 * A LAN-side capture holds both directions as the LAN saw them.  A packet
 * from a host on one of the router's connected networks enters on that
 * interface.  A packet from a remote host is the far side's answer: it is
 * delivered the way the ISP would deliver it, on the WAN its connection
 * was routed out of and addressed to that connection's translated (NATed)
 * address and port; the engine then un-NATs and routes it back.  A remote
 * packet with no connection is counted as unmatched and skipped.  Frames
 * of a per-interface capture (iface >= 0) enter on that interface as they
 * are.  What leaves each interface goes to the sink; time is the
 * capture's.
 *
 * The router answers what is addressed to it, as RouterOS does: an ARP
 * request for one of the interface's addresses gets an ARP reply on that
 * interface, an ICMP echo request to one of its addresses an echo reply,
 * which leaves through the output path (mangle output, routing with its
 * marks, srcnat) like any packet the router originates.
 */
#include <stdlib.h>
#include <string.h>

#include "eng.h"
#include "replay.h"

void
replay_init(struct replay *r, struct eng *e, replay_sink_fn sink, void *arg)
{
	memset(r, 0, sizeof(*r));
	r->e = e;
	r->sink = sink;
	r->arg = arg;
}

static void
frame_done(struct replay *r, uint8_t *buf)
{
	if (buf != r->frame)
		free(buf);
}

/*
 * The far side's answer cannot come (failover.c's world): the remote host
 * does not answer, or the answer arrives on interface f (the one holding
 * the address it is sent to, the ISP that owns it) whose link is out or
 * whose ISP router (a dead host on f's network) is gone.  Without an
 * owner (no NAT) the next hop the connection's route takes now decides.
 */
static bool
answer_lost(const struct eng *e, const struct ct_conn *c, int f, bool owner,
    uint32_t remote)
{
	const struct eng_route *rt;
	int gwi = 0, k;
	size_t i;

	if (e->world == NULL)
		return false;
	if (!e->ifs[f].running || eng_world_dead(e->world, remote))
		return true;
	if (owner) {
		for (i = 0; i < e->world->ndead; i++)
			for (k = 0; k < e->ifs[f].naddr; k++) {
				uint32_t m = e->ifs[f].plen[k] ? 0xffffffffu <<
				    (32 - e->ifs[f].plen[k]) : 0;

				if ((e->world->dead[i] & m) ==
				    (e->ifs[f].addr[k] & m))
					return true;
			}
		return false;
	}
	rt = eng_route_lookup(e, 0, remote, c->routing_mark, -1, NULL, &gwi);
	return rt && rt->gw[gwi] && eng_world_dead(e->world, rt->gw[gwi]);
}

static void
wr16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

/* ---- live mode: neighbours ---- */

static struct replay_neigh *
neigh(struct replay *r, int f, uint32_t ip, bool create)
{
	size_t i;

	for (i = 0; i < r->nnb; i++)
		if (r->nb[i].f == f && r->nb[i].ip == ip)
			return &r->nb[i];
	if (!create)
		return NULL;
	xgrow((void **)&r->nb, &r->capnb, r->nnb + 1, sizeof(*r->nb));
	memset(&r->nb[r->nnb], 0, sizeof(r->nb[0]));
	r->nb[r->nnb].f = f;
	r->nb[r->nnb].ip = ip;
	r->nb[r->nnb].asked = -1;
	return &r->nb[r->nnb++];
}

/* ip is at mac on f (an ARP packet, a frame from a connected host) */
static void
neigh_learn(struct replay *r, int f, uint32_t ip, const uint8_t *mac,
    int64_t ts)
{
	struct replay_neigh *n;

	if (!r->live || f < 0 || ip == 0 || (mac[0] & 1) ||
	    eng_connected_if(r->e, ip) != f)
		return;
	n = neigh(r, f, ip, true);
	memcpy(n->mac, mac, 6);
	n->known = true;
	if (n->held) {		/* the frame that waited for it */
		uint8_t *b = n->held;
		size_t len = n->held_len;

		n->held = NULL;
		memcpy(b, mac, 6);
		if (r->sink)
			r->sink(r->arg, f, ts, b, len);
		free(b);
	}
}

static void
wr16(uint8_t *b, uint16_t v);

/* who-has ip, out of f, at most once a second per neighbour */
static void
arp_ask(struct replay *r, struct replay_neigh *n, int64_t ts)
{
	const struct eng_if *ifc = &r->e->ifs[n->f];
	uint8_t fr[42];

	if (n->asked >= 0 && ts - n->asked < 1000000000LL)
		return;
	n->asked = ts;
	memset(fr, 0xff, 6);
	memcpy(fr + 6, ifc->mac, 6);
	wr16(fr + 12, 0x0806);
	wr16(fr + 14, 1);
	wr16(fr + 16, 0x0800);
	fr[18] = 6;
	fr[19] = 4;
	wr16(fr + 20, 1);		/* request */
	memcpy(fr + 22, ifc->mac, 6);
	eng_put4(fr + 28, ifc->naddr ? ifc->addr[0] : 0);
	memset(fr + 32, 0, 6);
	eng_put4(fr + 38, n->ip);
	if (r->sink)
		r->sink(r->arg, n->f, ts, fr, sizeof(fr));
}

void
replay_fini(struct replay *r)
{
	size_t i;

	for (i = 0; i < r->nnb; i++)
		free(r->nb[i].held);
	free(r->nb);
	r->nb = NULL;
	r->nnb = r->capnb = 0;
}

/* an ARP request for an address of interface f: the reply, out of f */
static void
arp_answer(struct replay *r, const struct pkt *p, int f, int64_t ts)
{
	const struct eng_if *ifc = &r->e->ifs[f];
	uint8_t fr[42];
	int k;

	if (p->arp_op != 1)
		return;
	for (k = 0; k < ifc->naddr && ifc->addr[k] != p->dst4; k++)
		;
	if (k == ifc->naddr)
		return;
	memcpy(fr, p->arp_sha, 6);
	memcpy(fr + 6, ifc->mac, 6);
	wr16(fr + 12, 0x0806);
	wr16(fr + 14, 1);		/* Ethernet */
	wr16(fr + 16, 0x0800);		/* IPv4 */
	fr[18] = 6;
	fr[19] = 4;
	wr16(fr + 20, 2);		/* reply */
	memcpy(fr + 22, ifc->mac, 6);
	eng_put4(fr + 28, p->dst4);
	memcpy(fr + 32, p->arp_sha, 6);
	eng_put4(fr + 38, p->src4);
	r->answered++;
	if (r->sink)
		r->sink(r->arg, f, ts, fr, sizeof(fr));
}

static void out_frame(struct replay *, struct pkt *, int out,
    const struct eng_result *, int64_t ts);

/*
 * An echo request the router took (input accepted it): the echo reply,
 * built from the request as it arrived and sent through the output path.
 */
static void
echo_answer(struct replay *r, const uint8_t *frame, size_t len, int64_t ts)
{
	uint8_t *b = xmalloc(len);
	struct pkt q;
	struct eng_result res;
	uint32_t a;
	int out;

	memcpy(b, frame, len);
	if (pkt_decode(&q, b, len) != PD_NONE || q.family != PF_IP4 ||
	    q.proto != IPP_ICMP || !q.has_l4 || q.icmp_type != 8 || q.frag) {
		free(b);
		return;
	}
	a = q.src4;
	q.src4 = q.dst4;
	q.dst4 = a;
	q.ttl = 64;
	b[q.l4off] = 0;			/* echo reply */
	pkt_rewrite(&q);
	pkt_fix_checksums(&q);
	if (pkt_decode(&q, b, len) == PD_NONE &&
	    (out = eng_output(r->e, &q, ts, &res)) >= 0) {
		r->answered++;
		out_frame(r, &q, out, &res, ts);
	}
	free(b);
}

int
replay_send(struct replay *r, int64_t ts, const uint8_t *frame, size_t len)
{
	uint8_t *b = xmalloc(len);
	struct pkt q;
	struct eng_result res;
	int out = -1;

	memcpy(b, frame, len);
	if (pkt_decode(&q, b, len) == PD_NONE && q.family == PF_IP4 &&
	    (out = eng_output(r->e, &q, ts, &res)) >= 0)
		out_frame(r, &q, out, &res, ts);
	free(b);
	return out;
}

/* Ethernet from the out interface to the next hop, to the sink */
static void
out_frame(struct replay *r, struct pkt *p, int out,
    const struct eng_result *res, int64_t ts)
{
	memcpy(p->smac, r->e->ifs[out].mac, 6);
	if (r->live && p->family == PF_IP4) {
		/* the next hop's own MAC, or hold the frame and ask */
		uint32_t nh = res->gateway ? res->gateway : p->dst4;
		struct replay_neigh *n = neigh(r, out, nh, true);

		pkt_rewrite(p);
		if (!n->known) {
			free(n->held);
			n->held = xmalloc(p->len);
			memcpy(n->held, p->buf, p->len);
			n->held_len = p->len;
			arp_ask(r, n, ts);
			return;
		}
		memcpy(p->buf, n->mac, 6);
		if (r->sink)
			r->sink(r->arg, out, ts, p->buf, p->len);
		return;
	}
	if (res->gateway) {
		p->dmac[0] = 0x02;	/* a stable made-up MAC per gateway */
		p->dmac[1] = 0x00;
		eng_put4(p->dmac + 2, res->gateway);
	}
	pkt_rewrite(p);
	if (r->sink)
		r->sink(r->arg, out, ts, p->buf, p->len);
}

/*
 * IPv6: a LAN host's packet enters on its connected network's interface,
 * a remote host's answer on the interface its connection left by (no
 * NAT); then routed (engine.c forward6).  Takes buf.
 */
static int
frame6(struct replay *r, struct pkt *p, uint8_t *buf, int in_if, int64_t ts)
{
	struct eng *e = r->e;
	struct eng_result res;
	int out;

	if (in_if < 0 && (in_if = eng_connected_if6(e, p->src6)) < 0) {
		struct ct_tuple t, inv;
		struct ct_conn *c;
		int dir = 0;

		if (ct_tuple_from_pkt(&t, p) < 0) {
			r->unmatched++;
			frame_done(r, buf);
			return -1;
		}
		ct_tuple_invert(&inv, &t);
		c = ct_find(e->ct, &inv, &dir);
		if (c == NULL || dir != 0 || c->out_if < 0) {
			r->unmatched++;
			frame_done(r, buf);
			return -1;
		}
		in_if = c->out_if;
	}
	out = eng_forward(e, p, in_if, ts, &res);
	if (out < 0) {
		if (res.local)
			r->local++;
		else
			r->dropped++;
		frame_done(r, buf);
		return -1;
	}
	r->forwarded++;
	memcpy(p->smac, e->ifs[out].mac, 6);
	if (res.has_gateway6) {
		p->dmac[0] = 0x02;	/* a stable made-up MAC per gateway */
		p->dmac[1] = 0x00;
		memcpy(p->dmac + 2, res.gateway6 + 12, 4);
	}
	pkt_rewrite(p);
	if (r->sink)
		r->sink(r->arg, out, ts, p->buf, p->len);
	frame_done(r, buf);
	return out;
}

int
replay_frame(struct replay *r, int64_t ts, const uint8_t *frame, size_t len,
    int iface)
{
	struct eng *e = r->e;
	struct pkt p;
	struct eng_result res;
	enum pkt_drop why;
	uint8_t *buf;
	int in_if = iface, out;
	bool owner;

	r->frames++;
	/* the engine rewrites the frame: a copy, on the heap only when it
	 * does not fit the replay's own buffer */
	buf = len <= sizeof(r->frame) ? r->frame : xmalloc(len);
	if (len > 0)
		memcpy(buf, frame, len);
	memset(&p, 0, sizeof(p));
	why = pkt_decode(&p, buf, len);
	p.ts = ts;
	if (why != PD_NONE && why != PD_NON_IP) {
		r->malformed++;
		e->drops[why]++;
		frame_done(r, buf);
		return -1;
	}
	if (p.family == PF_ARP) {
		int f = in_if >= 0 ? in_if : eng_connected_if(e, p.src4);

		if (f >= 0) {
			neigh_learn(r, f, p.src4, p.arp_sha, ts);
			arp_answer(r, &p, f, ts);
		}
		frame_done(r, buf);
		return -1;
	}
	if (p.family == PF_IP6)
		return frame6(r, &p, buf, in_if, ts);
	if (p.family != PF_IP4) {
		r->non_ip++;
		frame_done(r, buf);
		return -1;
	}
	if (in_if < 0) {
		in_if = eng_connected_if(e, p.src4);
		if (in_if < 0) {
			/* a remote host's answer: find its connection */
			struct ct_tuple t, inv;
			struct ct_conn *c;
			int dir = 0;

			if (p.has_inner) {
				/*
				 * an ICMP error from the path about a client's
				 * packet: the quoted packet names the
				 * connection (as the client sent it)
				 */
				memset(&inv, 0, sizeof(inv));
				inv.family = 4;
				inv.proto = p.in_proto;
				eng_put4(inv.src, p.in_src4);
				eng_put4(inv.dst, p.in_dst4);
				inv.sport = p.in_sport;
				inv.dport = p.in_dport;
			} else {
				ct_tuple_from_pkt(&t, &p);
				ct_tuple_invert(&inv, &t);
			}
			c = ct_find(e->ct, &inv, &dir);
			if (c == NULL || dir != 0 || c->out_if < 0) {
				r->unmatched++;
				frame_done(r, buf);
				return -1;
			}
			/*
			 * the answer comes back to the address it is sent to:
			 * through the ISP that owns the NATed source (after a
			 * failover a connection may leave by another WAN with
			 * its old address), else where the connection left
			 */
			in_if = eng_addr_if(e, eng_get4(c->reply.dst));
			owner = in_if >= 0;
			if (in_if < 0)
				in_if = c->out_if;
			if (answer_lost(e, c, in_if, owner, p.src4)) {
				r->lost++;
				frame_done(r, buf);
				return -1;
			}
			if (p.has_inner) {
				/* as the ISP delivers it: to the NATed source */
				p.dst4 = eng_get4(c->reply.dst);
				p.in_src4 = eng_get4(c->reply.dst);
				p.in_sport = c->reply.dport;
			} else {
				p.dst4 = eng_get4(c->reply.dst);
				p.dport = c->reply.dport;
				if (p.proto == 1)
					p.sport = p.dport = c->reply.dport;
			}
			memcpy(p.dmac, e->ifs[in_if].mac, 6);	/* to the router */
			pkt_rewrite(&p);
		}
	}
	if (r->live && in_if >= 0)
		neigh_learn(r, in_if, p.src4, p.smac, ts);
	out = eng_forward(e, &p, in_if, ts, &res);
	if (out < 0) {
		if (res.local) {
			r->local++;
			/* a probe's answer (live check-gateway, netwatch) */
			if (r->echo_reply && p.proto == IPP_ICMP && p.has_l4 &&
			    p.icmp_type == 0)
				r->echo_reply(r->echo_arg, p.src4);
			/* the request as it reached the router (un-NATed) */
			echo_answer(r, p.buf, p.len, ts);
		} else
			r->dropped++;
		frame_done(r, buf);
		return -1;
	}
	r->forwarded++;
	out_frame(r, &p, out, &res, ts);
	frame_done(r, buf);
	return out;
}
