/*
 * DOC: gen - deterministic synthetic traffic (DESIGN.md --generate): N LAN
 * clients talk to M remote hosts: TCP connections with a handshake, data
 * and a FIN teardown, UDP DNS queries, ICMP echo.  Only the LAN side's
 * packets are written (a LAN-side capture, DESIGN.md "Replay model"):
 * the engine produces the far side's replies.  Everything derives from
 * the seed through a 64-bit LCG, so the same options give the same bytes.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static uint32_t
rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

static void
put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static void
put32(uint8_t *b, uint32_t v)
{
	put16(b, (uint16_t)(v >> 16));
	put16(b + 2, (uint16_t)v);
}

static uint16_t
csum(const uint8_t *b, size_t n, uint32_t sum)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)b[i] << 8 | b[i + 1];
	if (n & 1)
		sum += (uint32_t)b[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

void
gen_icmp_csum(uint8_t *icmp, size_t len)
{
	put16(icmp + 2, csum(icmp, len, 0));
}

/*
 * Builds an Ethernet + IPv4 + (TCP | UDP | ICMP) frame into f->buf and
 * returns its length.
 */
size_t
gen_frame(uint8_t *buf, size_t cap, const struct gen_pkt *g)
{
	size_t l4len = g->proto == 6 ? 20 : 8, len = 14 + 20 + l4len +
	    g->payload;
	uint8_t *ip = buf + 14, *l4 = ip + 20;
	uint32_t ph;

	if (len > cap)
		return 0;
	memset(buf, 0, len);
	memcpy(buf, g->dmac, 6);
	memcpy(buf + 6, g->smac, 6);
	put16(buf + 12, 0x0800);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(20 + l4len + g->payload));
	put16(ip + 4, g->ipid);
	ip[6] = 0x40;			/* DF */
	ip[8] = 64;
	ip[9] = g->proto;
	put32(ip + 12, g->src);
	put32(ip + 16, g->dst);
	put16(ip + 10, csum(ip, 20, 0));
	if (g->proto == 1) {
		l4[0] = 8;		/* echo request */
		put16(l4 + 4, g->sport);
		put16(l4 + 6, (uint16_t)g->seq);
		put16(l4 + 2, csum(l4, 8 + g->payload, 0));
		return len;
	}
	put16(l4, g->sport);
	put16(l4 + 2, g->dport);
	ph = (g->src >> 16) + (g->src & 0xffff) + (g->dst >> 16) +
	    (g->dst & 0xffff) + g->proto + (uint32_t)(l4len + g->payload);
	if (g->proto == 6) {
		put32(l4 + 4, g->seq);
		put32(l4 + 8, g->ack);
		l4[12] = 5 << 4;
		l4[13] = g->flags;
		put16(l4 + 14, 64240);
		put16(l4 + 16, csum(l4, 20 + g->payload, ph));
	} else {
		put16(l4 + 4, (uint16_t)(8 + g->payload));
		put16(l4 + 6, csum(l4, 8 + g->payload, ph));
	}
	return len;
}

/* one client's connection, for the scheduler below */
struct flow {
	struct gen_pkt p;
	int	 step, steps;
	int64_t	 next;
};

