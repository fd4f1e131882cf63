/*
 * console.h - the interactive console (rosemu -i): a RouterOS terminal.
 *
 * Everything the console knows about menus, commands, arguments and their
 * values comes from the one schema (schema.h) and the configuration
 * (cfg.h): there is no per-menu console code.  The pieces below the REPL
 * (completion, "?" help, the prompt, open-bracket tracking) work on plain
 * strings, so tests call them without a terminal.  Nothing in rosemu
 * depends on the console.
 */
#ifndef ROSEMU_CONSOLE_H
#define ROSEMU_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "script.h"

/*
 * Candidates for the word that ends at point in line (the text typed so
 * far, in the current menu env->cwd).  start: where the word being
 * completed begins (after the last of " \t;{}[]()=,!/\"").  Candidates
 * are whole words for that position, sorted and unique; an argument name
 * comes with its '=' ("chain=").  Owned by the struct: con_cands_fini().
 */
struct con_cands {
	char	**v;
	size_t	 n, cap;
	size_t	 start;
	/*
	 * What the word is: a menu or command, an argument name, a value;
	 * the console appends a space after a unique menu, command or value,
	 * nothing after "name=".
	 */
	enum { CON_W_NONE, CON_W_PATH, CON_W_ARG, CON_W_VALUE } what;
};

void	 con_complete(struct scr_env *, const char *line, size_t point,
	    struct con_cands *);
void	 con_cands_fini(struct con_cands *);

/*
 * The "?" help for line[0..point): what may follow there, one "name --
 * description" line each (menus and commands; a command's arguments; an
 * argument's value type and values).  Appended to out, which ends with a
 * newline.  width: the terminal width (0: 80).
 */
void	 con_help(struct scr_env *, const char *line, size_t point, int width,
	    struct strbuf *out);

/*
 * Whether text (one or more lines) still needs more lines: an open '{',
 * '(', '[' or '"', or a last line ending in '\'.  If so, open gets what is
 * open, innermost last, as the continuation prompt lists it ("{(\\"), and
 * the result is true.  Mismatched closers are left to the parser.
 */
bool	 con_incomplete(const char *text, size_t len, struct strbuf *open);

/*
 * The prompt: "[admin@IDENTITY] /ip/firewall/mangle> " (RouterOS 7; 6
 * writes the path with spaces: "/ip firewall mangle"), "[admin@IDENTITY]
 * > " at the root.  IDENTITY is /system identity's name.
 */
void	 con_prompt(struct scr_env *, struct strbuf *out);

/*
 * Runs the console on standard input until Ctrl-D, /quit or the end of
 * the input.  On a terminal: readline with completion, help, history
 * (history_file, NULL: none), colours; otherwise the lines are read plain
 * and echoed after their prompt, so a piped session reads like a
 * transcript.  Returns 0, or 1 if a command failed.
 */
struct con_opts {
	const char *history_file;
	int	 color;		/* 1 on, 0 off, -1 auto (a colour terminal) */
};
int	 con_run(struct scr_env *, const struct con_opts *);

#endif
