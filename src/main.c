/*
 * DOC: main - the command line (DESIGN.md "Command line"): options, then
 * hand over.  Files run first, like /import, then -c texts in order, then
 * the console.  Errors go to stderr prefixed with the file name; the exit
 * status is 0 only if everything ran.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

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
	    "  --replay, --write-pcaps, --pcc-seed, --at, --generate:\n"
	    "                       packet engine options (not implemented yet)\n"
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

static int
run_console(struct scr_env *env)
{
	char line[32768];
	int rc = 0;

	/* plain line console; the readline console is issue 5 */
	while (fputs("[admin@MikroTik] > ", stdout), fflush(stdout),
	    fgets(line, sizeof(line), stdin)) {
		if (!strcmp(line, "/quit\n") || !strcmp(line, "quit\n"))
			break;
		if (scr_run_text(env, NULL, line, strlen(line)) < 0) {
			printf("%s\n", env->err);
			rc = 1;
		}
	}
	putchar('\n');
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "check", no_argument, NULL, 'C' },
		{ "ros", required_argument, NULL, 'R' },
		{ "replay", required_argument, NULL, 'P' },
		{ "write-pcaps", required_argument, NULL, 'P' },
		{ "pcc-seed", required_argument, NULL, 'P' },
		{ "at", required_argument, NULL, 'P' },
		{ "generate", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char **cmds = xcalloc((size_t)argc + 1, sizeof(char *));
	int ncmds = 0, opt, ros = 7, rc = 0, i;
	bool check = false, interactive = false, ros_auto = false;
	struct cfg *cfg;
	struct scr_env *env;

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
		case 'P':
			fprintf(stderr, "rosemu: the packet engine options are "
			    "not implemented yet (issue 4)\n");
			return 2;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
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
	for (i = 0; i < ncmds && rc == 0; i++) {
		env->cwd = sch_root();
		if (scr_run_text(env, NULL, cmds[i], strlen(cmds[i])) < 0) {
			fprintf(stderr, "%s\n", env->err);
			rc = 1;
		}
	}
	if (interactive)
		rc |= run_console(env);
	fflush(stdout);
	scr_env_free(env);
	cfg_free(cfg);
	free(cmds);
	return rc;
}
