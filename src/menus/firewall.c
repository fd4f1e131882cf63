/*
 * DOC: firewall menus - /ip firewall filter|nat|mangle|raw, address-list,
 * connection tracking.
 *
 * Property order is RouterOS's print order (reference/routeros-engine.md
 * §6.2): chain, action, action parameters, then the shared matcher tail,
 * then log and log-prefix.  Matchers default to unset; action=accept,
 * passthrough=yes (mangle), log=no, disabled=no.
 */
#include <stddef.h>

#include "schema.h"

static const struct sch_type vt_chain = { "chain", VK_NAME, NULL, 1, 0 };
static const struct sch_type vt_ct_state = { "connection state", VK_ENUMS,
    "established|invalid|new|related|untracked", 1, 0 };
static const struct sch_type vt_ct_nat = { "connection nat state", VK_ENUMS,
    "dstnat|srcnat", 1, 0 };
static const struct sch_type vt_addr_type = { "address type", VK_ENUMS,
    "blackhole|broadcast|local|multicast|prohibit|unicast|unreachable", 1, 0 };
static const struct sch_type vt_pcc = { "per connection classifier", VK_TEXT,
    NULL, 1, 0 };
static const struct sch_type vt_filter_action = { "action", VK_ENUM,
    "accept|add-dst-to-address-list|add-src-to-address-list|drop|"
    "fasttrack-connection|jump|log|passthrough|reject|return|tarpit", 1, 0 };
static const struct sch_type vt_nat_action = { "action", VK_ENUM,
    "accept|add-dst-to-address-list|add-src-to-address-list|dst-nat|"
    "endpoint-independent-nat|jump|log|masquerade|netmap|passthrough|"
    "redirect|return|same|src-nat", 1, 0 };
static const struct sch_type vt_mangle_action = { "action", VK_ENUM,
    "accept|add-dst-to-address-list|add-src-to-address-list|change-dscp|"
    "change-mss|change-ttl|clear-df|drop|fasttrack-connection|jump|log|"
    "mark-connection|mark-packet|mark-routing|passthrough|return|route|"
    "set-priority|sniff-pc|sniff-tzsp|strip-ipv4-options", 1, 0 };
static const struct sch_type vt_raw_action = { "action", VK_ENUM,
    "accept|add-dst-to-address-list|add-src-to-address-list|drop|jump|log|"
    "notrack|passthrough|return", 1, 0 };
static const struct sch_type vt_proto = { "protocol", VK_TEXT, NULL, 1, 0 };
static const struct sch_type vt_mark = { "mark", VK_NAME, NULL, 1, 0 };
static const struct sch_type vt_random = { "integer", VK_NUM, NULL, 1, 99 };

