/*
 * schema.h - the command tree, value types and menu tables.
 *
 * The tree (every menu, command and argument of RouterOS) is derived from
 * the router's own /console/inspect output (tools/gen-cmdtree.py ->
 * src/schema/cmdtree_data.c) plus hand additions (data/cmdtree-extra.txt).
 * Menus the engine emulates also have a hand-written typed table
 * (src/menus/); every other menu gets a generic table whose properties are
 * its add/set arguments, typed as text.  Print, export, validation and
 * completion all read struct sch_menu: one schema per menu.
 */
#ifndef ROSEMU_SCHEMA_H
#define ROSEMU_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

/* ---- value types ---- */

enum sch_kind {
	VK_TEXT, VK_NUM, VK_BOOL, VK_TIME, VK_IP, VK_IP_PREFIX, VK_IP_RANGE,
	VK_IP6, VK_IP6_PREFIX, VK_ADDR, VK_MAC, VK_PORTS, VK_ENUM, VK_ENUMS,
	VK_NAME, VK_NAMES, VK_ID,
};

/*
 * Typed form of a value, kept next to its canonical text.  Every item
 * holds one per property of its menu, so the size counts: 32 bytes (the
 * IPv6 prefix length sits outside the union to keep it at 16).
 */
struct sch_val {
	char	*text;		/* canonical printed form (owned) */
	union {
		int64_t	 num;	/* num, bool, time (ns), enum index */
		struct { uint32_t lo, hi; uint8_t plen; } ip4;
		struct { uint8_t a[16]; } ip6;
		uint8_t	 mac[6];
	} u;
	bool	 neg;		/* written with a leading '!' */
	uint8_t	 plen6;		/* ip6: prefix length */
};

struct sch_type {
	const char *name;
	enum sch_kind kind;
	const char *enums;	/* VK_ENUM(S): "a|b|c" */
	int64_t	 min, max;	/* VK_NUM range (min > max: unchecked) */
};

/*
 * Parses in (no leading '!') into out.  Returns 0, or -1 with *err set
 * to a static RouterOS message fragment ("invalid value", "value out of
 * range", "input does not match any value").  out->text is owned.
 */
int	 sch_type_parse(const struct sch_type *, const char *in,
	    struct sch_val *out, const char **err);
void	 sch_val_fini(struct sch_val *);
void	 sch_val_copy(struct sch_val *dst, const struct sch_val *src);

/* Shared type instances (types.c). */
extern const struct sch_type vt_text, vt_num, vt_u32, vt_bool, vt_time,
	vt_ip, vt_ip_prefix, vt_ip_range, vt_ip6, vt_ip6_prefix, vt_addr,
	vt_mac, vt_ports, vt_name, vt_names, vt_id, vt_distance,
	vt_prefix_list, vt_al_addr;

/* Time helpers used by print and the script layer. */
int	 sch_time_parse(const char *, int64_t *ns);
void	 sch_time_print(int64_t ns, struct strbuf *);	/* 1d2h3m */
int	 sch_ip4_parse(const char *, uint32_t *);
void	 sch_ip4_print(uint32_t, struct strbuf *);
int	 sch_ip6_parse(const char *, uint8_t a[16]);
void	 sch_ip6_print(const uint8_t a[16], struct strbuf *);

/* ---- menus ---- */

enum {
	P_REQ	 = 1 << 0,	/* required on add */
	P_NEG	 = 1 << 1,	/* accepts a leading '!' */
	P_RO	 = 1 << 2,	/* read-only (not settable) */
	P_V6	 = 1 << 3,	/* only in RouterOS 6 */
	P_V7	 = 1 << 4,	/* only in RouterOS 7 */
	P_SENS	 = 1 << 5,	/* sensitive: hidden by hide-sensitive */
	P_KEEP	 = 1 << 6,	/* export even when equal to the default */
	P_FLAG	 = 1 << 7,	/* bare flag word in export ("fib") */
	P_NOEXP	 = 1 << 8,	/* never exported (computed) */
	P_SHOW	 = 1 << 9,	/* print shows the default when unset */
	P_REQ7	 = 1 << 10,	/* required on add in RouterOS 7 only */
};

struct sch_prop {
	const char *name;
	const struct sch_type *type;
	uint32_t flags;
	const char *def;	/* default as text; NULL: unset */
};

/*
 * How plain "print" lays a menu out (cfg/print.c): a table, name=value
 * entries (firewall rule lists, scripts), name: value settings, or bare
 * value lines with no header and no numbers (/log).
 */
