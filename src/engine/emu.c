/*
 * DOC: emu - the command line's packet options (DESIGN.md "Command line"):
 * --replay [IFACE=]FILE.pcap, --write-pcaps DIR, --pcc-seed N|random,
 * --at TIME 'COMMANDS' and --generate OUT.pcap.  main.c parses them into
 * struct emu_opts; this file runs them against the loaded configuration.
 *
 * --at times are virtual time since the first frame of the replay; their
 * commands run (and the engine recompiles) before the first frame at or
 * after that time.  After the replay the connection table is written to
 * /ip firewall connection, so -c '/ip firewall connection print' shows it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu.h"
#include "eng.h"
#include "gen.h"
#include "io.h"
#include "replay.h"
#include "script.h"

struct sinkctx {
	struct eng *e;
	struct io_pcap_dir *dir;
	struct strbuf *err;
	int	 failed;
};

static void
sink(void *arg, int iface, int64_t ts, const uint8_t *f, size_t len)
{
	struct sinkctx *s = arg;

	if (s->dir && iface >= 0 && iface < s->e->nif &&
	    io_pcap_dir_write(s->dir, s->e->ifs[iface].name, ts, f, len,
	    s->err) < 0)
		s->failed = 1;
}

static int
run_at(struct scr_env *env, struct eng *e, const struct emu_at *at)
{
	env->cwd = sch_root();
	if (scr_run_text(env, NULL, at->commands, strlen(at->commands)) < 0) {
		fprintf(stderr, "%s\n", env->err);
		return -1;
	}
	eng_commit(e);
	return 0;
}

uint32_t
emu_seed(const char *s)
{
	if (s == NULL)
		return 0;
	if (!strcmp(s, "random"))	/* mimics a reboot (DESIGN.md) */
		return (uint32_t)time(NULL) * 2654435761u;
	return (uint32_t)strtoul(s, NULL, 0);
}

int
emu_replay(struct scr_env *env, const struct emu_opts *o)
{
	struct strbuf err = STRBUF_INIT;
	struct eng *e = eng_new(env->cfg, env->ros, emu_seed(o->pcc_seed));
	struct io_merge *mg = io_merge_new();
	int *ifmap = xcalloc(o->n_replay + 1, sizeof(*ifmap));
	struct sinkctx sc = { e, NULL, &err, 0 };
	struct replay r;
	struct io_frame fr;
	size_t i, next_at = 0;
	int64_t t0 = -1, now = 0;
	int rc = 0, k;

	for (i = 0; i < o->n_replay; i++) {
		const char *spec = o->replay[i], *eq = strchr(spec, '=');
		struct io_pcap_in *in;

		ifmap[i] = -1;
		if (eq) {
			char name[64];

			snprintf(name, sizeof(name), "%.*s", (int)(eq - spec),
			    spec);
			ifmap[i] = eng_if_index(e, name);
			if (ifmap[i] < 0) {
				fprintf(stderr, "rosemu: --replay: no interface "
				    "%s\n", name);
				rc = 1;
				goto out;
			}
			spec = eq + 1;
		}
		if ((in = io_pcap_open(spec, &err)) == NULL) {
			fprintf(stderr, "rosemu: %s\n", sb_str(&err));
			rc = 1;
			goto out;
		}
		io_merge_add_take(mg, in);
	}
	if (o->write_pcaps) {
		/* the directory is made if missing (not its parents) */
		if (mkdir(o->write_pcaps, 0777) < 0 && errno != EEXIST) {
			fprintf(stderr, "rosemu: %s: %s\n", o->write_pcaps,
			    strerror(errno));
			rc = 1;
			goto out;
		}
		sc.dir = io_pcap_dir_new(o->write_pcaps);
		for (k = 0; k < e->nif; k++)
			if (io_pcap_dir_touch(sc.dir, e->ifs[k].name, &err) < 0) {
				fprintf(stderr, "rosemu: %s\n", sb_str(&err));
				rc = 1;
				goto out;
			}
	}
	replay_init(&r, e, sink, &sc);
	while ((k = io_merge_next(mg, &fr, &err)) > 0) {
		if (t0 < 0)
			t0 = fr.ts;
		now = fr.ts - t0;
		while (next_at < o->n_at && o->at[next_at].at <= now)
			if (run_at(env, e, &o->at[next_at++]) < 0) {
				rc = 1;
				goto out;
			}
		replay_frame(&r, now, fr.buf, fr.len, ifmap[fr.src]);
	}
	if (k < 0) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		rc = 1;
	}
	/* --at events after the last frame still run, in order */
	while (rc == 0 && next_at < o->n_at)
		if (run_at(env, e, &o->at[next_at++]) < 0)
			rc = 1;
	eng_sync_connections(e, now);
out:
	if (sc.dir && io_pcap_dir_free(sc.dir, &err) < 0) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		rc = 1;
	}
	if (sc.failed)
		rc = 1;
	io_merge_free(mg);
	free(ifmap);
	sb_fini(&err);
	/* the configuration (address lists, counters) keeps what happened */
	eng_free(e);
	return rc;
}

static int
gen_sink(void *arg, int64_t ts, const uint8_t *f, size_t len)
{
	struct io_pcap_out *o = arg;

	return io_pcap_write(o, ts, f, len, NULL);
}

int
emu_generate(const struct emu_gen *g)
{
	struct strbuf err = STRBUF_INIT;
	struct io_pcap_out *o = io_pcap_create(g->out, &err);
	struct gen_opts go;
	static const uint8_t cmac[6] = { 0x02, 0x00, 0x0a, 0, 0, 0 };
	static const uint8_t rmac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x5a };
	int rc;

	if (o == NULL) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		sb_fini(&err);
		return 1;
	}
	memset(&go, 0, sizeof(go));
	go.seed = g->seed;
	go.connections = g->connections;
	go.clients = g->clients ? g->clients : 1;
	go.remotes = g->remotes ? g->remotes : 1;
	go.client_base = g->client_base;
	go.remote_base = g->remote_base;
	go.tcp_pct = 80;
	go.udp_pct = 15;
	go.duration = g->duration;
	go.packets = g->packets;
	memcpy(go.client_mac, cmac, 6);
	memcpy(go.router_mac, rmac, 6);
	rc = gen_run(&go, gen_sink, o) < 0;
	if (io_pcap_out_close(o, &err) < 0) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		rc = 1;
	}
	sb_fini(&err);
	return rc;
}

/*
 * /ip route check dst-ip=X [src-ip=Y] [routing-mark=M]: the route the
 * engine would take for X (reference §5.5), in the settings layout (§6.6).
 * ROS: the status strings are unverified; "ok" when a route resolves,
 * else "unreachable".
 */
int
emu_route_check(struct cfg *c, int ros, uint32_t dst, uint32_t src,
    const char *mark, struct strbuf *out)
{
	struct eng *e = eng_new(c, ros, 0);
	const struct eng_route *r;
	int gwi = 0;

	/* routing-mark= (v6, as the PCC guide uses it): that table first */
	r = eng_route_lookup(e, src, dst, eng_mark(e, mark), -1, 0, &gwi);
	if (r == NULL || r->type != 0) {
		sb_add(out, "     status: unreachable\n");
	} else {
		sb_add(out, "     status: ok\n");
		sb_addf(out, "  interface: %s\n", e->ifs[r->gw_if[gwi]].name);
		sb_add(out, "    nexthop: ");
		sch_ip4_print(r->gw[gwi] ? r->gw[gwi] : dst, out);
		sb_addc(out, '\n');
	}
	eng_free(e);
	return 0;
}
