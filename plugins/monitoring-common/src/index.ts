/**
 * Court Ops Portal monitoring intake: Alertmanager, Zabbix and generic alerts become incidents without duplicates; status board.
 *
 * @packageDocumentation
 */

export {};
