/** What every benchmark shares: its command line, percentiles and timings, the PRNG, scratch databases. */
export * from './args';
export * from './databases';
export * from './random';
export * from './stats';
export * from './openLoop';
