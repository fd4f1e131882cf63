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

/*
 * The scheduler's queue: a binary min-heap of flow indices ordered by
 * (next packet time, flow index), so the earliest packet comes first and
 * ties go to the lower index - the order a linear scan over the flows
 * gives, in O(log n) per packet.
 */
struct fheap {
	uint32_t *v;
	size_t	 n;
	const struct flow *f;
};

static bool
fh_less(const struct fheap *h, uint32_t a, uint32_t b)
{
	return h->f[a].next < h->f[b].next ||
	    (h->f[a].next == h->f[b].next && a < b);
}

static void
fh_down(struct fheap *h, size_t i)
{
	uint32_t x = h->v[i];

	for (;;) {
		size_t k = 2 * i + 1;

		if (k >= h->n)
			break;
		if (k + 1 < h->n && fh_less(h, h->v[k + 1], h->v[k]))
			k++;
		if (!fh_less(h, h->v[k], x))
			break;
		h->v[i] = h->v[k];
		i = k;
	}
	h->v[i] = x;
}

/*
 * --packets: the data segments that bring the capture up to o->packets
 * frames, spread over the TCP flows with random weights 1..32 (a few
 * long transfers, many short ones).  Each extra step is one data segment
 * and its acknowledgement: two frames.  Drawn from a stream of its own,
 * so the flows themselves are those of the same options without it.
 */
static void
add_segments(const struct gen_opts *o, struct flow *f, size_t nflows,
    uint64_t seed)
{
	uint64_t s = seed ^ 0xd1b54a32d192ed03ULL, base = 0, pairs, q, r, w;
	uint32_t *wt = xcalloc(nflows ? nflows : 1, sizeof(*wt));
	size_t i;

	w = 0;
	for (i = 0; i < nflows; i++) {
		base += 2 * (uint64_t)f[i].steps;
		if (f[i].p.proto == 6) {
			wt[i] = 1 + rnd(&s) % 32;
			w += wt[i];
		}
	}
	if (w == 0 || o->packets <= base) {
		free(wt);
		return;
	}
	/* rounded up: every step is a pair of frames */
	pairs = (o->packets - base + 1) / 2;
	q = pairs / w;
	r = pairs % w;
	/*
	 * a flow's frame count must stay an int: past 2^24 segments per unit
	 * of weight (some 10^9 frames per connection) the target is cut
	 */
	if (q > (1u << 24)) {
		q = 1u << 24;
		r = 0;
	}
	for (i = 0; i < nflows; i++)
		if (wt[i] > 0)
			f[i].steps += (int)(q * wt[i]);
	/* the remainder (< w): one more segment per flow, in index order */
	while (r > 0)
		for (i = 0; i < nflows && r > 0; i++)
			if (wt[i] > 0) {
				f[i].steps++;
				r--;
			}
	free(wt);
}

/*
 * The frame of one step: even steps are the client's packet, odd steps
 * the remote host's answer as a LAN-side capture sees it.  Without
 * --packets a TCP flow is SYN, PSH ACK with 100..499 bytes of data per
 * step (each acknowledged), FIN.  With it (o->packets > 0) the data
 * steps are a download: the client's request (PSH ACK, 100..499 bytes)
 * answered by the first 1448-byte segment, then an ACK from the client
 * for each segment the server sends; the last segment (before the FIN)
 * carries PSH and 100..1447 bytes.
 */
static size_t
step_frame(const struct gen_opts *o, struct flow *fl, uint64_t *s,
    uint8_t *buf, size_t cap)
{
	struct gen_pkt *p = &fl->p, r;
	int step = fl->step / 2, last = fl->steps - 1;
	bool reply = fl->step & 1, dl = o->packets > 0 && p->proto == 6;
	size_t len;

	/*
	 * Without --packets the answer's step draws its own data length:
	 * the client's sequence numbers then move by that, not by what it
	 * sent.  Kept as it is, so those captures stay byte-identical.
	 */
	if (!reply || !dl) {
		p->payload = 0;
		p->rpayload = 0;
		if (p->proto == 6) {
			if (step == 0)
				p->flags = 0x02;		/* SYN */
			else if (step == last)
				p->flags = 0x11;		/* FIN ACK */
			else if (dl && step > 1)
				p->flags = 0x10;		/* ACK */
			else {
				p->flags = 0x18;		/* PSH ACK */
				p->payload = (uint16_t)(100 + rnd(s) % 400);
			}
			if (dl && step > 0 && step < last)
				p->rpayload = step < last - 1 ? 1448 :
				    (uint16_t)(100 + rnd(s) % 1348);
		} else if (p->proto == 17)
			p->payload = 32;
		else
			p->payload = 56;
	}
	if (!reply)
		return gen_frame(buf, cap, p);
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
	r.payload = p->proto == 6 ? p->rpayload : p->payload;
	if (dl && r.payload > 0 && r.payload != 1448)
		r.flags |= 0x08;			/* PSH: the last one */
	if (dl && p->flags == 0x10)
		r.ack = p->seq;				/* a bare ACK */
	if (p->proto == 1)
		r.sport = p->sport;	/* echo id */
	len = gen_frame(buf, cap, &r);
	if (p->proto == 1 && len > 34)
		buf[34] = 0;		/* echo reply */
	if (p->proto == 1 && len > 37) {
		buf[36] = buf[37] = 0;
		gen_icmp_csum(buf + 34, len - 34);
	}
	/* what the client acknowledges next, where it goes on */
	if (p->proto == 6)
		p->ack = r.seq + (p->flags == 0x02 ? 1 : 0) + r.payload;
	else
		p->ack = r.seq;
	p->seq += p->payload ? p->payload : (p->flags & 0x03 ? 1 : 0);
	p->ipid++;
	return len;
}

/* r (31 random bits) scaled to [0, span) without overflow */
static int64_t
start_in(uint32_t r, int64_t span)
{
	uint64_t u = (uint64_t)span;

	return (int64_t)((u >> 31) * r + (((u & 0x7fffffffu) * r) >> 31));
}

int
gen_run(const struct gen_opts *o, gen_emit_fn emit, void *arg)
{
	uint64_t s = o->seed ^ 0x9e3779b97f4a7c15ULL;
	size_t nflows = o->connections, i;
	struct flow *f = xcalloc(nflows ? nflows : 1, sizeof(*f));
	struct fheap h;
	uint8_t buf[1600];
	int64_t span = o->duration > 0 ? o->duration : 10000000000LL;
	int rc = 0;

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
		f[i].next = start_in(rnd(&s), span);
	}
	if (o->packets > 0)
		add_segments(o, f, nflows, s);
	/* every flow has at least one step: all start in the queue */
	h.f = f;
	h.n = nflows;
	h.v = xcalloc(nflows ? nflows : 1, sizeof(*h.v));
	for (i = 0; i < nflows; i++)
		h.v[i] = (uint32_t)i;
	for (i = nflows / 2; i-- > 0;)
		fh_down(&h, i);
	while (h.n > 0) {
		struct flow *best = &f[h.v[0]];
		bool reply = best->step & 1;
		size_t len = step_frame(o, best, &s, buf, sizeof(buf));

		if (emit(arg, best->next, buf, len) < 0) {
			rc = -1;
			break;
		}
		best->step++;
		best->next += reply ? 1000000 + (int64_t)(rnd(&s) %
		    50000000) : 5000000 + (int64_t)(rnd(&s) % 20000000);
		if (best->step == 2 * best->steps)
			h.v[0] = h.v[--h.n];	/* the flow is over */
		if (h.n > 0)
			fh_down(&h, 0);
	}
	free(h.v);
	free(f);
	return rc;
}
