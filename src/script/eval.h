/* eval.h - internals shared by eval.c, expr.c, builtins.c, menucmd.c */
#ifndef ROSEMU_EVAL_H
#define ROSEMU_EVAL_H

#include <stdarg.h>

#include "script.h"

struct scr_scope;

struct scr_frame {
	struct scr_env *env;
	struct scr_scope *scope;
	const struct src_text *src;
	struct sch_node *cwd;
	struct scr_arr *args;		/* function arguments */
	/* where/find evaluation: the item whose properties are variables */
	const struct sch_menu *item_menu;
	const struct cfg_item *item;
	bool	 implicit_ok;		/* find may create builtin items */
	/*
	 * Scope rules (reference §2.3).  sees_globals: the top level of a
	 * console line, -c text or command-line file, where every existing
	 * global is in scope; elsewhere (functions, scripts, code values) a
	 * global is visible only after ":global name".  is_fn: a function
	 * body or :parse'd code, where an undeclared $name is a parameter
	 * (nothing when not passed) rather than a compile-time error.
	 */
	bool	 sees_globals;
	bool	 is_fn;
};

enum scr_status scr_fail(struct scr_frame *, uint32_t off, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
void	 scope_push(struct scr_frame *);
void	 scope_pop(struct scr_frame *);
struct scr_val *var_find(struct scr_frame *, const char *);
struct scr_val *var_local(struct scr_frame *, const char *);
void	 var_declare_local(struct scr_frame *, const char *, struct scr_val);
void	 var_set_global(struct scr_env *, const char *, struct scr_val,
	    bool keep);
/*
 * ":global name [value]" in frame f: sets (or, keep, creates empty) the
 * global and makes the name visible in the current scope.  Consumes v.
 */
void	 var_declare_global(struct scr_frame *, const char *, struct scr_val,
	    bool keep);
/* :set name value: the variable the name is bound to.  Consumes v. */
void	 var_assign(struct scr_frame *, const char *, struct scr_val);
/* :set name (no value): un-defines the variable (§2.1) */
void	 var_undefine(struct scr_frame *, const char *);
/*
 * Counts one step (a statement or a loop iteration) against
 * env->max_steps and checks for an interrupt (Ctrl-C): SCR_OK, or SCR_ERR
 * with env->fatal set, which on-error and :onerror do not catch.
 */
enum scr_status scr_step(struct scr_frame *, uint32_t off);
/*
 * The compile-time check of a parsed chunk (resolve.c): every $name read
 * at the top level of a script must be declared (reference §2.1, §2.3);
 * the error is "syntax error" at the name and nothing of the chunk runs.
 * rs carries the names declared by earlier chunks of the same text.
 */
struct scr_resolve;
struct scr_resolve *scr_resolve_new(void);
void	 scr_resolve_free(struct scr_resolve *);
enum scr_status scr_resolve_chunk(struct scr_frame *, struct scr_resolve *,
	    const struct ast *blk);
/*
 * Binds the leading words of a statement to the command tree (eval.c):
 * *cmd is the command (NULL for a path-only statement, whose menu is
 * *dir), *rest the first item after it.  SCR_ERR on a bad command name.
 */
enum scr_status scr_bind_words(struct scr_frame *, const struct ast *stmt,
	    struct sch_node **dir, struct sch_node **cmd,
	    const struct ast **rest);
struct scr_val code_of(struct scr_frame *, const struct ast *blk);
enum scr_status eval_node(struct scr_frame *, const struct ast *,
	    struct scr_val *);
enum scr_status eval_expr(struct scr_frame *, const struct ast *,
	    struct scr_val *);
enum scr_status exec_block(struct scr_frame *, const struct ast *,
	    bool same_scope, struct scr_val *);
enum scr_status exec_stmt(struct scr_frame *, const struct ast *,
	    struct scr_val *);
/*
 * A block in a new scope that first holds names[i] = vals[i] (loop
 * counters, the :onerror variable); consumes vals.
 */
enum scr_status exec_block_with(struct scr_frame *, const struct ast *blk,
	    const char *const *names, struct scr_val *vals, size_t n,
	    struct scr_val *out);
enum scr_status run_src(struct scr_frame *, struct scr_val *);
/* --check: bind every statement of blk, run nothing */
enum scr_status check_block(struct scr_frame *, const struct ast *blk);
enum scr_status call_function(struct scr_frame *, const struct ast *stmt,
	    struct scr_val *);
enum scr_status run_code(struct scr_frame *, const char *code,
	    struct scr_arr *args, struct scr_val *out);
struct scr_val item_prop(struct scr_frame *, const char *prop);
bool	 scr_truthy(const struct scr_val *);
/* the name a :local/:set/:for/:onerror argument gives (eval.c) */
const char *scr_var_name(const struct ast *);
/* POSIX ERE match, as the ~ operator (expr.c) */
bool	 scr_regex_match(const char *s, const char *pat);
int	 scr_cmp(const struct scr_val *, const struct scr_val *, bool *ok);
/* expr.c: = as the language defines it (§4.3) */
bool	 scr_val_eq(const struct scr_val *, const struct scr_val *);
/* expr.c: a . b, spreading over arrays (§4.5); a new value */
struct scr_val scr_cat(const struct scr_val *, const struct scr_val *);
/* expr.c: the value of a quoted string with its interpolations (§1.8) */
enum scr_status scr_eval_str(struct scr_frame *, const struct ast *,
	    struct scr_val *);
/*
 * expr.c: the element ($v->k1->k2...) names, created if missing, for
 * :set; borrowed, NULL if $v does not exist.
 */
enum scr_status scr_arrow_slot(struct scr_frame *, const struct ast *,
	    struct scr_val **slot);
bool	 scr_is_hw_name(const char *);

/* builtins.c */
bool	 builtin_find(const char *name);
enum scr_status builtin_run(struct scr_frame *, struct sch_node *cmd,
	    const struct ast *stmt, const struct ast *args,
	    struct scr_val *out);

/* flow.c: variables, control flow, functions, code execution (§5) */
bool	 flow_builtin_find(const char *name);
enum scr_status flow_builtin_run(struct scr_frame *, const char *name,
	    const struct ast *stmt, const struct ast *args,
	    struct scr_val *out);
/* the code a value runs when called (code, or a v7 function), or NULL */
const char *scr_callable(const struct scr_val *);
/* il.c: what :put prints for code, RouterOS's parsed form (appended) */
void	 scr_code_il(struct scr_frame *, const struct scr_val *code,
	    struct strbuf *);
/* :environment print (also /environment print in v7) */
enum scr_status scr_env_print(struct scr_frame *);

/* data.c: :typeof :len :pick :find :range :to* ... (reference §3.4, §5.3) */
bool	 data_builtin_find(const char *name);
enum scr_status data_builtin_run(struct scr_frame *, const char *name,
	    const struct ast *stmt, const struct ast *args,
	    struct scr_val *out);

/* codec.c: :convert (from/to/transform: NULL when not given) */
enum scr_status codec_convert(struct scr_frame *, const struct ast *stmt,
	    const struct scr_val *v, const char *from, const char *to,
	    const char *transform, struct scr_val *out);
enum scr_status codec_serialize(struct scr_frame *, const struct ast *stmt,
	    const struct scr_val *v, const struct scr_val *to,
	    const struct scr_val *options, const struct scr_val *delimiter,
	    const struct scr_val *order, struct scr_val *out);
enum scr_status codec_deserialize(struct scr_frame *, const struct ast *stmt,
	    const struct scr_val *v, const struct scr_val *from,
	    const struct scr_val *options, const struct scr_val *delimiter,
	    struct scr_val *out);

/* /log info message=X (builtins.c) */
void	 scr_log_write(struct scr_env *, const char *level, const char *msg);

/* system.c: /system script, scheduler, job, environment; DHCP leases */
/* before any command of menu m runs: refresh what m shows */
void	 sys_before(struct scr_frame *, const struct sch_menu *m,
	    const char *cmd);
/* after a command of menu m changed the configuration */
enum scr_status sys_after(struct scr_frame *, const struct sch_menu *m,
	    const char *cmd, struct cfg_item *added);
/* commands on items system.c carries out (run, release, renew) */
bool	 sys_item_cmd_known(const struct sch_menu *m, const char *cmd);
enum scr_status sys_item_cmd(struct scr_frame *, const struct sch_menu *m,
	    const char *cmd, struct cfg_item **its, size_t n, uint32_t off);
/*
 * Runs a script source (stored text: /system script source=, on-event=,
 * lease scripts) as a job named script: parsed whole first, run at the
 * root menu with vars (borrowed, may be NULL) as context variables.  A
 * failure leaves env->err "message (line N column M)" of the source.
 */
enum scr_status sys_run_source(struct scr_env *, const char *script,
	    const char *type, const char *text, struct scr_arr *vars);
void	 sys_free(struct scr_env *);

/* menucmd.c */
enum scr_status menu_cmd(struct scr_frame *, struct sch_node *dir,
	    struct sch_node *cmd, const struct ast *stmt,
	    const struct ast *args, struct scr_val *out);

#endif