/* the matcher tail shared by all four tables (print order) */
#define FW_MATCHERS \
	{ "tcp-flags", &vt_text, P_NEG, NULL }, \
	{ "p2p", &vt_text, P_NEG, NULL }, \
	{ "connection-state", &vt_ct_state, P_NEG, NULL }, \
	{ "connection-nat-state", &vt_ct_nat, P_NEG, NULL }, \
	{ "tls-host", &vt_text, P_NEG, NULL }, \
	{ "connection-limit", &vt_text, P_NEG, NULL }, \
	{ "layer7-protocol", &vt_name, P_NEG, NULL }, \
	{ "realm", &vt_text, P_NEG, NULL }, \
	{ "protocol", &vt_proto, P_NEG, NULL }, \
	{ "src-address", &vt_ip_range, P_NEG, NULL }, \
	{ "dst-address", &vt_ip_range, P_NEG, NULL }, \
	{ "fragment", &vt_bool, P_NEG, NULL }, \
	{ "psd", &vt_text, P_NEG, NULL }, \
	{ "ipv4-options", &vt_text, P_NEG, NULL }, \
	{ "src-address-type", &vt_addr_type, P_NEG, NULL }, \
	{ "dst-address-type", &vt_addr_type, P_NEG, NULL }, \
	{ "src-address-list", &vt_name, P_NEG, NULL }, \
	{ "dst-address-list", &vt_name, P_NEG, NULL }, \
	{ "hotspot", &vt_text, P_NEG, NULL }, \
	{ "address-list", &vt_name, 0, NULL }, \
	{ "address-list-timeout", &vt_text, 0, NULL }, \
	{ "ttl", &vt_text, P_NEG, NULL }, \
	{ "connection-mark", &vt_mark, P_NEG, NULL }, \
	{ "connection-type", &vt_text, P_NEG, NULL }, \
	{ "connection-bytes", &vt_text, P_NEG, NULL }, \
	{ "connection-rate", &vt_text, P_NEG, NULL }, \
	{ "routing-mark", &vt_mark, P_NEG, NULL }, \
	{ "in-interface", &vt_name, P_NEG, NULL }, \
	{ "out-interface", &vt_name, P_NEG, NULL }, \
	{ "in-interface-list", &vt_name, P_NEG, NULL }, \
	{ "out-interface-list", &vt_name, P_NEG, NULL }, \
	{ "in-bridge-port", &vt_name, P_NEG, NULL }, \
	{ "out-bridge-port", &vt_name, P_NEG, NULL }, \
	{ "in-bridge-port-list", &vt_name, P_NEG, NULL }, \
	{ "out-bridge-port-list", &vt_name, P_NEG, NULL }, \
	{ "packet-mark", &vt_mark, P_NEG, NULL }, \
	{ "src-port", &vt_ports, P_NEG, NULL }, \
	{ "dst-port", &vt_ports, P_NEG, NULL }, \
	{ "port", &vt_ports, P_NEG, NULL }, \
	{ "icmp-options", &vt_text, P_NEG, NULL }, \
	{ "src-mac-address", &vt_mac, P_NEG, NULL }, \
	{ "content", &vt_text, P_NEG, NULL }, \
	{ "ingress-priority", &vt_text, P_NEG, NULL }, \
	{ "priority", &vt_text, P_NEG, NULL }, \
	{ "dscp", &vt_text, P_NEG, NULL }, \
	{ "tos", &vt_text, P_NEG, NULL }, \
	{ "limit", &vt_text, P_NEG, NULL }, \
	{ "dst-limit", &vt_text, P_NEG, NULL }, \
	{ "time", &vt_text, P_NEG, NULL }, \
	{ "random", &vt_random, 0, NULL }, \
	{ "nth", &vt_text, P_NEG, NULL }, \
	{ "tcp-mss", &vt_text, P_NEG, NULL }, \
	{ "per-connection-classifier", &vt_pcc, P_NEG, NULL }, \
	{ "packet-size", &vt_text, P_NEG, NULL }, \
	{ "log", &vt_bool, 0, "no" }, \
	{ "log-prefix", &vt_text, 0, "" }, \
	{ "ipsec-policy", &vt_text, P_NEG, NULL }, \
	{ "comment", &vt_text, 0, NULL }, \
	{ "disabled", &vt_bool, 0, "no" }

static const struct sch_prop filter_props[] = {
	{ "chain", &vt_chain, P_REQ, NULL },
	{ "action", &vt_filter_action, 0, "accept" },
	{ "jump-target", &vt_chain, 0, NULL },
	{ "reject-with", &vt_text, 0, NULL },
	{ "hw-offload", &vt_bool, P_V7, NULL },
	FW_MATCHERS,
	{ NULL, NULL, 0, NULL }
};

static const struct sch_prop nat_props[] = {
	{ "chain", &vt_chain, P_REQ, NULL },
	{ "action", &vt_nat_action, 0, "accept" },
	{ "jump-target", &vt_chain, 0, NULL },
	{ "to-addresses", &vt_ip_range, 0, NULL },
	{ "to-ports", &vt_ports, 0, NULL },
	{ "same-not-by-dst", &vt_bool, 0, NULL },
	{ "randomise-ports", &vt_bool, P_V7, NULL },
	FW_MATCHERS,
	{ NULL, NULL, 0, NULL }
};

