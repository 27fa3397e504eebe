import {
  ARTICLE_ENTITY_KINDS,
  ArticleContent,
  ArticleKind,
  createArticleRequestSchema,
  entityRefSchema,
} from '@internal/plugin-kb-common';
import { parseInput } from '@internal/plugin-court-node';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * An article kept as a markdown file: YAML front matter, then the body.
 *
 * ```
 * ---
 * title: UPS 转电池供电 (UPS on battery)
 * entities: [resource:default/ups-01, system:default/machine-rooms]
 * tags: [UPS, 停电]
 * language: zh
 * visibility: internal
 * ---
 * 1. …
 * ```
 *
 * Runbooks in docs/runbooks are always of kind `runbook`; the example
 * articles (seed/) name their kind, and a known error its four parts.
 */
const frontMatterSchema = z
  .object({
    title: z.string(),
    kind: z.string().optional(),
    entities: z.array(entityRefSchema(ARTICLE_ENTITY_KINDS)).default([]),
    tags: z
      .array(z.union([z.string(), z.number()]).transform(String))
      .default([]),
    language: z.string().optional(),
    visibility: z.string().optional(),
    owner: z.string().optional(),
    symptom: z.string().optional(),
    cause: z.string().optional(),
    workaround: z.string().optional(),
    fix: z.string().optional(),
  })
  .strict();

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The article a file holds, or an Error naming the file and the bad field
 * (`docs/runbooks/x.md: front matter.entities.0: is not an entity ref`).
 *
 * @param defaults.kind the kind when the front matter names none
 * @param defaults.owner the owner when the front matter names none
 */
export function parseArticleFile(
  name: string,
  text: string,
  defaults: { kind: ArticleKind; owner: string },
): ArticleContent {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    throw new Error(
      `${name}: has no front matter (a --- block with the title)`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    throw new Error(`${name}: front matter is not YAML: ${String(error)}`);
  }
  try {
    const front = parseInput(frontMatterSchema, data, 'front matter');
    const { symptom, cause, workaround, fix } = front;
    const knownError =
      symptom !== undefined || cause !== undefined || workaround !== undefined
        ? { symptom, cause, workaround, fix }
        : undefined;
    const request = parseInput(
      createArticleRequestSchema,
      {
        kind: front.kind ?? defaults.kind,
        title: front.title,
        body: text.slice(match[0].length).trim(),
        knownError,
        tags: front.tags,
        language: front.language,
        entityRefs: front.entities,
        owner: front.owner ?? defaults.owner,
        visibility: front.visibility,
      },
      'front matter',
    );
    return { ...request, owner: request.owner ?? defaults.owner };
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
}
