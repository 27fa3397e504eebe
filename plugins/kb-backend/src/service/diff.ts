import {
  ArticleContent,
  DiffField,
  DiffLine,
  FieldChange,
} from '@internal/plugin-kb-common';
import { diffLines } from 'diff';

/** Fields shown as a whole, before and after. */
const VALUE_FIELDS = [
  'title',
  'kind',
  'visibility',
  'language',
  'owner',
  'tags',
  'entityRefs',
  'ticketRefs',
] as const;

/** Markdown fields, compared line by line. */
const TEXT_FIELDS = ['symptom', 'cause', 'workaround', 'fix', 'body'] as const;

function valueOf(content: ArticleContent, field: DiffField): string {
  switch (field) {
    case 'symptom':
    case 'cause':
    case 'workaround':
    case 'fix':
      return content.knownError?.[field] ?? '';
    default: {
      const value = content[field];
      return Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
}

/** The lines of `before` and `after`, each kept, added or removed. */
function lineDiff(before: string, after: string): DiffLine[] {
  return diffLines(before, after).flatMap(part => {
    const lines = part.value.replace(/\n$/, '').split('\n');
    let kind: DiffLine['kind'] = 'same';
    if (part.added) kind = 'added';
    else if (part.removed) kind = 'removed';
    return lines.map(text => ({ kind, text }));
  });
}

/** What changed from one version's content to another's, in the editor's order. */
export function diffContents(
  before: ArticleContent,
  after: ArticleContent,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of VALUE_FIELDS) {
    const [a, b] = [valueOf(before, field), valueOf(after, field)];
    if (a !== b) changes.push({ field, type: 'value', before: a, after: b });
  }
  for (const field of TEXT_FIELDS) {
    const [a, b] = [valueOf(before, field), valueOf(after, field)];
    if (a !== b) changes.push({ field, type: 'text', lines: lineDiff(a, b) });
  }
  return changes;
}
