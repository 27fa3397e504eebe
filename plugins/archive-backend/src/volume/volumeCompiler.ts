import type { DocumentClass, Quarter } from '@internal/plugin-archive-common';
import type { VolumeService } from './VolumeService';

/**
 * The volume compiler as an archive service that checks the caller, keeps request keys and
 * files the volume itself calls it: the dry run's plan and the bound PDF, nothing filed here.
 * The cover's 卷号 is then the quarter (`2026-Q4`), since the version is not known yet.
 */
export function volumeCompiler(service: VolumeService) {
  return {
    async plan(request: {
      quarter: Quarter;
      classes: readonly DocumentClass[];
    }) {
      const { quarter, classes } = request;
      const plan = await service.plan({
        year: quarter.year,
        quarter: quarter.quarter,
        classes: [...classes],
        dryRun: true,
      });
      return {
        ...plan,
        dryRun: true as const,
        year: quarter.year,
        quarter: quarter.quarter,
        classes: [...classes],
        documents: plan.parts.reduce((n, p) => n + p.documents, 0),
        appendedPdfs: plan.parts.reduce((n, p) => n + p.appendedPdfs, 0),
      };
    },
    async compile(request: {
      quarter: Quarter;
      classes: readonly DocumentClass[];
    }): Promise<{ content: Uint8Array; pages: number }> {
      const { quarter, classes } = request;
      const volume = await service.bind(
        { year: quarter.year, quarter: quarter.quarter, classes: [...classes] },
        `${quarter.year}-Q${quarter.quarter}`,
      );
      return { content: volume.content, pages: volume.compiled.pages };
    },
  };
}
