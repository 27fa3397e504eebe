import type { KbFigures, PeriodWindow } from '@internal/plugin-reports-common';
import { Knex } from 'knex';

/** The knowledge base's counts of a period, one aggregate query each. */
export class KbFiguresStore {
  constructor(private readonly db: Knex) {}

  async counts(window: PeriodWindow): Promise<KbFigures> {
    // Stored instants are fixed-width `…T02:10:00.000Z` strings: compare like with like.
    const start = new Date(window.start).toISOString();
    const end = new Date(window.end).toISOString();
    const created = (qb: Knex.QueryBuilder) =>
      qb.where('created_at', '>=', start).where('created_at', '<', end);
    const [[added], [updated], [knownErrors]] = await Promise.all([
      created(this.db('kb_articles')).count({ count: '*' }),
      // Articles with a later version saved in the period (the first version is the adding).
      this.db('kb_article_versions')
        .where('version', '>', 1)
        .where('at', '>=', start)
        .where('at', '<', end)
        .countDistinct({ count: 'article_id' }),
      created(this.db('kb_articles'))
        .where('kind', 'known-error')
        .whereNotNull('origin_ticket')
        .count({ count: '*' }),
    ]);
    return {
      articlesAdded: Number(added.count),
      articlesUpdated: Number(updated.count),
      knownErrorsFromProblems: Number(knownErrors.count),
    };
  }
}
