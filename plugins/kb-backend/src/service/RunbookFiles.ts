import { LoggerService } from '@backstage/backend-plugin-api';
import { CourtClock } from '@internal/plugin-court-node';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseKbStore } from '../database/DatabaseKbStore';
import { parseArticleFile } from './articleFile';

/** What one sync changed, by repository path. */
export interface RunbookSyncResult {
  readonly added: string[];
  readonly updated: string[];
  readonly removed: string[];
  /** Files that could not be read as an article; their last good version stays. */
  readonly invalid: string[];
}

/** Who a version synced from a file is by: the portal, on the file's behalf. */
export const FILE_ACTOR = 'plugin:kb';

/**
 * Keeps the runbooks in `docs/runbooks/*.md` in step with their articles:
 * a new file becomes an article, a changed file a new version of it, a
 * removed file removes it. Files are compared by hash, so a sync of
 * unchanged files reads them and writes nothing.
 */
export class RunbookFiles {
  constructor(
    private readonly options: {
      store: DatabaseKbStore;
      /** Absolute path of the runbooks folder. */
      directory: string;
      /** How the folder is named in articles' source, e.g. docs/runbooks. */
      displayDirectory: string;
      /** Owner of runbooks whose front matter names none. */
      owner: string;
      logger: LoggerService;
      /** Where "now" comes from: the court clock, never the wall clock. */
      clock: CourtClock;
    },
  ) {}

  /** Repository path of a runbook file, as stored and shown. */
  sourcePath(file: string): string {
    return `${this.options.displayDirectory}/${file}`;
  }

  async sync(): Promise<RunbookSyncResult> {
    const { store, directory, logger } = this.options;
    const result: RunbookSyncResult = {
      added: [],
      updated: [],
      removed: [],
      invalid: [],
    };
    const files = await this.listFiles();
    if (!files) {
      // A folder that is not there is a misconfiguration, not a deletion of
      // every runbook: keep what is stored.
      logger.warn(`kb: runbooks folder ${directory} is missing; nothing synced`);
      return result;
    }
    const stored = new Map(
      (await store.fileArticles()).map(article => [article.path, article]),
    );
    const at = this.options.clock.now().toUTC().toISO()!;

    for (const file of files) {
      const path = this.sourcePath(file);
      const existing = stored.get(path);
      stored.delete(path);
      const text = await readFile(join(directory, file), 'utf8');
      const hash = createHash('sha256').update(text).digest('hex');
      if (existing?.hash === hash) continue;
      try {
        const content = parseArticleFile(path, text, {
          kind: 'runbook',
          owner: this.options.owner,
        });
        const save = { content, actor: FILE_ACTOR, at, source: { path, hash } };
        if (existing) {
          await store.update(existing.id, existing.version, save);
          result.updated.push(path);
        } else {
          await store.insert(save);
          result.added.push(path);
        }
      } catch (error) {
        // Another replica syncing the same change, or a file being edited.
        logger.warn(`kb: runbook not synced: ${(error as Error).message}`);
        result.invalid.push(path);
      }
    }
    for (const [path, article] of stored) {
      await store.delete(article.id);
      result.removed.push(path);
    }
    const changed = result.added.length + result.updated.length + result.removed.length;
    if (changed > 0 || result.invalid.length > 0) {
      logger.info(
        `kb: runbooks synced from ${directory}: ${result.added.length} added, ${result.updated.length} updated, ${result.removed.length} removed, ${result.invalid.length} invalid`,
      );
    }
    return result;
  }

  /** The runbook files, by name; undefined when the folder is missing. */
  private async listFiles(): Promise<string[] | undefined> {
    const { directory } = this.options;
    try {
      if (!(await stat(directory)).isDirectory()) return undefined;
    } catch {
      return undefined;
    }
    const names = await readdir(directory);
    // README.md describes the folder; it is not a runbook.
    return names
      .filter(name => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
      .sort();
  }
}
