/*
 * script.h - values, the interpreter and the command dispatcher.
 *
 * Values are a tagged union over RouterOS's types (:typeof names in
 * scr_type_name()).  They own their data: copying a value copies strings
 * and arrays (code is shared by reference count).  Errors are returned as
 * SCR_ERR with a message and a source offset; on-error/:onerror catch
 * them as ordinary control flow.
 */
#ifndef ROSEMU_SCRIPT_H
#define ROSEMU_SCRIPT_H

#include <signal.h>
#include <stdio.h>

#include "ast.h"
#include "cfg.h"

enum scr_kind {
	SV_NOTHING, SV_NIL, SV_STR, SV_NUM, SV_BOOL, SV_TIME, SV_IP, SV_IPP,
	SV_IP6, SV_IP6P, SV_ID, SV_ARRAY, SV_CODE,
};

struct scr_arr;
struct scr_code;

struct scr_val {
	enum scr_kind k;
	/*
	 * SV_CODE defined with do={...}: a function, which :typeof calls an
	 * array of 2 (reference §3.2); [:parse ...] code is not one.
	 */
	bool	 is_fn;
	union {
		int64_t	 n;		/* num, bool, time (ns), id */
		char	*s;		/* str (owned) */
		struct { uint32_t a; uint8_t plen; } ip;
		struct { uint8_t a[16]; uint8_t plen; } ip6;
		struct scr_arr *arr;	/* array */
		/* code: u.s holds the source text of the block */
	} u;
};

struct scr_arr {
	size_t	 n, cap;
	char	**keys;		/* NULL key: unkeyed; unkeyed first */
	struct scr_val *v;
};

struct scr_arr *scr_arr_new(void);
/* Consumes v.  A key already there gets the new value. */
void	 scr_arr_push(struct scr_arr *, const char *key, struct scr_val v);
/* borrowed element of key, or NULL */
struct scr_val *scr_arr_get(struct scr_arr *, const char *key);
/* the element of key, created (nothing) if missing; borrowed */
struct scr_val *scr_arr_slot(struct scr_arr *, const char *key);
/*
 * Appends the pieces of s between delim as unkeyed elements, each read as
 * a console value (scr_val_from_text); skip_empty drops empty pieces.
 */
void	 scr_arr_split(struct scr_arr *, const char *s, const char *delim,
	    bool skip_empty);
/* number of unkeyed elements: they are v[0 .. nlist) */
size_t	 scr_arr_nlist(const struct scr_arr *);
void	 scr_val_free(struct scr_val *);
struct scr_val scr_val_copy(const struct scr_val *);
struct scr_val scr_str(const char *);
struct scr_val scr_num(int64_t);
/* a scalar of kind k holding n (bool, time, id, nil, nothing) */
struct scr_val scr_kind_val(enum scr_kind k, int64_t n);
struct scr_val scr_array_new(void);	/* an empty array */
const char *scr_type_name(const struct scr_val *);
void	 scr_val_print(const struct scr_val *, struct strbuf *);
char	*scr_val_text(const struct scr_val *);	/* printed form, owned */
/* value from literal text (number, ip, prefix, time, bool, else string) */
struct scr_val scr_val_from_text(const char *, bool words_are_str);
/* decimal (optional '-') or 0x hex in 64 bits: 0, or -1 (also overflow) */
int	 scr_num_parse(const char *, int64_t *);
/*
 * Time literal (1w2d3h4m5s, 500ms, 1ns, 1.5s, HH:MM[:SS[.frac]],
 * 1d02:03:04, optional leading '-') to ns: 0 or -1.  bare_secs also takes
 * a plain number as seconds ("90", "0.5"), as :delay and :totime do.
 */
int	 scr_time_parse(const char *, int64_t *ns, bool bare_secs);
/* dotted quad or short form ("10.1" is 10.0.0.1): 0 or -1 */
int	 scr_ip4_parse_short(const char *, uint32_t *);

/* SCR_EXIT: :exit stops the whole script, across function calls */
enum scr_status { SCR_OK, SCR_ERR, SCR_RETURN, SCR_BREAK, SCR_CONTINUE,
	SCR_EXIT };