int
gen_run(const struct gen_opts *o, gen_emit_fn emit, void *arg)
{
	uint64_t s = o->seed ^ 0x9e3779b97f4a7c15ULL;
	size_t nflows = o->connections, i;
	struct flow *f = xcalloc(nflows ? nflows : 1, sizeof(*f));
	uint8_t buf[1600];
	int64_t span = o->duration > 0 ? o->duration : 10000000000LL;
	size_t live = nflows;

	for (i = 0; i < nflows; i++) {
		struct gen_pkt *p = &f[i].p;
		uint32_t kind = rnd(&s) % 100;

		memcpy(p->smac, o->client_mac, 6);
		p->smac[5] = (uint8_t)(i % o->clients + 1);
		memcpy(p->dmac, o->router_mac, 6);
		p->src = o->client_base + (uint32_t)(i % o->clients);
		p->dst = o->remote_base + rnd(&s) % o->remotes;
		p->sport = (uint16_t)(1024 + (i / o->clients) % 60000 +
		    rnd(&s) % 3);
		if (kind < o->tcp_pct) {
			static const uint16_t ports[] = { 80, 443, 443, 443,
			    8080, 22, 25 };

			p->proto = 6;
			p->dport = ports[rnd(&s) % NELEM(ports)];
			f[i].steps = 3 + (int)(rnd(&s) % 4) + 1;
		} else if (kind < o->tcp_pct + o->udp_pct) {
			p->proto = 17;
			p->dport = 53;
			f[i].steps = 1;
		} else {
			p->proto = 1;
			p->sport = (uint16_t)(i + 1);
			f[i].steps = 2;
		}
		p->seq = rnd(&s);
		p->ipid = (uint16_t)rnd(&s);
		f[i].next = (int64_t)((uint64_t)rnd(&s) * (uint64_t)span >> 32);
	}
	while (live > 0) {
		struct flow *best = NULL;

		/* earliest next packet; ties by flow index (deterministic) */
		for (i = 0; i < nflows; i++)
			if (f[i].step < 2 * f[i].steps &&
			    (best == NULL || f[i].next < best->next))
				best = &f[i];
		if (best == NULL)
			break;
		{
			struct gen_pkt *p = &best->p, r;
			int step = best->step / 2, last = best->steps - 1;
			bool reply = best->step & 1;
			size_t len;

			/*
			 * even steps: the client's packet; odd steps: the
			 * remote host's answer as a LAN-side capture sees it
			 */
			p->payload = 0;
			if (p->proto == 6) {
				if (step == 0)
					p->flags = 0x02;		/* SYN */
				else if (step == last)
					p->flags = 0x11;		/* FIN ACK */
				else {
					p->flags = 0x18;		/* PSH ACK */
					p->payload = (uint16_t)(100 + rnd(&s) % 400);
				}
			} else if (p->proto == 17)
				p->payload = 32;
			else
				p->payload = 56;
			if (!reply) {
				len = gen_frame(buf, sizeof(buf), p);
			} else {
				r = *p;
				memcpy(r.smac, p->dmac, 6);
				memcpy(r.dmac, p->smac, 6);
				r.src = p->dst;
				r.dst = p->src;
				r.sport = p->dport;
				r.dport = p->sport;
				r.seq = p->ack;
				r.ack = p->seq + (p->payload ? p->payload : 1);
				r.flags = p->flags == 0x02 ? 0x12 : 0x10;
				if (p->flags == 0x11)
					r.flags = 0x11;
				r.payload = p->proto == 6 ? 0 : p->payload;
				if (p->proto == 1)
					r.sport = p->sport;	/* echo id */
				len = gen_frame(buf, sizeof(buf), &r);
				if (p->proto == 1 && len > 34)
					buf[34] = 0;		/* echo reply */
				if (p->proto == 1 && len > 37) {
					buf[36] = buf[37] = 0;
					gen_icmp_csum(buf + 34, len - 34);
				}
			}
			if (emit(arg, best->next, buf, len) < 0) {
				free(f);
				return -1;
			}
			if (reply) {
				p->ack = r.seq + (p->proto == 6 &&
				    p->flags == 0x02 ? 1 : 0);
				p->seq += p->payload ? p->payload : (p->flags &
				    0x03 ? 1 : 0);
				p->ipid++;
			}
			best->step++;
			best->next += reply ? 1000000 + (int64_t)(rnd(&s) %
			    50000000) : 5000000 + (int64_t)(rnd(&s) % 20000000);
			if (best->step == 2 * best->steps)
				live--;
		}
	}
	free(f);
	return 0;
}
