/*
 * fuzz_packet - arbitrary bytes as Ethernet frames through replay_frame()
 * on the engine of examples/slides-lab.rsc (RouterOS 6, as
 * tests/unit/check_lab.c loads it).  A fresh engine per input.
 *
 * Input: one flag byte (bit 0: live mode, ARP for next hops), then
 * records of [sel][dt][len hi][len lo] and len frame bytes (cut to what
 * is left).  sel bit 7: a LAN-side capture frame (iface -1); else bit 6:
 * a frame the router sends (replay_send); else interface sel % nif.  dt
 * advances the virtual clock by dt^3 ms, so timeouts expire.
 */
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "engine.h"
#include "script.h"
#include "fuzz_common.h"
#include "../../src/engine/eng.h"
#include "../../src/engine/replay.h"

static struct cfg *lab;

int	 LLVMFuzzerInitialize(int *, char ***);
int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = SRCDIR "/examples/slides-lab.rsc";
	struct scr_env *env;
	size_t len;
	char *t;

	(void)argc;
	(void)argv;
	fz_setup();
	if ((t = util_read_file(path, &len)) == NULL) {
		perror(path);
		exit(1);
	}
	sch_init(6);
	lab = cfg_new(6);
	env = scr_env_new(lab, 6, fz_devnull());
	if (scr_run_text(env, path, t, len) < 0) {
		fprintf(stderr, "%s: %s\n", path, env->err);
		exit(1);
	}
	free(t);
	scr_env_free(env);
	fz_guard(1);
	return 0;
}

static void
sink(void *arg, int iface, int64_t ts, const uint8_t *f, size_t len)
{
	uint64_t *sum = arg;
	size_t i;

	(void)ts;
	if (iface < 0 || len > 65535 + 64)
		abort();	/* nowhere to send it, or impossible */
	/* every byte handed out must be there */
	for (i = 0; i < len; i++)
		*sum += f[i];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct eng *e;
	struct replay r;
	uint64_t sum = 0;
	int64_t ts = 0;
	size_t off = 1;

	if (len < 1)
		return 0;
	e = eng_new(lab, 6, 0);
	replay_init(&r, e, sink, &sum);
	r.live = data[0] & 1;
	while (off + 4 <= len) {
		uint8_t sel = data[off], dt = data[off + 1];
		size_t n = (size_t)data[off + 2] << 8 | data[off + 3];
		uint8_t *f;

		off += 4;
		if (n > len - off)
			n = len - off;
		/* a copy of its own: overreads show */
		f = malloc(n ? n : 1);
		memcpy(f, data + off, n);
		off += n;
		ts += (int64_t)dt * dt * dt * 1000000;
		if (sel & 0x80)
			replay_frame(&r, ts, f, n, -1);
		else if (sel & 0x40)
			replay_send(&r, ts, f, n);
		else
			replay_frame(&r, ts, f, n, sel % e->nif);
		free(f);
	}
	replay_fini(&r);
	eng_free(e);
	return 0;
}
