/*
 * cfg.h - the configuration store: items of every menu, in order.
 *
 * One struct cfg_list per menu (indexed by sch_menu.idx).  Items carry a
 * stable id (*1, *A), typed values (one struct sch_val per menu property;
 * text NULL = unset) and, for items that exist without an "add" (hardware
 * ports, default entries), the selector export writes and the values they
 * started with, so export prints only what the configuration changed.
 */
#ifndef ROSEMU_CFG_H
#define ROSEMU_CFG_H

#include <stdbool.h>
#include <stdint.h>

#include "schema.h"

enum {
	CI_BUILTIN = 1 << 0,	/* exists without add; exported with set */
	CI_DYNAMIC = 1 << 1,	/* D: not exported */
	CI_DEAD	   = 1 << 2,	/* removed; compacted away */
	CI_CONNECT = 1 << 3,	/* route: connected network of an address */
	CI_DHCP	   = 1 << 4,	/* route, address: from a DHCP client lease */
};

struct cfg_item {
	uint32_t id;
	uint32_t flags;
	char	*sel;		/* builtin: "[ find default-name=ether1 ]" */
	uint32_t uhash;		/* hash of its unique props when inserted */
	struct sch_val *v;	/* [menu->n_props] */
	struct sch_val *base;	/* builtin: values at creation */
	uint64_t bytes, packets;
	int64_t	 created;	/* virtual time of creation (ns) */
};

struct cfg_list {
	struct cfg_item **items;
	size_t	 n, cap;
	uint32_t next_id;
	/*
	 * Menus with "unique" props keep every item in an open-addressing
	 * set (linear probing on uhash), so a duplicate add is found in O(1)
	 * without a key string per item.  uprop: the unique props' indices
	 * (-1: not a prop of the menu), worked out on first use.
	 */
	struct cfg_item **uniq;
	size_t	 n_uniq, cap_uniq;
	int	 uprop[4];
	int	 n_uprop;
	bool	 uprop_done;
	size_t	 n_dead;
	int	 order;		/* first-use order for export */
};

/*
 * What the running router knows and the configuration does not: the
 * packet engine answers through these (src/engine/emu.c), so print shows
 * the FIB's view of a route.  Unset hooks: print works it out alone.
 */
struct cfg_hooks {
	/* 1 active, 0 not, -1 unknown (print decides) */
	int	(*route_active)(void *arg, const struct sch_menu *,
		    const struct cfg_item *);
	/* the cable is out (/emulator link): not running */
	bool	(*link_down)(void *arg, const char *ifname);
	/* check-gateway found the gateway unreachable */
	bool	(*gw_down)(void *arg, uint32_t gw);
	/* a route resolved recursively: "NEXTHOP IFACE" appended, true */
	bool	(*route_via)(void *arg, const struct sch_menu *,
		    const struct cfg_item *, struct strbuf *);
	void	*arg;
};

struct cfg {
	/* per menu, by sch_menu.idx; each list stays where it is allocated
	 * (menus appear lazily, so the array of pointers grows) */
	struct cfg_list **lists;
	size_t	 n_lists;
	int	 n_used;
	int	 ros;
	/*
	 * Bumped by every command that may change the configuration, so the
	 * packet engine recompiles only when something changed.
	 */
	uint64_t gen;
	struct cfg_hooks hooks;
};

struct cfg *cfg_new(int ros);			/* fresh router defaults */
void	 cfg_free(struct cfg *);
struct cfg_list *cfg_list(struct cfg *, const struct sch_menu *);
struct cfg_item *cfg_item_new(const struct sch_menu *);
void	 cfg_item_free(const struct sch_menu *, struct cfg_item *);
/* Appends (or inserts before position at, if at < n) and assigns an id. */
void	 cfg_insert(struct cfg *, const struct sch_menu *, struct cfg_item *,
	    size_t at);
