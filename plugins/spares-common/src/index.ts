/**
 * Court Ops Portal spare parts stock and third-party repairs.
 *
 * @packageDocumentation
 */

export {};
