import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { isAbsolute, relative, resolve } from 'node:path';
import { readConfigAt } from '@internal/plugin-court-node';
import { searchAnalysisConfigSchema } from '@internal/plugin-kb-node';
import { Info } from 'luxon';
import { z } from 'zod';

/** The repository the plugin runs from; runbooks default to its docs/runbooks. */
const repoRoot = resolvePackagePath('@internal/plugin-kb-backend', '../..');

const kbConfigSchema = z
  .strictObject({
    runbooks: z
      .strictObject({
        directory: z.string().min(1).optional(),
        sourceUrl: z.url().optional(),
        owner: z.string().min(1).default('group:default/onsite-team'),
        syncSeconds: z.number().int().min(1).default(30),
      })
      .prefault({}),
    seedExamples: z.boolean().default(false),
    /** The search analysis: synonyms (the court's defaults unless given). */
    search: searchAnalysisConfigSchema,
    /** The court's zone: a report period's days are its days. */
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'unknown IANA time zone')
      .default('Asia/Shanghai'),
  })
  .prefault({});

export interface KbConfig {
  readonly runbooks: {
    /** Absolute path of the runbooks folder. */
    readonly directory: string;
    /** The folder as articles name their source: relative to the repository when inside it. */
    readonly displayDirectory: string;
    readonly sourceUrl?: string;
    readonly owner: string;
    readonly syncSeconds: number;
  };
  readonly seedExamples: boolean;
  readonly zone: string;
  readonly search: { readonly synonyms: readonly (readonly string[])[] };
}

/** `kb` from app-config; throws naming the bad key. */
export function readKbConfig(config: Config, cwd = process.cwd()): KbConfig {
  const { runbooks, seedExamples, zone, search } = readConfigAt(
    config,
    'kb',
    kbConfigSchema,
  );
  const directory = runbooks.directory
    ? resolve(cwd, runbooks.directory)
    : resolve(repoRoot, 'docs/runbooks');
  const inRepo = relative(repoRoot, directory);
  return {
    runbooks: {
      ...runbooks,
      directory,
      displayDirectory:
        inRepo && !inRepo.startsWith('..') && !isAbsolute(inRepo)
          ? inRepo.split('\\').join('/')
          : directory,
    },
    seedExamples,
    zone,
    search,
  };
}