struct cfg_item *cfg_by_id(struct cfg *, const struct sch_menu *, uint32_t);
void	 cfg_remove(struct cfg *, const struct sch_menu *, struct cfg_item *);
void	 cfg_compact(struct cfg *, const struct sch_menu *);
size_t	 cfg_index(struct cfg *, const struct sch_menu *,
	    const struct cfg_item *);
/*
 * A live item of menu m, other than it, holding the same values as it in
 * the menu's unique props (menu def "unique"); NULL if none (borrowed).
 */
/* after a set changed it: file it under its new unique key */
void	 cfg_rekey(struct cfg *, const struct sch_menu *, struct cfg_item *);
struct cfg_item *cfg_find_dup(struct cfg *, const struct sch_menu *m,
	    const struct cfg_item *it);
/* Builtin item with selector sel; name/default-name given or NULL. */
struct cfg_item *cfg_builtin(struct cfg *, const struct sch_menu *,
	    const char *sel, const char *const *kv);
const char *cfg_get(const struct sch_menu *, const struct cfg_item *,
	    const char *prop);	/* text or NULL */
/* disabled=yes, given or by the menu's default (dhcp-client adds disabled) */
bool	 cfg_item_disabled(const struct sch_menu *, const struct cfg_item *);
/* removed (CI_DEAD) or disabled: the running router does not use it */
bool	 cfg_item_off(const struct sch_menu *, const struct cfg_item *);
int	 cfg_set_text(const struct sch_menu *, struct cfg_item *,
	    const char *prop, const char *text);

/* print and export (print.c) */
struct cfg_print_opts {
	bool	 detail, terse, brief, stats, count_only, verbose;
	bool	 show_sensitive, hide_sensitive, show_ids;
	const char *proplist;	/* "name,name": limit props/columns */
	int	 width;		/* terminal width; 0: 80 */
	int64_t	 now;		/* router clock (ns since jan/02/1970) */
};

/* One printed row: an item, the menu it lives in and its print number. */
struct cfg_row {
	const struct sch_menu *m;
	struct cfg_item *it;
	long	 no;		/* -1: printed without a number */
};

/*
 * The menus whose items a menu shows (/interface shows every interface
 * kind); fills out[0..max) and returns the count.
 */
size_t	 cfg_view_menus(const struct sch_menu *, const struct sch_menu **out,
	    size_t max);
/*
 * Every live item a menu shows, in print order, numbered as print numbers
 * them (the numbers set/remove accept).  *out is owned by the caller.
 */
size_t	 cfg_rows(struct cfg *, const struct sch_menu *, struct cfg_row **out);
/*
 * A value print shows that the configuration does not store (an
 * interface's type, a route's gateway-status ...): appended to sb.
 * Returns false when prop has none.
 */
bool	 cfg_computed(struct cfg *, const struct sch_menu *,
	    const struct cfg_item *, const char *prop, struct strbuf *sb);
/* Prints rows (a subset of cfg_rows(), in that order) of menu m. */
void	 cfg_print(struct cfg *, const struct sch_menu *,
	    const struct cfg_row *rows, size_t n, const struct cfg_print_opts *,
	    struct strbuf *out);
void	 cfg_export_menu(struct cfg *, const struct sch_menu *,
	    const struct cfg_print_opts *, struct strbuf *out);
/* "# <date> by RouterOS x.y" / "# software id = " / "#" */
void	 cfg_export_header(struct cfg *, struct strbuf *);
void	 cfg_export_all(struct cfg *, const struct sch_node *under,
	    const struct cfg_print_opts *, struct strbuf *out);
/*
 * The router clock as print shows it: date (v6 "jan/02/1970", v7
 * "1970-01-02") and/or time ("00:01:30") of ns since the start of the
 * virtual clock (jan/02/1970 00:00:00).
 */
void	 cfg_date_print(int ros, int64_t ns, bool date, bool time,
	    struct strbuf *);
/* quote a value for export/print if RouterOS would */
void	 cfg_quote(const char *, struct strbuf *);

#endif
