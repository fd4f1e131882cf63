/*
 * fuzz_common.c - scratch directory and file guard for the harnesses.
 * The guard works by renaming (tests/fuzz/build.sh runs objcopy
 * --redefine-sym on the project's objects): their calls to fopen, mkdir
 * and pcap_dump_open land in fz_fopen, fz_mkdir, fz_pcap_dump_open.
 */
#include <dirent.h>
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"

FILE	*fz_fopen(const char *, const char *);
int	 fz_mkdir(const char *, mode_t);
pcap_dumper_t *fz_pcap_dump_open(pcap_t *, const char *);

static int guard;
static char scratch[4096];

static int
path_ok(const char *p)
{
	if (!guard)
		return 1;
	if (p == NULL || p[0] == '/' || strstr(p, "..") != NULL ||
	    !strcmp(p, "-"))
		return 0;
	return 1;
}

FILE *
fz_fopen(const char *p, const char *mode)
{
	if (!path_ok(p)) {
		errno = EACCES;
		return NULL;
	}
	return fopen(p, mode);
}

int
fz_mkdir(const char *p, mode_t mode)
{
	if (!path_ok(p)) {
		errno = EACCES;
		return -1;
	}
	return mkdir(p, mode);
}

pcap_dumper_t *
fz_pcap_dump_open(pcap_t *pc, const char *p)
{
	if (!path_ok(p))
		return NULL;
	return pcap_dump_open(pc, p);
}

void
fz_guard(int on)
{
	guard = on;
}

static void
rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4096];
	struct stat st;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			rm_tree(path);
			rmdir(path);
		} else
			unlink(path);
	}
	closedir(d);
}

void
fz_clean(void)
{
	DIR *d = opendir(".");
	struct dirent *de;
	int any = 0;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") &&
		    strcmp(de->d_name, "examples"))
			any = 1;
	closedir(d);
	if (!any)
		return;
	rm_tree(scratch);
	if (symlink(SRCDIR "/examples", "examples") < 0 && errno != EEXIST)
		perror("fuzz: examples link");
}

static void
at_exit_clean(void)
{
	rm_tree(scratch);
	rmdir(scratch);
}

void
fz_setup(void)
{
	const char *t = getenv("TMPDIR");

	if (scratch[0])
		return;
	snprintf(scratch, sizeof(scratch), "%s/rosemu-fuzz.XXXXXX",
	    t && *t ? t : "/tmp");
	if (mkdtemp(scratch) == NULL || chdir(scratch) < 0) {
		perror("fuzz: scratch directory");
		exit(1);
	}
	if (symlink(SRCDIR "/examples", "examples") < 0)
		perror("fuzz: examples link");
	if (freopen("/dev/null", "r", stdin) == NULL)
		perror("fuzz: stdin");
	atexit(at_exit_clean);
}

FILE *
fz_devnull(void)
{
	static FILE *f;

	if (f == NULL && (f = fopen("/dev/null", "w")) == NULL) {
		perror("fuzz: /dev/null");
		exit(1);
	}
	return f;
}
