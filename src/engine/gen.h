/* gen.h - deterministic synthetic LAN-side traffic (src/engine/gen.c) */
#ifndef ROSEMU_GEN_H
#define ROSEMU_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct gen_pkt {
	uint8_t	 smac[6], dmac[6];
	uint32_t src, dst;		/* host order */
	uint16_t sport, dport, ipid, payload;
	uint16_t rpayload;		/* generator: the answer's data */
	uint8_t	 proto, flags;		/* IP protocol, TCP flags */
	uint32_t seq, ack;
};

struct gen_opts {
	uint64_t seed;
	size_t	 connections;		/* flows to start */
	uint32_t clients, remotes;	/* distinct LAN hosts / remote hosts */
	uint32_t client_base, remote_base;	/* first addresses */
	unsigned tcp_pct, udp_pct;	/* the rest is ICMP */
	int64_t	 duration;		/* ns over which flows start */
	uint64_t packets;		/* > 0: add TCP data to reach it */
	uint8_t	 client_mac[6], router_mac[6];
};

/* frame sink: virtual time (ns), the frame; < 0 stops */
typedef int (*gen_emit_fn)(void *arg, int64_t ts, const uint8_t *frame,
    size_t len);

void	 gen_icmp_csum(uint8_t *icmp, size_t len);
size_t	 gen_frame(uint8_t *buf, size_t cap, const struct gen_pkt *);
int	 gen_run(const struct gen_opts *, gen_emit_fn, void *arg);

#endif
