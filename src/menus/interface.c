/*
 * DOC: interface menus - /interface and its typed sub-menus.
 *
 * /interface ethernet holds the hardware ports; they exist from the start
 * (a fresh instance has ether1..ether5 by default) or are created when a
 * configuration refers to them by default-name (cfg.c: implicit items).
 * /interface itself lists every interface of every kind (a view kept by
 * cfg.c); only its own set/print/find are generic.
 */
#include <stddef.h>

#include "schema.h"

static const struct sch_prop if_props[] = {
	{ "name", &vt_name, 0, NULL },
	{ "type", &vt_text, P_RO | P_NOEXP, NULL },
	{ "mtu", &vt_text, 0, NULL },
	{ "l2mtu", &vt_text, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_interface = {
	.path = "/interface", .props = if_props, .style = PS_TABLE,
	/* engine §6.4: NAME is the elastic column */
	.columns = "name:* type:10 actual-mtu:10r l2mtu:5r max-l2mtu:10r "
	    "mac-address:17",
	.flags6 = "D dynamic;X disabled,R running;S slave",
	.flags7 = "D dynamic;X disabled;R running;S slave",
	.name_prop = "name",
};

static const struct sch_prop eth_props[] = {
	{ "name", &vt_name, 0, NULL },
	{ "default-name", &vt_name, P_RO | P_NOEXP, NULL },
	{ "mtu", &vt_u32, 0, "1500" },
	{ "l2mtu", &vt_u32, 0, NULL },
	{ "mac-address", &vt_mac, 0, NULL },
	{ "arp", &vt_text, 0, "enabled" },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_interface_ethernet = {
	.path = "/interface/ethernet", .props = eth_props, .style = PS_TABLE,
	.columns = "name mtu mac-address arp switch",
	.flags6 = "X disabled,R running;S slave",
	.flags7 = "X disabled;R running;S slave",
	.name_prop = "name", .unique = "name",
};

static const struct sch_prop list_props[] = {
	{ "name", &vt_name, P_REQ, NULL },
	{ "include", &vt_names, 0, NULL },
	{ "exclude", &vt_names, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_interface_list = {
	.path = "/interface/list", .props = list_props, .style = PS_TABLE,
	.columns = "name include exclude", .name_prop = "name",
	.flags6 = "* builtin",
	.unique = "name",
};

static const struct sch_prop member_props[] = {
	{ "list", &vt_name, P_REQ, NULL },
	/*
	 * ROS: v6 exports hold members without an interface ("add
	 * list=discover", RouterOS 6.42.12 [corpus: Lennuj420 mamche.rsc]),
	 * left behind when the interface was removed; they load back.
	 */
	{ "interface", &vt_name, P_REQ7, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_interface_list_member = {
	.path = "/interface/list/member", .props = member_props,
	.style = PS_TABLE, .columns = "list interface",
	.flags6 = "X disabled,D dynamic", .flags7 = "X disabled;D dynamic",
	.unique = "list interface",
};

static const struct sch_prop bridge_props[] = {
	{ "name", &vt_name, 0, NULL },
	{ "mtu", &vt_text, 0, "auto" },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_interface_bridge = {
	.path = "/interface/bridge", .props = bridge_props, .style = PS_TABLE,
	.columns = "name mtu actual-mtu l2mtu mac-address",
	.flags6 = "X disabled,R running", .flags7 = "X disabled;R running",
	.name_prop = "name", .unique = "name",
};

static const struct sch_prop bport_props[] = {
	{ "bridge", &vt_name, P_REQ, NULL },
	{ "interface", &vt_name, P_REQ, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_interface_bridge_port = {
	.path = "/interface/bridge/port", .props = bport_props,
	.style = PS_TABLE, .columns = "interface bridge horizon",
	.flags6 = "X disabled,I inactive;D dynamic",
};

static const struct sch_prop vlan_props[] = {
	{ "name", &vt_name, 0, NULL },
	{ "vlan-id", &vt_u32, P_REQ, NULL },
	{ "interface", &vt_name, P_REQ, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_interface_vlan = {
	.path = "/interface/vlan", .props = vlan_props, .style = PS_TABLE,
	.columns = "name mtu arp vlan-id interface", .name_prop = "name",
	.flags6 = "X disabled,R running;S slave",
	.flags7 = "X disabled;R running;S slave",
	.unique = "name",
};
