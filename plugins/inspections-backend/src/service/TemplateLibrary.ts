import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ChecklistTemplate,
  checklistTemplateSchema,
  ChecklistTemplateVersion,
} from '@internal/plugin-inspections-common';
import { parse } from 'yaml';
import { TemplateStore } from '../database/TemplateStore';

/** Same content, same hash, whatever the key order or comments of the file. */
function contentHash(template: ChecklistTemplate): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map(key => [
            key,
            canonical((value as Record<string, unknown>)[key]),
          ]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(template)))
    .digest('hex');
}

/**
 * Reads the checklist templates (`*.yaml` in a folder) and checks them.
 * @throws Error naming the file and the bad key
 */
export async function readTemplateFiles(
  directory: string,
): Promise<ChecklistTemplate[]> {
  const files = (await readdir(directory))
    .filter(name => name.endsWith('.yaml'))
    .sort();
  const templates: ChecklistTemplate[] = [];
  for (const file of files) {
    const parsed = checklistTemplateSchema.safeParse(
      parse(await readFile(join(directory, file), 'utf8')),
    );
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        issue => `${issue.path.join('.')}: ${issue.message}`,
      );
      throw new Error(`checklist template ${file}: ${problems.join('; ')}`);
    }
    templates.push(parsed.data);
  }
  return templates;
}

/**
 * The checklist templates in force: the latest version of each, found by id
 * or by inspection profile. A template whose content changed becomes a new
 * version when loaded; rounds created earlier keep the version they used.
 */
export class TemplateLibrary {
  private readonly byProfile = new Map<string, ChecklistTemplateVersion>();
  private readonly byId = new Map<string, ChecklistTemplateVersion>();

  private constructor(readonly current: readonly ChecklistTemplateVersion[]) {
    for (const template of current) {
      this.byId.set(template.id, template);
      for (const profile of template.profiles) {
        this.byProfile.set(profile, template);
      }
    }
  }

  /**
   * Stores each template's content (a new version when it changed) and
   * returns the library of their current versions.
   * @throws Error when two templates claim the same id or profile
   */
  static async load(
    templates: readonly ChecklistTemplate[],
    store: TemplateStore,
    at: string,
  ): Promise<TemplateLibrary> {
    const claimed = new Map<string, string>();
    for (const template of templates) {
      for (const key of [
        `id ${template.id}`,
        ...template.profiles.map(p => `profile ${p}`),
      ]) {
        const other = claimed.get(key);
        if (other) {
          throw new Error(
            `checklist templates ${other} and ${template.id} both claim ${key}`,
          );
        }
        claimed.set(key, template.id);
      }
    }
    const current: ChecklistTemplateVersion[] = [];
    for (const template of templates) {
      const version = await store.saveTemplate(
        template,
        contentHash(template),
        at,
      );
      current.push({ ...template, version });
    }
    return new TemplateLibrary(current);
  }

  get(id: string): ChecklistTemplateVersion | undefined {
    return this.byId.get(id);
  }

  forProfile(profile: string): ChecklistTemplateVersion | undefined {
    return this.byProfile.get(profile);
  }
}