static const struct sch_prop mangle_props[] = {
	{ "chain", &vt_chain, P_REQ, NULL },
	{ "action", &vt_mangle_action, 0, "accept" },
	{ "jump-target", &vt_chain, 0, NULL },
	{ "new-packet-mark", &vt_mark, 0, NULL },
	{ "new-connection-mark", &vt_mark, 0, NULL },
	{ "new-routing-mark", &vt_mark, 0, NULL },
	{ "new-mss", &vt_text, 0, NULL },
	{ "new-dscp", &vt_text, 0, NULL },
	{ "new-priority", &vt_text, 0, NULL },
	{ "new-ttl", &vt_text, 0, NULL },
	/* ROS: exported even at its default on marking actions (§6.7) */
	{ "passthrough", &vt_bool, P_KEEP, "yes" },
	{ "sniff-target", &vt_text, 0, NULL },
	{ "sniff-target-port", &vt_text, 0, NULL },
	{ "sniff-id", &vt_text, 0, NULL },
	{ "route-dst", &vt_ip, 0, NULL },
	FW_MATCHERS,
	{ NULL, NULL, 0, NULL }
};

static const struct sch_prop raw_props[] = {
	{ "chain", &vt_chain, P_REQ, NULL },
	{ "action", &vt_raw_action, 0, "accept" },
	{ "jump-target", &vt_chain, 0, NULL },
	FW_MATCHERS,
	{ NULL, NULL, 0, NULL }
};

/*
 * "print stats" (engine §6.3): CHAIN takes what the terminal leaves; the
 * other v6 widths are from a capture taken wider than 80 (unverified).
 */
#define FW_STATS_COLUMNS "chain:* action:21 bytes:15r packets:15r"

const struct sch_menu_def menu_ip_firewall_filter = {
	.path = "/ip/firewall/filter", .props = filter_props, .ordered = true,
	.style = PS_RULES, .columns = FW_STATS_COLUMNS,
	.flags6 = "X disabled,I invalid;D dynamic",
};
const struct sch_menu_def menu_ip_firewall_nat = {
	.path = "/ip/firewall/nat", .props = nat_props, .ordered = true,
	.style = PS_RULES, .columns = FW_STATS_COLUMNS,
	.flags6 = "X disabled,I invalid;D dynamic",
};
const struct sch_menu_def menu_ip_firewall_mangle = {
	.path = "/ip/firewall/mangle", .props = mangle_props, .ordered = true,
	.style = PS_RULES, .columns = FW_STATS_COLUMNS,
	.flags6 = "X disabled,I invalid;D dynamic",
};
const struct sch_menu_def menu_ip_firewall_raw = {
	.path = "/ip/firewall/raw", .props = raw_props, .ordered = true,
	.style = PS_RULES, .columns = FW_STATS_COLUMNS,
	.flags6 = "X disabled,I invalid;D dynamic",
};

