import { queryWords } from './search';
import type { ArticleContent } from './types';

/**
 * Markdown as plain text, for snippets and search documents: markup, link
 * targets and HTML tags go, the words stay. Never rendered as HTML.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^\s*(```|~~~).*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, ' ')
    .replace(/[*_`~|#>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Everything a reader can read in an article, as plain text: what search sees. */
export function articleText(content: ArticleContent): string {
  const sections = content.knownError
    ? [
        content.knownError.symptom,
        content.knownError.cause,
        content.knownError.workaround,
        content.knownError.fix,
      ]
    : [];
  return markdownToText([...sections, content.body].join('\n\n'));
}

/**
 * About `width` characters of `text` around the first word of `query` it
 * contains; the opening when there is no query or no word is found.
 */
export function snippetOf(text: string, query = '', width = 160): string {
  const lower = text.toLocaleLowerCase('en-US');
  const positions = queryWords(query)
    .map(word => lower.indexOf(word))
    .filter(at => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - Math.floor(width / 4));
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${
    end < text.length ? '…' : ''
  }`;
}
