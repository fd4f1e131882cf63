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
void	 scr_arr_push(struct scr_arr *, const char *key, struct scr_val v);
struct scr_val *scr_arr_get(struct scr_arr *, const char *key);
void	 scr_val_free(struct scr_val *);
struct scr_val scr_val_copy(const struct scr_val *);
struct scr_val scr_str(const char *);
struct scr_val scr_num(int64_t);
const char *scr_type_name(const struct scr_val *);
void	 scr_val_print(const struct scr_val *, struct strbuf *);
/* value from literal text (number, ip, prefix, time, bool, else string) */
struct scr_val scr_val_from_text(const char *, bool words_are_str);

enum scr_status { SCR_OK, SCR_ERR, SCR_RETURN, SCR_BREAK, SCR_CONTINUE };

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
};

struct scr_env *scr_env_new(struct cfg *, int ros, FILE *out);
void	 scr_env_free(struct scr_env *);

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