static const struct sch_prop al_props[] = {
	{ "list", &vt_name, P_REQ, NULL },
	{ "address", &vt_al_addr, P_REQ, NULL },
	{ "creation-time", &vt_text, P_RO | P_NOEXP, NULL },
	{ "timeout", &vt_time, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_firewall_address_list = {
	.path = "/ip/firewall/address-list", .props = al_props,
	.style = PS_TABLE,
	/* ROS v6 widths vary with the terminal (engine §6.4); at 80 */
	.columns = "list:* address:25 creation-time:20 timeout:8",
	.flags6 = "X disabled,D dynamic", .flags7 = "X disabled;D dynamic",
	.unique = "list address",
};

static const struct sch_prop ct_props[] = {
	{ "enabled", &vt_text, 0, "auto" },
	{ "tcp-syn-sent-timeout", &vt_time, 0, "5s" },
	{ "tcp-syn-received-timeout", &vt_time, 0, "5s" },
	{ "tcp-established-timeout", &vt_time, 0, "1d" },
	{ "tcp-fin-wait-timeout", &vt_time, 0, "10s" },
	{ "tcp-close-wait-timeout", &vt_time, 0, "10s" },
	{ "tcp-last-ack-timeout", &vt_time, 0, "10s" },
	{ "tcp-time-wait-timeout", &vt_time, 0, "10s" },
	{ "tcp-close-timeout", &vt_time, 0, "10s" },
	{ "tcp-max-retrans-timeout", &vt_time, 0, "5m" },
	{ "tcp-unacked-timeout", &vt_time, 0, "5m" },
	{ "loose-tcp-tracking", &vt_bool, 0, "yes" },
	{ "liberal-tcp-tracking", &vt_bool, P_V7, "no" },
	{ "udp-timeout", &vt_time, 0, "10s" },
	{ "udp-stream-timeout", &vt_time, 0, "3m" },
	{ "icmp-timeout", &vt_time, 0, "10s" },
	{ "generic-timeout", &vt_time, 0, "10m" },
	/*
	 * ROS: read-only in v7; the PCC guide's conntrack tuning sets it on
	 * v6 ("set max-entries=524288", seeds/004 guide 23), taken here as a
	 * v6 setting.
	 */
	{ "max-entries", &vt_u32, P_RO | P_NOEXP | P_V7, "1048576" },
	{ "max-entries", &vt_u32, P_V6, "1048576" },
	{ "total-entries", &vt_u32, P_RO | P_NOEXP, "0" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_firewall_connection_tracking = {
	.path = "/ip/firewall/connection/tracking", .props = ct_props,
	.settings = true, .style = PS_SETTINGS,
};

/*
 * /ip firewall connection: the conntrack table, filled by the packet
 * engine (every item dynamic, never exported).  Fields and flags per
 * routeros-engine.md §4.3; the v6 columns follow the doc sample there
 * (PR.. SRC-ADDRESS DST-ADDRESS TCP-STATE TIMEOUT), the v7 ones the 7.1
 * capture (§6.5).  The flags are hidden yes/no properties, so the generic
 * print shows them from the schema.
 */
static const struct sch_prop conn_props[] = {
	{ "protocol", &vt_text, P_RO | P_NOEXP, NULL },
	{ "src-address", &vt_text, P_RO | P_NOEXP, NULL },
	{ "dst-address", &vt_text, P_RO | P_NOEXP, NULL },
	{ "reply-src-address", &vt_text, P_RO | P_NOEXP, NULL },
	{ "reply-dst-address", &vt_text, P_RO | P_NOEXP, NULL },
	{ "tcp-state", &vt_text, P_RO | P_NOEXP, NULL },
	{ "timeout", &vt_time, P_RO | P_NOEXP, NULL },
	{ "connection-mark", &vt_text, P_RO | P_NOEXP, NULL },
	{ "orig-packets", &vt_text, P_RO | P_NOEXP, NULL },
	{ "orig-bytes", &vt_text, P_RO | P_NOEXP, NULL },
	{ "repl-packets", &vt_text, P_RO | P_NOEXP, NULL },
	{ "repl-bytes", &vt_text, P_RO | P_NOEXP, NULL },
	{ "expected", &vt_bool, P_RO | P_NOEXP, NULL },
	{ "seen-reply", &vt_bool, P_RO | P_NOEXP, NULL },
	{ "assured", &vt_bool, P_RO | P_NOEXP, NULL },
	{ "confirmed", &vt_bool, P_RO | P_NOEXP, NULL },
	{ "dying", &vt_bool, P_RO | P_NOEXP, NULL },
	{ "fasttrack", &vt_bool, P_RO | P_NOEXP, NULL },
	{ "srcnat", &vt_bool, P_RO | P_NOEXP, NULL },
	{ "dstnat", &vt_bool, P_RO | P_NOEXP, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_firewall_connection = {
	.path = "/ip/firewall/connection", .props = conn_props,
	.style = PS_TABLE,
	.columns = "protocol:4 src-address:21 dst-address:21 tcp-state:11 "
	    "timeout:*",
	.columns7 = "protocol src-address dst-address tcp-state timeout "
	    "orig-packets repl-packets orig-bytes repl-bytes",
	/*
	 * ROS: no capture of "print stats" here; the traffic counters of the
	 * v7 table, per direction, are the plausible set.
	 */
	.columns_stats = "protocol:4 src-address:21 dst-address:21 "
	    "orig-packets:9r orig-bytes:11r repl-packets:9r repl-bytes:11r",
	/* independent flags: one column each (doc sample " 4 SA tcp") */
	.flags6 = "E expected;S seen-reply;A assured;C confirmed;D dying;"
	    "F fasttrack;s srcnat;d dstnat",
	.flags7 = "E expected;S seen-reply;A assured;C confirmed;D dying;"
	    "F fasttrack;s srcnat;d dstnat",
};