enum sch_style { PS_TABLE, PS_RULES, PS_SETTINGS, PS_LINES };

/* Hand-written table of an emulated menu (src/menus/menus.def). */
struct sch_menu_def {
	const char *path;	/* "/ip/firewall/mangle" */
	const struct sch_prop *props;
	bool	 ordered;	/* rule list: place-before, move */
	bool	 settings;	/* a single item (set/print/get) */
	enum sch_style style;
	/*
	 * Table columns, "name:W name:Wr name:*": W is the v6 width, r
	 * right-aligns (numbers), * is the v6 elastic column that takes what
	 * the terminal leaves; no width = as wide as the widest value.  v7
	 * sizes every column to its content and uses columns7 if set.
	 */
	const char *columns;
	const char *columns7;
	const char *columns_stats;	/* print stats of a table, if it has one */
	/*
	 * Flag legend, "X disabled,I invalid;D dynamic": letter and name,
	 * ';' starts a new flag column (flags sharing a column exclude each
	 * other).  flags7 for v7 if it differs; NULL: "X disabled" when the
	 * menu has a disabled property, else no flags.
	 */
	const char *flags6, *flags7;
	/* print order: props compared in turn (NULL: list order) */
	const char *sort;
	bool	 nonum_dynamic7;	/* v7 gives dynamic items no number */
	const char *unique;	/* props whose combination is unique */
	const char *name_prop;	/* items can be named by this ("name") */
	/* fills defaults / computed props; may reject with a message */
	int	(*validate)(struct sch_val *vals, const struct sch_prop *props,
		    size_t n, const char **err);
};

struct sch_arg {
	const char *name;
	const char **vals;	/* completion values */
	uint32_t n_vals;
	uint8_t	 ver;		/* bit 0: v6, bit 1: v7 */
};

struct sch_menu;

/* A menu (dir) or command in the tree. */
struct sch_node {
	const char *name;
	struct sch_node *parent;
	struct sch_node **kids;	/* sorted by name */
	size_t	 n_kids, cap_kids;
	bool	 is_cmd;
	uint8_t	 ver;
	struct sch_arg *args;	/* commands: sorted by name */
	size_t	 n_args, cap_args;
	struct sch_menu *menu;	/* dirs: created by sch_menu_of() */
	/*
	 * commands: argument text not parsed yet (tree.c parses it on the
	 * first sch_child/sch_cmd/sch_lookup/sch_arg_find that returns or
	 * takes the node, so start-up stays cheap); NULL once parsed
	 */
	struct sch_argsrc *argsrc;
};

struct sch_menu {
	const struct sch_menu_def *def;	/* NULL: generic (text) menu */
	struct sch_node *node;
	char	*path;		/* "/ip/firewall/mangle" */
	char	*spath;		/* "/ip firewall mangle" (export) */
	struct sch_prop *props;
	size_t	 n_props;
	size_t	 idx;		/* index into cfg lists */
	bool	 settings, ordered, can_add;
	int	 name_prop;	/* index or -1 */
};

/* Loads the tree for RouterOS major version ros (6 or 7). Idempotent. */
struct sch_node *sch_root(void);
void	 sch_init(int ros);
int	 sch_ros(void);
/*
 * The release an export was made by ("7.6", from its header); NULL: the
 * release the tree was taken from (7.19.4; 6.49.18 for v6).  Only a few
 * menus differ by release (sch_menu_of); the export header names it.  Set
 * it before the first sch_menu_of().
 */
void	 sch_set_version(const char *);
const char *sch_version(void);		/* "7.19.4" */
/* Child by exact name or unique prefix; NULL if none; *ambig on two. */
struct sch_node *sch_child(struct sch_node *, const char *name, size_t len,
	    bool *ambig);
const struct sch_arg *sch_arg_find(const struct sch_node *cmd,
	    const char *name, bool *ambig);
struct sch_node *sch_cmd(struct sch_node *dir, const char *name);
/* Menu descriptor for a dir (created on first use). */
struct sch_menu *sch_menu_of(struct sch_node *dir);
size_t	 sch_n_menus(void);
struct sch_menu *sch_menu_at(size_t idx);
int	 sch_prop_find(const struct sch_menu *, const char *name);
char	*sch_node_path(const struct sch_node *, char sep);	/* owned */
struct sch_node *sch_lookup(const char *path);	/* "/ip/address" */

enum sch_match { SCH_NO_MATCH, SCH_AMBIGUOUS, SCH_OK };
enum sch_match sch_match_name(const char *word, size_t len,
	    const char *const *names, size_t n, size_t stride, size_t *idx);

#endif
