/*
 * DOC: system and routing menus - /routing table, /routing rule,
 * /tool netwatch, /system script, scheduler, identity, logging.
 */
#include <stddef.h>

#include "schema.h"

static const struct sch_prop rtable_props[] = {
	{ "name", &vt_name, P_REQ, NULL },
	{ "fib", &vt_text, P_FLAG, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_routing_table = {
	/* engine §6.5: " 0 D name=\"main\" fib" (detail layout) */
	.path = "/routing/table", .props = rtable_props, .style = PS_RULES,
	.columns = "name fib", .name_prop = "name", .unique = "name",
	.flags7 = "D dynamic;X disabled,I invalid;U used",
};

static const struct sch_type vt_rrule_action = { "action", VK_ENUM,
    "drop|lookup|lookup-only-in-table|unreachable", 1, 0 };

static const struct sch_prop rrule_props[] = {
	{ "src-address", &vt_text, 0, NULL },
	{ "dst-address", &vt_text, 0, NULL },
	{ "routing-mark", &vt_name, 0, NULL },
	{ "interface", &vt_name, 0, NULL },
	{ "action", &vt_rrule_action, 0, "lookup" },
	{ "table", &vt_name, 0, NULL },
	{ "min-prefix", &vt_text, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_routing_rule = {
	.path = "/routing/rule", .props = rrule_props, .ordered = true,
	.style = PS_TABLE, .flags7 = "X disabled,I inactive",
	.columns = "src-address dst-address routing-mark interface action table",
};

static const struct sch_prop netwatch_props[] = {
	{ "host", &vt_text, P_REQ, NULL },
	{ "type", &vt_text, 0, NULL },
	{ "interval", &vt_time, 0, "10s" },
	{ "timeout", &vt_time, 0, NULL },
	{ "up-script", &vt_text, 0, NULL },
	{ "down-script", &vt_text, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	/* ROS: unknown until the first probe (reference §7.1) */
	{ "status", &vt_text, P_RO | P_NOEXP | P_SHOW, "unknown" },
	{ "since", &vt_text, P_RO | P_NOEXP, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_tool_netwatch = {
	.path = "/tool/netwatch", .props = netwatch_props, .style = PS_TABLE,
	.columns = "host timeout interval status since",
};

static const struct sch_prop script_props[] = {
	{ "name", &vt_name, 0, NULL },
	{ "owner", &vt_text, 0, NULL },
	/* ROS exports owner=, policy= and dont-require-permissions= even at
	 * their defaults (corpus v6 exports); add sets owner=admin */
	{ "policy", &vt_text, P_SHOW | P_KEEP,
	    "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon" },
	{ "dont-require-permissions", &vt_bool, P_SHOW | P_KEEP, "no" },
	/* set by /system script run (script/system.c) */
	{ "last-started", &vt_text, P_RO | P_NOEXP, NULL },
	{ "run-count", &vt_u32, P_RO | P_NOEXP, "0" },
	{ "source", &vt_text, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_system_script = {
	/* scripting §8.3: a detail-style list with flag I */
	.path = "/system/script", .props = script_props, .style = PS_RULES,
	.flags6 = "I invalid",
	.columns = "name owner last-started run-count", .name_prop = "name",
	.unique = "name",
};

/*
 * /system scheduler.  start-date and start-time default to the clock at
 * add; next-run and run-count are kept by script/system.c, which fires
 * the events as the virtual clock passes them.
 */
static const struct sch_prop sched_props[] = {
	{ "name", &vt_name, 0, NULL },
	{ "on-event", &vt_text, 0, NULL },
	{ "start-date", &vt_text, 0, NULL },
	{ "start-time", &vt_text, 0, NULL },
	{ "interval", &vt_time, 0, "0s" },
	{ "owner", &vt_text, P_RO | P_NOEXP, NULL },
	{ "policy", &vt_text, P_SHOW | P_KEEP,
	    "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon" },
	{ "run-count", &vt_u32, P_RO | P_NOEXP, "0" },
	{ "next-run", &vt_text, P_RO | P_NOEXP, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_system_scheduler = {
	/* scripting §8.3 [HM-Sch]: "# NAME ON-EVENT START-DATE START-TIME
	 * INTERVAL RUN-COUNT" */
	.path = "/system/scheduler", .props = sched_props, .style = PS_TABLE,
	.columns = "name on-event start-date start-time interval run-count",
	.name_prop = "name", .unique = "name",
};

/*
 * /system script environment: the global variables, one dynamic item
 * each, rebuilt from the interpreter's globals before every command
 * (script/system.c); remove and set write back.  v6 prints a table
 * "# NAME VALUE" (scripting §8.2).
 */
static const struct sch_prop env_props[] = {
	{ "name", &vt_text, P_RO | P_NOEXP, NULL },
	{ "value", &vt_text, P_NOEXP, NULL },
	{ "comment", &vt_text, P_NOEXP, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_system_script_environment = {
	.path = "/system/script/environment", .props = env_props,
	.style = PS_TABLE, .columns = "name:18 value:*", .flags6 = "",
	.flags7 = "", .name_prop = "name",
};

/*
 * /system script job: the scripts running now, one dynamic item per job
 * (the script that prints them is one).  Columns as the v6 manual shows
 * them ("# SCRIPT OWNER STARTED"); type and parent in detail.
 */
static const struct sch_prop job_props[] = {
	{ "type", &vt_text, P_RO | P_NOEXP, NULL },
	{ "script", &vt_text, P_RO | P_NOEXP, NULL },
	{ "owner", &vt_text, P_RO | P_NOEXP, NULL },
	{ "policy", &vt_text, P_RO | P_NOEXP, NULL },
	{ "started", &vt_text, P_RO | P_NOEXP, NULL },
	{ "parent", &vt_text, P_RO | P_NOEXP, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_system_script_job = {
	.path = "/system/script/job", .props = job_props, .style = PS_TABLE,
	.columns = "script owner started", .flags6 = "", .flags7 = "",
};

static const struct sch_prop ident_props[] = {
	{ "name", &vt_text, 0, "MikroTik" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_system_identity = {
	.path = "/system/identity", .props = ident_props, .settings = true,
	.style = PS_SETTINGS,
};

static const struct sch_prop logging_props[] = {
	{ "topics", &vt_text, 0, NULL },
	{ "action", &vt_text, 0, "memory" },
	{ "prefix", &vt_text, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_system_logging = {
	.path = "/system/logging", .props = logging_props, .style = PS_TABLE,
	.columns = "topics action prefix",
	.flags6 = "X disabled,I invalid;* default",
};

/*
 * /log: the memory log, read-only.  :log adds entries (when a logging rule
 * sends their topics to memory); print shows "time topics message" lines
 * with no header (scripting §8.3).
 */
static const struct sch_prop log_props[] = {
	{ "time", &vt_text, P_RO | P_NOEXP, NULL },
	{ "topics", &vt_text, P_RO | P_NOEXP, NULL },
	{ "message", &vt_text, P_RO | P_NOEXP, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_log = {
	.path = "/log", .props = log_props, .style = PS_LINES,
	.columns = "time topics message",
};
