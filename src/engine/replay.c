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
			in_if = c->out_if;
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
	out = eng_forward(e, &p, in_if, ts, &res);
	if (out < 0) {
		if (res.local)
			r->local++;
		else
			r->dropped++;
		frame_done(r, buf);
		return -1;
	}
	/* Ethernet: from the out interface to the next hop */
	memcpy(p.smac, e->ifs[out].mac, 6);
	if (res.gateway) {
		p.dmac[0] = 0x02;	/* a stable made-up MAC per gateway */
		p.dmac[1] = 0x00;
		eng_put4(p.dmac + 2, res.gateway);
	}
	pkt_rewrite(&p);
	r->forwarded++;
	if (r->sink)
		r->sink(r->arg, out, ts, p.buf, p.len);
	frame_done(r, buf);
	return out;
}
