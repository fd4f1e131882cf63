/* emu.h - the packet options of the command line (src/engine/emu.c) */
#ifndef ROSEMU_EMU_H
#define ROSEMU_EMU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct scr_env;
struct strbuf;

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
	const char **tap;	/* "IFACE=TAPNAME" (live mode) */
	size_t	 n_tap;
	int64_t	 live;		/* --live TIME; 0: until SIGINT/SIGTERM */
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
/* live mode on TAP devices (src/engine/live.c); 0, or 1 after an error */
int	 emu_live(struct scr_env *, const struct emu_opts *);
void	 emu_gen_defaults(struct emu_gen *);
int	 emu_generate(const struct emu_gen *);

/* /emulator CMD (src/engine/emucmd.c): arguments as text */
struct emu_arg {
	const char *name, *val;
};
/* 0, or -1 with the reason in err; output appended to out */
int	 emu_command(struct scr_env *, const char *path, const char *cmd,
	    const struct emu_arg *, size_t n, struct strbuf *out,
	    struct strbuf *err);
struct cfg;
struct cfg_item;
struct sch_menu;
struct strbuf;
struct eng;
/* /ip route check: status, interface, nexthop (settings layout) */
int	 emu_route_check(struct scr_env *, uint32_t dst, uint32_t src,
	    const char *mark, struct strbuf *out);

/* the session's engine (made on first use, recompiled after changes) */
struct eng *emu_engine(struct scr_env *);
void	 emu_attach(struct scr_env *);
void	 emu_free(struct scr_env *);
/* around every menu command (script/menucmd.c) */
void	 emu_menu_before(struct scr_env *, const struct sch_menu *,
	    const char *cmd);
void	 emu_menu_after(struct scr_env *, const struct sch_menu *,
	    const char *cmd);
/* failover.c: the world (hosts, links, probe state) and the timers */
struct eng_world;
struct eng_world *emu_world(struct scr_env *);
void	 emu_world_free(struct eng_world *);
int64_t	 emu_next_event(struct scr_env *);	/* -1: none */
void	 emu_fire(struct scr_env *, int64_t t);
/* netwatch entries changed by a command start over (status unknown) */
void	 emu_netwatch_sync(struct scr_env *);
void	 emu_timeline_add(struct scr_env *, const char *what);
/* /emulator gateway|link set NAME yes|no, print */
int	 emu_world_cmd(struct scr_env *, const char *what, const char *cmd,
	    const char *name, const char *val, struct strbuf *out,
	    struct strbuf *err);
/* live mode: an echo reply to the router came from this address */
void	 emu_echo_reply(struct scr_env *, uint32_t from);
/* whether host answers on interface ifname (link in, host not dead) */
bool	 emu_host_answers(struct scr_env *, const char *ifname, uint32_t host);
/* /emulator isp set IFACE (arg: address gateway dns lease-time) | print;
 * in script/system.c, which owns the DHCP clients */
int	 sys_isp_cmd(struct scr_env *, const char *cmd, const char *iface,
	    const char *const *arg, struct strbuf *out, struct strbuf *err);
/* a route's A flag as the engine's FIB has it: 1, 0, -1 unknown */
int	 emu_route_active(struct scr_env *, const struct sch_menu *,
	    const struct cfg_item *);

#endif
