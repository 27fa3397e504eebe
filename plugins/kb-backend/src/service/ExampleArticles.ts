import { LoggerService } from '@backstage/backend-plugin-api';
import { CourtClock } from '@internal/plugin-court-node';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseKbStore } from '../database/DatabaseKbStore';
import { parseArticleFile } from './articleFile';
import { FILE_ACTOR } from './RunbookFiles';

const SEEDED = 'examples-seeded';

/**
 * The example court's articles (how-tos for court staff, a known error, an
 * FAQ), saved once into an empty knowledge base on the embedded default.
 * Unlike runbooks they are ordinary articles afterwards: edited in the
 * portal, not in the files.
 */
export class ExampleArticles {
  constructor(
    private readonly options: {
      store: DatabaseKbStore;
      /** Absolute path of the folder of example files. */
      directory: string;
      owner: string;
      logger: LoggerService;
      /** Where "now" comes from: the court clock, never the wall clock. */
      clock: CourtClock;
    },
  ) {}

  /** Saves the examples unless they were saved before (by any replica). */
  async seedOnce(): Promise<number> {
    const { store, directory, logger } = this.options;
    const at = this.options.clock.now().toUTC().toISO()!;
    if (!(await store.claim(SEEDED, at))) return 0;
    const files = (await readdir(directory)).filter(f => f.endsWith('.md')).sort();
    for (const file of files) {
      const content = parseArticleFile(
        file,
        await readFile(join(directory, file), 'utf8'),
        { kind: 'how-to', owner: this.options.owner },
      );
      await store.insert({ content, actor: FILE_ACTOR, at });
    }
    logger.info(`kb: saved ${files.length} example articles`);
    return files.length;
  }
}
