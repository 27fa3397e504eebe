import type { ChecklistTemplate } from '@internal/plugin-inspections-common';
import { Knex } from 'knex';
import { insertedCount } from './columns';

/** Checklist templates, each content stored once as a numbered version. */
export interface TemplateStore {
  /**
   * Stores a template's content as a new version unless this exact content
   * is stored already; returns its version either way.
   */
  saveTemplate(
    template: ChecklistTemplate,
    hash: string,
    at: string,
  ): Promise<number>;

  templateVersions(
    keys: readonly { id: string; version: number }[],
  ): Promise<(ChecklistTemplate & { version: number })[]>;
}

export class DatabaseTemplateStore implements TemplateStore {
  constructor(private readonly db: Knex) {}

  async saveTemplate(
    template: ChecklistTemplate,
    hash: string,
    at: string,
  ): Promise<number> {
    for (;;) {
      const same = await this.db('inspection_templates')
        .where({ id: template.id, hash })
        .first('version');
      if (same) return Number(same.version);
      const latest = await this.db('inspection_templates')
        .where({ id: template.id })
        .max({ version: 'version' })
        .first();
      const version = Number(latest?.version ?? 0) + 1;
      const inserted = await this.db('inspection_templates')
        .insert({
          id: template.id,
          version,
          hash,
          body: JSON.stringify(template),
          loaded_at: at,
        })
        .onConflict()
        .ignore()
        .returning('id');
      // Another replica loading at the same time took this version: look again.
      if (insertedCount(inserted) > 0) return version;
    }
  }

  async templateVersions(
    keys: readonly { id: string; version: number }[],
  ): Promise<(ChecklistTemplate & { version: number })[]> {
    if (keys.length === 0) return [];
    const rows = await this.db('inspection_templates').where(builder => {
      for (const key of keys) {
        builder.orWhere({ id: key.id, version: key.version });
      }
    });
    return rows.map(row => ({
      ...JSON.parse(row.body),
      version: Number(row.version),
    }));
  }
}
