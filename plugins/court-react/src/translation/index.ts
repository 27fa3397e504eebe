/**
 * Every key of a family's nested English messages, flattened as the
 * translation API names them (`status.on-site`). Each family types its
 * Simplified Chinese as `Record<MessageKey<typeof messages>, string>`, so a
 * missing or stray key fails the type check.
 */
export type MessageKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : MessageKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export { ticketLabelMessages, ticketLabelMessagesZh } from './ticketLabels';
export { grantLabelMessages, grantLabelMessagesZh } from './grantLabels';
