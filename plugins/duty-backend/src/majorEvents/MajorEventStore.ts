import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  MajorEventKind,
  MajorEventPlan,
} from '@internal/plugin-duty-common';
import { Knex } from 'knex';

const TABLE = 'duty_major_events';

interface MajorEventRow {
  id: string;
  title: string;
  kind: MajorEventKind;
  starts_at: string;
  ends_at: string;
  place: string;
  scope: string;
  on_site: string;
  standby: string;
  communication_plan: string;
  summary: string | null;
  summary_by: string | null;
  summary_at: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  revision: number | string;
}

/** The fields a plan's author sets; instants already in UTC. */
export type MajorEventFields = Pick<
  MajorEventPlan,
  | 'title'
  | 'kind'
  | 'startsAt'
  | 'endsAt'
  | 'place'
  | 'scope'
  | 'onSite'
  | 'standby'
  | 'communicationPlan'
>;

function toPlan(row: MajorEventRow): MajorEventPlan {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    scope: JSON.parse(row.scope),
    onSite: JSON.parse(row.on_site),
    standby: JSON.parse(row.standby),
    communicationPlan: row.communication_plan,
    ...(row.summary !== null
      ? {
          summary: {
            text: row.summary,
            by: row.summary_by!,
            at: row.summary_at!,
          },
        }
      : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    // PostgreSQL may answer integers as strings through some drivers.
    revision: Number(row.revision),
  };
}

function columnsOf(fields: MajorEventFields) {
  return {
    title: fields.title,
    kind: fields.kind,
    starts_at: fields.startsAt,
    ends_at: fields.endsAt,
    place: fields.place,
    scope: JSON.stringify(fields.scope),
    on_site: JSON.stringify(fields.onSite),
    standby: JSON.stringify(fields.standby),
    communication_plan: fields.communicationPlan,
  };
}

/**
 * Major-event plans in the duty database (migrations run with the duty store's). Every change
 * is a conditional update on the revision it was made from: of two edits from one revision the
 * first wins and the second is a conflict.
 */
export class MajorEventStore {
  constructor(private readonly db: Knex) {}

  async insert(
    id: string,
    fields: MajorEventFields,
    by: string,
    at: string,
  ): Promise<MajorEventPlan> {
    await this.db(TABLE).insert({
      id,
      ...columnsOf(fields),
      created_by: by,
      created_at: at,
      updated_by: by,
      updated_at: at,
      revision: 1,
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<MajorEventPlan | undefined> {
    const row: MajorEventRow | undefined = await this.db(TABLE)
      .where({ id })
      .first();
    return row && toPlan(row);
  }

  /** Plans ending at or after `from`, soonest first (all of them without `from`). */
  async list(from?: string): Promise<MajorEventPlan[]> {
    const query = this.db(TABLE).orderBy(['starts_at', 'id']);
    if (from) query.where('ends_at', '>=', from);
    return ((await query) as MajorEventRow[]).map(toPlan);
  }

  /** The plans running at `at`: started by it and not yet ended. */
  /** The plans running at some moment from `from` (inclusive) to `to` (exclusive). */
  async runningDuring(from: string, to: string): Promise<MajorEventPlan[]> {
    const rows: MajorEventRow[] = await this.db(TABLE)
      .where('ends_at', '>', from)
      .andWhere('starts_at', '<', to)
      .orderBy(['starts_at', 'id']);
    return rows.map(toPlan);
  }

  async update(
    id: string,
    fields: MajorEventFields,
    revision: number,
    by: string,
    at: string,
  ): Promise<MajorEventPlan> {
    return this.conditionally(id, revision, {
      ...columnsOf(fields),
      updated_by: by,
      updated_at: at,
    });
  }

  async writeSummary(
    id: string,
    text: string,
    revision: number,
    by: string,
    at: string,
  ): Promise<MajorEventPlan> {
    return this.conditionally(id, revision, {
      summary: text,
      summary_by: by,
      summary_at: at,
      updated_by: by,
      updated_at: at,
    });
  }

  private async conditionally(
    id: string,
    revision: number,
    columns: Partial<MajorEventRow>,
  ): Promise<MajorEventPlan> {
    const updated = await this.db(TABLE)
      .where({ id, revision })
      .update({ ...columns, revision: revision + 1 });
    if (!updated) {
      const current = await this.get(id);
      if (!current)
        throw new NotFoundError(`There is no major-event plan ${id}`);
      throw new ConflictError(
        `body.revision: plan ${id} is at revision ${current.revision}, not ${revision}; reload it and make the change again`,
      );
    }
    return (await this.get(id))!;
  }
}
