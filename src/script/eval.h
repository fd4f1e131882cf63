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
struct scr_val code_of(struct scr_frame *, const struct ast *blk);
enum scr_status eval_node(struct scr_frame *, const struct ast *,
	    struct scr_val *);
enum scr_status eval_expr(struct scr_frame *, const struct ast *,
	    struct scr_val *);
enum scr_status exec_block(struct scr_frame *, const struct ast *,
	    bool same_scope, struct scr_val *);
enum scr_status exec_stmt(struct scr_frame *, const struct ast *,
	    struct scr_val *);
enum scr_status run_src(struct scr_frame *, struct scr_val *);
/* --check: bind every statement of blk, run nothing */
enum scr_status check_block(struct scr_frame *, const struct ast *blk);
enum scr_status call_function(struct scr_frame *, const struct ast *stmt,
	    struct scr_val *);
enum scr_status run_code(struct scr_frame *, const char *code,
	    struct scr_arr *args, struct scr_val *out);
struct scr_val item_prop(struct scr_frame *, const char *prop);
bool	 scr_truthy(const struct scr_val *);
int	 scr_cmp(const struct scr_val *, const struct scr_val *, bool *ok);
bool	 scr_is_hw_name(const char *);

/* builtins.c */
bool	 builtin_find(const char *name);
enum scr_status builtin_run(struct scr_frame *, struct sch_node *cmd,
	    const struct ast *stmt, const struct ast *args,
	    struct scr_val *out);

/* /log info message=X (builtins.c) */
void	 scr_log_write(struct scr_env *, const char *level, const char *msg);

/* menucmd.c */
enum scr_status menu_cmd(struct scr_frame *, struct sch_node *dir,
	    struct sch_node *cmd, const struct ast *stmt,
	    const struct ast *args, struct scr_val *out);

#endif
