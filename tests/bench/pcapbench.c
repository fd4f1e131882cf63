/*
 * DOC: pcapbench - the packet engine's throughput against a bare libpcap
 * read loop over the same capture (issue 4), in one process.
 *
 *	pcapbench [-n REPEAT] [-r ROS] [-e | -s] FILE.pcap [CONFIG.rsc ...]
 *
 * Each round runs, one after the other on the same file:
 *   bare       pcap_open_offline() and pcap_next_ex() until the end,
 *              reading one byte per frame so the loop is not empty: the
 *              floor any libpcap reader pays (issue 4's reference);
 *   bare-256k  the same loop on a FILE with a 256 KiB read buffer, as
 *              rosemu's own reader opens it (src/io/pcap.c): reported so
 *              the reader's share of the engine's gain is visible;
 *   engine     what "rosemu --replay FILE" does per frame: the io merge
 *              reader (which copies each frame into a writable buffer) and
 *              replay_frame() (decode, conntrack, raw/mangle/filter/nat
 *              chains with their counters, routing, NAT, rewrite), into a
 *              fresh engine compiled from the CONFIG files; no pcaps written.
 * Only the loops are timed: loading the configuration and compiling the
 * engine happen before the clock starts (run.sh measures the command
 * line end to end apart).  The least wall time of REPEAT rounds counts for
 * each; the rounds interleave, so a busy neighbour on a shared machine
 * slows all alike.  -e runs the engine loop only.
 *
 * -s (size, implies -e) also reports the heap bytes the replay left in use
 * (glibc mallinfo2: what conntrack and the engine hold once every frame
 * went through) and the connections tracked, so two runs with different
 * numbers of live connections give bytes per entry.
 *
 * Output: "pcapbench: loop=NAME KEY=VALUE ..." and "pcapbench: size ..."
 * lines on stdout for tests/bench/run.sh.  Built only by "make bench";
 * links librosemu.a like the unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <malloc.h>
#include <pcap/pcap.h>
#include <sys/resource.h>

#include "cfg.h"
#include "engine.h"
#include "io.h"
#include "schema.h"
#include "script.h"
#include "util.h"
#include "../../src/engine/eng.h"
#include "../../src/engine/replay.h"

struct loop_result {
	double	 secs;
	uint64_t frames, bytes;
	unsigned sum;		/* keeps the bare loop from being empty */
};

static double
now_secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * The floor: libpcap's own loop, as a minimal reader writes it.  With
 * bufsize, the FILE gets a read buffer of that size first (rosemu's
 * reader does, src/io/pcap.c); without, libpcap's default stdio one.
 */
static int
bare_loop(const char *path, size_t bufsize, struct loop_result *r)
{
	char ebuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	char *iobuf = NULL;
	pcap_t *pc;
	FILE *fp;
	double t0;
	int rc;

	memset(r, 0, sizeof(*r));
	t0 = now_secs();
	if (bufsize == 0)
		pc = pcap_open_offline_with_tstamp_precision(path,
		    PCAP_TSTAMP_PRECISION_NANO, ebuf);
	else if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(ebuf, sizeof(ebuf), "cannot open");
		pc = NULL;
	} else {
		iobuf = xmalloc(bufsize);
		setvbuf(fp, iobuf, _IOFBF, bufsize);
		pc = pcap_fopen_offline_with_tstamp_precision(fp,
		    PCAP_TSTAMP_PRECISION_NANO, ebuf);
		if (pc == NULL)
			fclose(fp);
	}
	if (pc == NULL) {
		fprintf(stderr, "pcapbench: %s: %s\n", path, ebuf);
		free(iobuf);
		return -1;
	}
	while ((rc = pcap_next_ex(pc, &h, &d)) == 1) {
		r->frames++;
		r->bytes += h->caplen;
		if (h->caplen > 0)
			r->sum += d[h->caplen - 1];
	}
	pcap_close(pc);
	free(iobuf);
	r->secs = now_secs() - t0;
	if (rc != PCAP_ERROR_BREAK) {
		fprintf(stderr, "pcapbench: %s: read error\n", path);
		return -1;
	}
	return 0;
}

struct setup {
	int	 ros;
	char	**configs;
	int	 n_configs;
	struct cfg *cfg;
	struct scr_env *env;
};

static int
load_configs(struct setup *s)
{
	int i;

	sch_init(s->ros);
	s->cfg = cfg_new(s->ros);
	s->env = scr_env_new(s->cfg, s->ros, stdout);
	for (i = 0; i < s->n_configs; i++) {
		size_t len;
		char *t = util_read_file(s->configs[i], &len);

		if (t == NULL) {
			fprintf(stderr, "pcapbench: %s: cannot read\n",
			    s->configs[i]);
			return -1;
		}
		s->env->cwd = sch_root();
		if (scr_run_text_take(s->env, s->configs[i], t, len) < 0) {
			fprintf(stderr, "pcapbench: %s: %s\n", s->configs[i],
			    s->env->err);
			return -1;
		}
	}
	return 0;
}

