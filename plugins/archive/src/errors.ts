import { messageOf } from '@internal/plugin-court-react';

/**
 * The archive's 400s name their fields (`body.title: is required; file: is
 * empty`); each message goes beside its field, the rest above the form.
 */
export function fieldErrors(error: unknown): {
  fields: Record<string, string>;
  other?: string;
} {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of messageOf(error).split('; ')) {
    const match = /^(?:body\.)?(\w+)(?:\.\d+)?: (.+)$/s.exec(part);
    if (match && !fields[match[1]]) fields[match[1]] = match[2];
    else if (!match) rest.push(part);
  }
  return { fields, other: rest.length > 0 ? rest.join('; ') : undefined };
}
