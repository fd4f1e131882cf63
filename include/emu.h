/* emu.h - the packet options of the command line (src/engine/emu.c) */
#ifndef ROSEMU_EMU_H
#define ROSEMU_EMU_H

#include <stddef.h>
#include <stdint.h>

struct scr_env;

struct emu_at {
	int64_t	 at;		/* ns of virtual time after the first frame */
	const char *commands;
};

struct emu_opts {
	const char **replay;	/* "[IFACE=]FILE.pcap" */
	size_t	 n_replay;
	const char *write_pcaps;	/* DIR or NULL */
	const char *pcc_seed;	/* "N", "random" or NULL (0) */
	struct emu_at *at;	/* sorted by at */
	size_t	 n_at;
};

struct emu_gen {
	const char *out;
	uint64_t seed;
	size_t	 connections;
	uint32_t clients, remotes;
	uint32_t client_base, remote_base;	/* host order */
	int64_t	 duration;
	uint64_t packets;	/* --packets: frames to reach, 0: as generated */
};

uint32_t emu_seed(const char *);
/* replays into env's configuration; 0, or 1 after an error (printed) */
int	 emu_replay(struct scr_env *, const struct emu_opts *);
int	 emu_generate(const struct emu_gen *);
struct cfg;
struct strbuf;
/* /ip route check: status, interface, nexthop (settings layout) */
int	 emu_route_check(struct cfg *, int ros, uint32_t dst, uint32_t src,
	    const char *mark, struct strbuf *out);

#endif
