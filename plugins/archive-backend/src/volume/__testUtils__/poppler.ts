import { execFileSync } from 'node:child_process';

/**
 * Runs a poppler-utils tool. A missing tool fails the test with what to install: the volume tests
 * are worth nothing when they silently skip their checks.
 */
export function poppler(
  tool: 'pdfinfo' | 'pdftotext' | 'pdffonts' | 'pdftoppm',
  args: string[],
): string {
  try {
    // The env named, so a test's own PATH (Jest gives each test file a copy) is the one searched.
    return execFileSync(tool, args, {
      env: process.env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} is not installed: the volume tests need Debian's poppler-utils (apt-get install poppler-utils; .ci/run installs it when missing)`,
      );
    }
    throw error;
  }
}

export function pageCount(file: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]));
  if (!match) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(match[1]);
}

/** The text of each page, index 0 = page 1. */
export function pageTexts(
  file: string,
  pages: number,
  layout = false,
): string[] {
  return Array.from({ length: pages }, (_, i) =>
    poppler('pdftotext', [
      ...(layout ? ['-layout'] : []),
      '-f',
      String(i + 1),
      '-l',
      String(i + 1),
      file,
      '-',
    ]),
  );
}
