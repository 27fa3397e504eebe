import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  YearSchedule,
  YearVersionInfo,
} from '@internal/plugin-calendar-common';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-calendar-backend',
  'migrations',
);

interface VersionRow {
  year: number;
  version: number;
  schedule: string;
  saved_at: string;
  saved_by: string;
  comment: string | null;
}

/** A saved version with its schedule. */
export interface StoredYearVersion extends YearVersionInfo {
  readonly schedule: YearSchedule;
}

/** A new version of a year: what, by whom, when, on top of which version. */
export interface YearSave {
  readonly schedule: YearSchedule;
  readonly expectedVersion: number;
  readonly actor: string;
  readonly at: string;
  readonly comment?: string;
}

const info = (row: VersionRow): YearVersionInfo => ({
  version: row.version,
  savedAt: row.saved_at,
  savedBy: row.saved_by,
  ...(row.comment ? { comment: row.comment } : {}),
});

/** Years entered in the portal, every save kept as a version. */
export class DatabaseCalendarStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseCalendarStore> {
    const knex = await options.database.getClient();
    if (!options.skipMigrations) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseCalendarStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** The current version of every entered year, ascending by year. */
  async latestVersions(): Promise<StoredYearVersion[]> {
    const rows: VersionRow[] = await this.knex('calendar_year_versions as v')
      .whereRaw(
        'v.version = (select max(w.version) from calendar_year_versions w where w.year = v.year)',
      )
      .orderBy('v.year');
    return rows.map(row => ({
      ...info(row),
      schedule: JSON.parse(row.schedule),
    }));
  }

  /** A year's versions, newest first; empty if never entered. */
  async history(year: number): Promise<StoredYearVersion[]> {
    const rows: VersionRow[] = await this.knex('calendar_year_versions')
      .where({ year })
      .orderBy('version', 'desc');
    return rows.map(row => ({
      ...info(row),
      schedule: JSON.parse(row.schedule),
    }));
  }

  /**
   * Saves a new version of the year.
   * @throws ConflictError when the year is no longer at `expectedVersion`
   *   (someone saved in between), so nobody overwrites what they did not see
   */
  async save(save: YearSave): Promise<StoredYearVersion> {
    const { year } = save.schedule;
    const version = save.expectedVersion + 1;
    const conflict = (current: number) =>
      new ConflictError(
        `expectedVersion: the ${year} schedule is at version ${current}, not ${save.expectedVersion}; reload it and enter your change again`,
      );
    try {
      return await this.knex.transaction(async tx => {
        const row = await tx('calendar_year_versions')
          .where({ year })
          .max({ current: 'version' })
          .first();
        const current = Number(row?.current ?? 0);
        if (current !== save.expectedVersion) throw conflict(current);
        await tx('calendar_year_versions').insert({
          year,
          version,
          schedule: JSON.stringify(save.schedule),
          saved_at: save.at,
          saved_by: save.actor,
          comment: save.comment ?? null,
        });
        return {
          version,
          savedAt: save.at,
          savedBy: save.actor,
          ...(save.comment ? { comment: save.comment } : {}),
          schedule: save.schedule,
        };
      });
    } catch (error) {
      if (error instanceof ConflictError) throw error;
      // Another replica inserted the same version between our read and write.
      const latest = await this.history(year);
      if (latest.length > 0 && latest[0].version >= version) {
        throw conflict(latest[0].version);
      }
      throw error;
    }
  }

  /** Grows with every save; other backends poll it to know when to reload. */
  async revision(): Promise<number> {
    const row = await this.knex('calendar_year_versions')
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }

  /**
   * Claims the missing-year warning of a court day; true for the one caller
   * (of all replicas) that claimed it, false when it was already sent.
   */
  async claimWarning(day: string, year: number, at: string): Promise<boolean> {
    const inserted = await this.knex('calendar_warnings')
      .insert({ day, year, sent_at: at })
      .onConflict('day')
      .ignore()
      .returning('day');
    return inserted.length === 1;
  }
}
