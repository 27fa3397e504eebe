/**
 * Monitoring intake (MON-1, MON-2): the receivers' payload formats, the
 * rules that keep alerts to one incident each (fingerprints, flapping,
 * storms, severity mapping), permissions and the API client. Isomorphic.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './payloads';
export * from './normalize';
export * from './rules';
export * from './board';
export * from './signal';
export * from './permissions';
export * from './schemas';
export * from './client/MonitoringClient';
