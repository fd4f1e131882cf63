/* fuzz_common.h - what the libFuzzer harnesses share (fuzz_common.c) */
#ifndef ROSEMU_FUZZ_COMMON_H
#define ROSEMU_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifndef SRCDIR
#define SRCDIR "."
#endif

/*
 * Once per process: a scratch directory under $TMPDIR becomes the
 * working directory (rosemu's file store), "examples" links to the
 * source tree's, standard input reads /dev/null.  From then on the file
 * guard is armed: the project's fopen, mkdir and pcap_dump_open refuse absolute paths
 * and "..", so fuzzed text cannot reach files outside the scratch
 * directory (the harnesses run as whoever starts them).
 */
void	 fz_setup(void);
void	 fz_guard(int on);
/* Empties the scratch directory (but "examples"): before each input. */
void	 fz_clean(void);
/* an output stream that discards everything */
FILE	*fz_devnull(void);

#endif
