/**
 * A busy month's figures, as the report files' tests render them, for the
 * benchmark.
 *
 * @packageDocumentation
 */
export { fixtureFigures } from './files/testing/fixture';
