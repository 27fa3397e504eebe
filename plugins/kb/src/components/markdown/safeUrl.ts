/**
 * Where a link or image in an article may point: the web (http, https),
 * e-mail (links only) and places in the portal (relative). Anything else —
 * javascript:, data:, vbscript:, file: — becomes an empty URL, so it is not
 * followed. Control characters and spaces are dropped before the scheme is
 * read, as browsers do (`java\tscript:`); markdown has already decoded
 * character references (`&#106;avascript:`).
 */
/** Not a control character or a space, which browsers skip in a scheme. */
function isVisible(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code > 0x20 && (code < 0x7f || code > 0x9f);
}

export function safeUrl(url: string, allowed: readonly string[]): string {
  const compact = [...url].filter(isVisible).join('');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(compact);
  if (!scheme) {
    // Relative: a path, a query or an anchor. A backslash start is how
    // some browsers read `/\evil.example` as another host.
    return compact.startsWith('\\') || compact.startsWith('/\\') ? '' : url.trim();
  }
  return allowed.includes(scheme[1].toLowerCase()) ? url.trim() : '';
}

export const LINK_SCHEMES = ['http', 'https', 'mailto'];
export const IMAGE_SCHEMES = ['http', 'https'];
