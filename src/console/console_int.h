/*
 * console_int.h - what the console's modules share (not a public API).
 */
#ifndef ROSEMU_CONSOLE_INT_H
#define ROSEMU_CONSOLE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "console.h"

/* argdesc_data.c (tools/gen-argdesc.py): value description of an arg */
struct con_argdesc {
	uint32_t cmd;		/* "ip/firewall/mangle/add" */
	uint32_t arg;		/* "chain" */
	uint32_t desc;		/* "time interval" */
};				/* offsets into con_argdesc_blob */
extern const char con_argdesc_blob[];
extern const struct con_argdesc con_argdesc[];
extern const size_t con_n_argdesc;

/* the value description of arg of command cmd, or NULL (help.c) */
const char *con_argdesc_find(const struct sch_node *cmd, const char *arg);

/*
 * Where the text typed so far ends (complete.c): in a path (menus and a
 * command), among a command's arguments, or in an argument's value.
 */
struct con_ctx {
	int	 what;			/* CON_W_* of struct con_cands */
	bool	 in_string;		/* point is inside "..." */
	bool	 colon;			/* ":cmd" (a root command) */
	struct sch_node *dir;		/* menu the path reached */
	struct sch_node *cmd;		/* CON_W_ARG, CON_W_VALUE */
	const struct sch_arg *arg;	/* CON_W_VALUE, if known */
	char	 argname[64];		/* CON_W_VALUE: as resolved */
	size_t	 start;			/* the word being completed */
	const char *prefix;		/* line + start .. point */
	size_t	 plen;
};

void	 con_analyse(struct scr_env *, const char *line, size_t point,
	    struct con_ctx *);
/* every value arg may take here (unfiltered, sorted, unique) */
void	 con_values(struct scr_env *, const struct con_ctx *,
	    struct con_cands *);
/* name of an argument that is a bare word, not name=value ("detail") */
bool	 con_is_flag_arg(const struct sch_node *cmd, const char *name);
void	 con_cands_add(struct con_cands *, const char *s, size_t len);
void	 con_cands_sort(struct con_cands *);

#endif
