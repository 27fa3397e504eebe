/**
 * Court Ops Portal service reports, shared by browser and backend: report periods, the facts
 * each family reports, the report maths (pure, no I/O), permissions and API types.
 *
 * @packageDocumentation
 */

export * from './period';
export * from './facts';
export * from './figures';
export * from './report';
export * from './permissions';
export * from './figureChanges';
export * from './query';
export * from './client';
export * from './drillDown';