struct scr_env {
	struct cfg *cfg;
	struct strmap globals;		/* name -> struct scr_val * */
	FILE	*out;
	int	 ros;
	bool	 check;		/* bind only, change nothing */
	struct sch_node *cwd;	/* current menu of the console */
	/* error of the last failed run */
	char	*err;
	uint32_t err_off;
	const struct src_text *err_src;
	int	 depth;
	struct strbuf log;	/* /log entries (time topics message\n) */
	int64_t	 now;		/* virtual clock, ns */
	/*
	 * Item numbers of the last print per menu (index sch_menu.idx):
	 * the items its numbers stood for (menu idx << 32 | item id), so
	 * "set 3" means what print showed as 3.  Owned; freed by
	 * scr_env_free().
	 */
	struct scr_printed { uint64_t *ids; size_t n; } *printed;
	size_t	 n_printed;
	int	 in_cmdsub;	/* inside [ ]: count-only returns, prints not */
	/*
	 * Limits (emulator options): statements and loop iterations one
	 * top-level run may take (--max-steps; 0: no limit), and nested
	 * function calls.  fatal marks an error on-error cannot catch (step
	 * limit, Ctrl-C).
	 */
	uint64_t max_steps, steps;
	int	 max_depth;
	bool	 fatal;
	/*
	 * Globals created since the running console chunk was compiled
	 * (owned keys): console input sees the globals that existed before
	 * it, the others only through ":global name" (§2.3).
	 */
	struct strmap fresh_globals;
	int	 next_job;	/* :execute job ids (*1, *2, ...) */
	const char *jobname;	/* running /system script name, or NULL */
	struct sys_state *sys;	/* script/system.c (scheduler, leases) */
	/*
	 * The packet engine of this router (src/engine/emu.c): made on first
	 * use, kept for the session (replays, /emulator, the connection
	 * table), recompiled when cfg->gen moves.  pcc_seed: --pcc-seed.
	 */
	struct emu *emu;
	uint32_t pcc_seed;
	/*
	 * Front-end hooks (the console sets them; NULL/0 otherwise).  delay:
	 * :delay waits ns of real time; returns how long it waited, less
	 * than ns when Ctrl-C ended the wait (:delay then fails with
	 * "interrupted").  term_width: print's width (0: 80 columns).
	 */
	int64_t	(*delay)(struct scr_env *, int64_t ns);
	int	 term_width;
};

/* Default of env->max_steps (rosemu --max-steps). */
#define SCR_MAX_STEPS	10000000ULL
/* Default of env->max_depth: nested function calls. */
#define SCR_MAX_DEPTH	500
/* Set from a SIGINT handler: the running script stops ("interrupted"). */
extern volatile sig_atomic_t scr_interrupt;

struct scr_env *scr_env_new(struct cfg *, int ros, FILE *out);
void	 scr_env_free(struct scr_env *);

/*
 * The virtual clock (env->now, ns since jan/02/1970 00:00:00).  Moves it
 * forward to `to` (no-op if not later): every /system scheduler event
 * due on the way runs at its own time, in time order (script/system.c).
 * :delay and rosemu --at call it.
 */
/* a /log entry under topics ("firewall,info"): src/script/builtins.c */
void	 scr_log_topics(struct scr_env *, const char *topics, const char *msg);
int64_t	 scr_clock_next(struct scr_env *);
void	 scr_clock_advance(struct scr_env *, int64_t to);

/*
 * Runs a whole text (file, -c argument or console line) chunk by chunk,
 * like /import: stops at the first error and keeps what ran before.
 * Returns 0 or -1 with env->err, env->err_off, env->err_src set; the
 * caller renders "MSG (line N column M)" from them.
 */
int	 scr_run_text(struct scr_env *, const char *name, const char *text,
	    size_t len);
/* The same, consuming text (see src_new_take()): big files load uncopied. */
int	 scr_run_text_take(struct scr_env *, const char *name, char *text,
	    size_t len);
/* Renders the last error as RouterOS prints it (owned string). */
char	*scr_err_render(const struct scr_env *);

#endif
