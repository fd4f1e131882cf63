/*
 * DOC: main - the command line (DESIGN.md "Command line"): options, then
 * hand over.  Files run first, like /import, then -c texts in order, then
 * the console.  Errors go to stderr prefixed with the file name; the exit
 * status is 0 only if everything ran.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "script.h"
#include "emu.h"

static void
usage(FILE *o)
{
	fputs("usage: rosemu [OPTIONS] [FILE.rsc ...]\n"
	    "  -c 'COMMANDS'        run console text after the files\n"
	    "  -i                   open the console after everything else\n"
	    "  --check              parse and bind only, apply nothing\n"
	    "  --ros 6|7|auto       RouterOS version to emulate (default 7;\n"
	    "                       auto: from the first file's export header,\n"
	    "                       else guessed from v6/v7-only properties)\n"
	    "  --at TIME 'COMMANDS' run console text at virtual time TIME (90s,\n"
	    "                       1h30m, 00:05:00) after the files; the clock\n"
	    "                       runs the /system scheduler on the way\n"
	    "  --max-steps N        stop a run after N statements, loop\n"
	    "                       iterations and timer events (probes, DHCP\n"
	    "                       renewals; default 10000000; 0: no limit)\n"
	    "  --replay [IFACE=]FILE.pcap  replay a capture through the engine\n"
	    "                       (repeatable; no IFACE: a LAN-side capture)\n"
	    "  --write-pcaps DIR    write what leaves each interface to\n"
	    "                       DIR/<interface>.pcap\n"
	    "  --pcc-seed N|random  the PCC hash seed (default 0)\n"
	    "  --generate OUT.pcap  write a synthetic LAN-side capture and exit;\n"
	    "                       --connections N --clients N --remotes N\n"
	    "                       --duration TIME --seed N shape it,\n"
	    "                       --client-address A the first client\n"
	    "                       (default 10.0.25.2);\n"
	    "  --tap IFACE=TAPNAME  live mode: interface IFACE is TAP device\n"
	    "                       TAPNAME (created if missing; repeatable)\n"
	    "  --live TIME          run live for TIME of wall-clock time\n"
	    "                       (0 or unset: until SIGINT/SIGTERM)\n"
	    "                       --packets N adds TCP data to reach N frames\n"
	    "  -h, --help           this text\n", o);
}

/* --ros auto: the first file's header, or a guess from its content */
static int
ros_of_file(const char *path, char *ver, size_t vlen)
{
	size_t len;
	char *t = util_read_file(path, &len);
	int v;

	if (t == NULL)
		return 0;
	v = src_guess_ros(t, len, ver, vlen);
	free(t);
	return v;
}

/*
 * Ctrl-C: the running script stops at its next step ("interrupted"); a
 * second one before that (rosemu stuck outside a script) ends rosemu.
 */
