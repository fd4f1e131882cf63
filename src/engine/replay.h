/* replay.h - captures through the engine (src/engine/replay.c) */
#ifndef ROSEMU_REPLAY_H
#define ROSEMU_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct eng;

/* a frame leaving interface iface (engine index) at ts */
typedef void (*replay_sink_fn)(void *arg, int iface, int64_t ts,
    const uint8_t *frame, size_t len);

/* live mode: a neighbour's MAC address, learned from ARP and its frames */
struct replay_neigh {
	int	 f;			/* interface */
	uint32_t ip;
	uint8_t	 mac[6];
	bool	 known;
	int64_t	 asked;			/* last ARP request, ns */
	uint8_t	*held;			/* one frame waiting for the answer */
	size_t	 held_len;
};

struct replay {
	struct eng *e;
	replay_sink_fn sink;
	void	*arg;
	/*
	 * Live mode (TAP devices): frames go to the next hop's real MAC,
	 * asked for by ARP; an echo reply to the router is reported
	 */
	bool	 live;
	struct replay_neigh *nb;
	size_t	 nnb, capnb;
	void	(*echo_reply)(void *arg, uint32_t from);
	void	*echo_arg;
	uint64_t frames, forwarded, local, dropped, unmatched, malformed,
		 non_ip, answered;	/* answered: ARP and echo replies sent */
	uint64_t lost;		/* answers a dead gateway or link never let come */
	/* the working copy of a frame (larger ones go to the heap) */
	uint8_t	 frame[2048];
};

void	 replay_init(struct replay *, struct eng *, replay_sink_fn, void *arg);
/*
 * One captured frame; iface < 0: from a LAN-side capture (the engine
 * decides where it enters).  Returns the out interface or -1.
 */
int	 replay_frame(struct replay *, int64_t ts, const uint8_t *frame,
	    size_t len, int iface);
/* a frame the router sends: output chain, routing, srcnat, out; or -1 */
int	 replay_send(struct replay *, int64_t ts, const uint8_t *frame,
	    size_t len);
void	 replay_fini(struct replay *);	/* live mode's neighbours */

#endif