static size_t
heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
	struct mallinfo2 mi = mallinfo2();

	/* big blocks (bucket arrays) are mmapped: hblkhd, not uordblks */
	return mi.uordblks + mi.hblkhd;
#else
	return 0;
#endif
}

struct engine_result {
	struct loop_result l;
	struct replay r;
	size_t	 conns, heap;
};

/* emu_replay()'s loop without --at events and without writing pcaps */
static int
engine_loop(struct setup *s, const char *path, struct engine_result *er)
{
	struct strbuf err = STRBUF_INIT;
	struct eng *e = eng_new(s->cfg, s->ros, 0);
	struct io_merge *mg;
	struct io_pcap_in *in;
	struct io_frame fr;
	size_t heap0 = heap_in_use();
	int64_t t0 = -1;
	double start;
	int k;

	memset(er, 0, sizeof(*er));
	start = now_secs();
	if ((in = io_pcap_open(path, &err)) == NULL) {
		fprintf(stderr, "pcapbench: %s\n", sb_str(&err));
		sb_fini(&err);
		eng_free(e);
		return -1;
	}
	mg = io_merge_new();
	io_merge_add_take(mg, in);
	replay_init(&er->r, e, NULL, NULL);
	while ((k = io_merge_next(mg, &fr, &err)) > 0) {
		if (t0 < 0)
			t0 = fr.ts;
		er->l.frames++;
		er->l.bytes += fr.len;
		replay_frame(&er->r, fr.ts - t0, fr.buf, fr.len, -1);
	}
	er->l.secs = now_secs() - start;
	er->conns = ct_count(e->ct);
	/* what the replay left allocated: conntrack and NAT state */
	er->heap = heap_in_use() - heap0;
	io_merge_free(mg);
	eng_free(e);
	if (k < 0)
		fprintf(stderr, "pcapbench: %s\n", sb_str(&err));
	sb_fini(&err);
	return k < 0 ? -1 : 0;
}

static void
usage(void)
{
	fputs("usage: pcapbench [-n REPEAT] [-r ROS] [-e | -s] FILE.pcap "
	    "[CONFIG.rsc ...]\n", stderr);
	exit(2);
}

static void
print_loop(const char *name, const struct loop_result *r)
{
	printf("pcapbench: loop=%s frames=%llu bytes=%llu secs=%.4f pps=%.0f",
	    name, (unsigned long long)r->frames, (unsigned long long)r->bytes,
	    r->secs, r->secs > 0 ? (double)r->frames / r->secs : 0);
}

/* keeps the least time of the rounds */
static void
keep_best(struct loop_result *best, const struct loop_result *r, int round)
{
	if (round == 0 || r->secs < best->secs)
		*best = *r;
}

int
main(int argc, char **argv)
{
	struct setup s;
	struct loop_result b, best_plain, best_buf;
	struct engine_result e, best_e;
	struct rusage ru;
	int repeat = 3, i, opt;
	bool engine_only = false, size = false;
	const char *path;

	memset(&s, 0, sizeof(s));
	s.ros = 6;
	while ((opt = getopt(argc, argv, "en:r:s")) != -1) {
		switch (opt) {
		case 'e':
			engine_only = true;
			break;
		case 'n':
			repeat = atoi(optarg);
			break;
		case 'r':
			s.ros = atoi(optarg);
			break;
		case 's':
			size = engine_only = true;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc || repeat < 1 || (s.ros != 6 && s.ros != 7))
		usage();
	path = argv[optind];
	s.configs = argv + optind + 1;
	s.n_configs = argc - optind - 1;
	if (load_configs(&s) < 0)
		return 1;
	memset(&best_plain, 0, sizeof(best_plain));
	memset(&best_buf, 0, sizeof(best_buf));
	memset(&best_e, 0, sizeof(best_e));
	for (i = 0; i < repeat; i++) {
		if (!engine_only) {
			if (bare_loop(path, 0, &b) < 0)
				return 1;
			keep_best(&best_plain, &b, i);
			if (bare_loop(path, 256 * 1024, &b) < 0)
				return 1;
			keep_best(&best_buf, &b, i);
		}
		if (engine_loop(&s, path, &e) < 0)
			return 1;
		if (i == 0 || e.l.secs < best_e.l.secs)
			best_e = e;
	}
	if (!engine_only) {
		print_loop("bare", &best_plain);
		printf("\n");
		print_loop("bare-256k", &best_buf);
		printf("\n");
	}
	print_loop("engine", &best_e.l);
	printf(" forwarded=%llu local=%llu dropped=%llu unmatched=%llu "
	    "conns=%zu\n", (unsigned long long)best_e.r.forwarded,
	    (unsigned long long)best_e.r.local,
	    (unsigned long long)best_e.r.dropped,
	    (unsigned long long)best_e.r.unmatched, best_e.conns);
	if (size) {
		getrusage(RUSAGE_SELF, &ru);
		printf("pcapbench: size conns=%zu heap=%zu maxrss_kb=%ld\n",
		    best_e.conns, best_e.heap, ru.ru_maxrss);
	}
	scr_env_free(s.env);
	cfg_free(s.cfg);
	return 0;
}
