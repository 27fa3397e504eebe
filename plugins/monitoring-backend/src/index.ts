/**
 * Court Ops Portal monitoring intake: Alertmanager, Zabbix and generic
 * alerts become incidents without duplicates (/api/monitoring).
 *
 * @packageDocumentation
 */
export { monitoringPlugin as default } from './plugin';
