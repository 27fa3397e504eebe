const ARTICLE_ID = /^KB-(\d{5,})$/;

/** KB-00042: how people say, type and link an article. */
export function formatArticleId(sequence: number): string {
  return `KB-${String(sequence).padStart(5, '0')}`;
}

/** The sequence in an article id, or undefined when it is not one. */
export function parseArticleId(id: string): number | undefined {
  const match = ARTICLE_ID.exec(id.trim().toUpperCase());
  if (!match) return undefined;
  const sequence = Number(match[1]);
  return Number.isSafeInteger(sequence) && sequence > 0 ? sequence : undefined;
}