static void
on_sigint(int sig)
{
	if (scr_interrupt) {
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	scr_interrupt = 1;
}

/* --at TIME 'COMMANDS': console text at a virtual time */
struct at_event {
	int64_t	 t;
	const char *text;
	int	 seq;		/* command-line order among equal times */
};

static int
at_cmp(const void *a, const void *b)
{
	const struct at_event *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq - y->seq;
}

/*
 * The console's history file: $ROSEMU_HISTORY (empty: none), else
 * ~/.rosemu_history.  Owned.
 */
static char *
history_file(void)
{
	const char *e = getenv("ROSEMU_HISTORY"), *home = getenv("HOME");
	struct strbuf sb = STRBUF_INIT;

	if (e)
		return *e ? xstrdup(e) : NULL;
	if (home == NULL || *home == '\0')
		return NULL;
	sb_addf(&sb, "%s/.rosemu_history", home);
	return sb_steal(&sb);
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "check", no_argument, NULL, 'C' },
		{ "ros", required_argument, NULL, 'R' },
		{ "replay", required_argument, NULL, 'P' },
		{ "write-pcaps", required_argument, NULL, 'W' },
		{ "pcc-seed", required_argument, NULL, 'K' },
		{ "at", required_argument, NULL, 'A' },
		{ "generate", required_argument, NULL, 'G' },
		{ "connections", required_argument, NULL, 1001 },
		{ "clients", required_argument, NULL, 1002 },
		{ "remotes", required_argument, NULL, 1003 },
		{ "seed", required_argument, NULL, 1004 },
		{ "duration", required_argument, NULL, 1005 },
		{ "packets", required_argument, NULL, 1006 },
		{ "client-address", required_argument, NULL, 1007 },
		{ "tap", required_argument, NULL, 1008 },
		{ "live", required_argument, NULL, 1009 },
		{ "max-steps", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char **cmds = xcalloc((size_t)argc + 1, sizeof(char *));
	struct at_event *ats = xcalloc((size_t)argc + 1, sizeof(*ats));
	int ncmds = 0, nats = 0, opt, ros = 7, rc = 0, i;
	bool check = false, interactive = false, ros_auto = false;
	bool live = false;
	unsigned long long max_steps = SCR_MAX_STEPS, num;
	struct emu_opts eo;
	struct emu_gen gen;
	char *end;
	struct cfg *cfg;
	struct scr_env *env;

	memset(&eo, 0, sizeof(eo));
	eo.replay = xcalloc((size_t)argc + 1, sizeof(char *));
	eo.tap = xcalloc((size_t)argc + 1, sizeof(char *));
	emu_gen_defaults(&gen);
	while ((opt = getopt_long(argc, argv, "c:ih", lo, NULL)) != -1) {
		switch (opt) {
		case 'c':
			cmds[ncmds++] = optarg;
			break;
		case 'i':
			interactive = true;
			break;
		case 'C':
			check = true;
			break;
		case 'R':
			if (!strcmp(optarg, "auto"))
				ros_auto = true;
			else if (!strcmp(optarg, "6") || !strcmp(optarg, "7"))
				ros = optarg[0] - '0';
			else {
				fprintf(stderr, "rosemu: --ros takes 6, 7 or auto\n");
				return 2;
			}
			break;
		case 'A':
			/* two values: TIME here, COMMANDS the next word */
			if (scr_time_parse(optarg, &ats[nats].t, true) < 0 ||
			    ats[nats].t < 0) {
				fprintf(stderr, "rosemu: --at: bad time %s\n",
				    optarg);
				return 2;
			}
			if (optind >= argc) {
				fprintf(stderr, "rosemu: --at TIME needs "
				    "'COMMANDS'\n");
				return 2;
			}
			ats[nats].text = argv[optind++];
			ats[nats].seq = nats;
			nats++;
			break;
		case 'S':
			errno = 0;
			max_steps = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end || optarg[0] == '-') {
				fprintf(stderr, "rosemu: --max-steps takes a "
				    "number\n");
				return 2;
			}
			break;
		case 'P':
			eo.replay[eo.n_replay++] = optarg;
			break;
		case 'W':
			eo.write_pcaps = optarg;
			break;
		case 'K':
			eo.pcc_seed = optarg;
			break;
		case 'G':
			gen.out = optarg;
			break;
		case 1001: case 1002: case 1003: case 1004: case 1006:
			errno = 0;
			num = strtoull(optarg, &end, 0);
			if (errno || end == optarg || *end) {
				fprintf(stderr, "rosemu: %s: not a number\n",
				    optarg);
				return 2;
			}
			if (opt == 1001)
				gen.connections = (size_t)num;
			else if (opt == 1002)
				gen.clients = (uint32_t)num;
			else if (opt == 1003)
				gen.remotes = (uint32_t)num;
			else if (opt == 1006)
				gen.packets = num;
			else
				gen.seed = num;
			break;
		case 1008:
			eo.tap[eo.n_tap++] = optarg;
			break;
		case 1009:
			if (scr_time_parse(optarg, &eo.live, true) < 0 ||
			    eo.live < 0) {
				fprintf(stderr, "rosemu: --live: bad time %s\n",
				    optarg);
				return 2;
			}
			live = true;
			break;
		case 1007:
			if (sch_ip4_parse(optarg, &gen.client_base) < 0) {
				fprintf(stderr, "rosemu: --client-address: not "
				    "an IPv4 address: %s\n", optarg);
				return 2;
			}
			break;
		case 1005:
			if (scr_time_parse(optarg, &gen.duration, true) < 0) {
				fprintf(stderr, "rosemu: --duration: bad time "
				    "%s\n", optarg);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (gen.out) {
		rc = emu_generate(&gen);
		free(cmds);
		free(ats);
		free(eo.replay);
	free(eo.tap);
		return rc;
	}
	if (ros_auto && optind < argc) {
		char ver[16];
		int v = ros_of_file(argv[optind], ver, sizeof(ver));

		if (v)
			ros = v;
		if (ver[0])
			sch_set_version(ver);
	}
	sch_init(ros);
	cfg = cfg_new(ros);
	env = scr_env_new(cfg, ros, stdout);
	env->check = check;
	env->max_steps = max_steps;
	/* Ctrl-C stops the running script ("interrupted"), not rosemu */
	signal(SIGINT, on_sigint);
	for (i = optind; i < argc && rc == 0; i++) {
		size_t len;
		char *t = util_read_file(argv[i], &len);

		if (t == NULL) {
			fprintf(stderr, "rosemu: %s: cannot read file\n", argv[i]);
			rc = 1;
			break;
		}
		env->cwd = sch_root();
		/* consumes t: a big import is not held twice */
		if (scr_run_text_take(env, argv[i], t, len) < 0) {
			fprintf(stderr, "%s: %s\n", argv[i], env->err);
			rc = 1;
		}
	}
	/*
	 * --at events in time order: the virtual clock moves to each one
	 * (running the scheduler on the way), then its text runs.  A time
	 * the clock already passed (a file's :delay) runs at once.
	 */
	qsort(ats, (size_t)nats, sizeof(*ats), at_cmp);
	if ((eo.n_tap || live) && (eo.n_replay || eo.n_tap == 0)) {
		fprintf(stderr, "rosemu: --live needs --tap and no --replay\n");
		rc = 2;
	} else if ((eo.n_replay || eo.n_tap) && rc == 0 && !check) {
		/*
		 * the --at events happen during the replay, in virtual time,
		 * or during the live run, on its wall clock
		 */
		eo.at = xcalloc((size_t)nats + 1, sizeof(*eo.at));
		for (i = 0; i < nats; i++) {
			eo.at[i].at = ats[i].t;
			eo.at[i].commands = ats[i].text;
		}
		eo.n_at = (size_t)nats;
		nats = 0;
		rc = eo.n_tap ? emu_live(env, &eo) : emu_replay(env, &eo);
		free(eo.at);
	}
	for (i = 0; i < nats && rc == 0; i++) {
		if (!check) {
			/* the scheduler events on the way: a run of their own */
			env->steps = 0;
			env->fatal = false;
			scr_clock_advance(env, ats[i].t);
		}
		env->cwd = sch_root();
		if (scr_run_text(env, NULL, ats[i].text, strlen(ats[i].text))
		    < 0) {
			fprintf(stderr, "%s\n", env->err);
			rc = 1;
		}
	}
	for (i = 0; i < ncmds && rc == 0; i++) {
		env->cwd = sch_root();
		if (scr_run_text(env, NULL, cmds[i], strlen(cmds[i])) < 0) {
			fprintf(stderr, "%s\n", env->err);
			rc = 1;
		}
	}
	if (interactive) {
		struct con_opts co = { history_file(), -1 };

		env->cwd = sch_root();
		rc |= con_run(env, &co);
		free((char *)co.history_file);
	}
	fflush(stdout);
	scr_env_free(env);
	cfg_free(cfg);
	free(cmds);
	free(ats);
	free(eo.replay);
	free(eo.tap);
	return rc;
}
