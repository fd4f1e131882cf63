/*
 * fuzz_script - arbitrary bytes as console text, through the entry the
 * command line uses for a file or -c text (src/main.c): a fresh
 * configuration and environment per input, a small step limit so loops
 * end, then an export of whatever was applied.  The RouterOS version is
 * $ROSEMU_FUZZ_ROS (6 or 7, default 7); the step limit
 * $ROSEMU_FUZZ_STEPS (default 20000).
 */
#include <stdlib.h>
#include <string.h>

#include "script.h"
#include "fuzz_common.h"

static int ros = 7;
static unsigned long long steps = 20000;

int	 LLVMFuzzerInitialize(int *, char ***);
int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *r = getenv("ROSEMU_FUZZ_ROS"), *s;

	(void)argc;
	(void)argv;
	if (r && !strcmp(r, "6"))
		ros = 6;
	if ((s = getenv("ROSEMU_FUZZ_STEPS")) != NULL)
		steps = strtoull(s, NULL, 10);
	fz_setup();
	sch_init(ros);
	fz_guard(1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const char export[] = "/export verbose\n/export\n";
	struct cfg *c;
	struct scr_env *env;

	fz_clean();
	c = cfg_new(ros);
	env = scr_env_new(c, ros, fz_devnull());
	env->max_steps = steps;
	env->cwd = sch_root();
	if (scr_run_text(env, "fuzz.rsc", (const char *)data, len) < 0 &&
	    env->err == NULL)
		abort();	/* a failed run always says why */
	/* what was applied must print */
	env->cwd = sch_root();
	(void)scr_run_text(env, NULL, export, sizeof(export) - 1);
	scr_env_free(env);
	cfg_free(c);
	return 0;
}
