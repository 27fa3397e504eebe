import type {
  DocumentClass,
  DraftRequest,
  Quarter,
  VolumePlan,
} from '@internal/plugin-archive-common';
import type { Caller } from '@internal/plugin-court-node';

/**
 * What `POST /volumes` needs from the volume compiler (src/volume/, built on
 * its own branch): the plan of a dry run, and the bound PDF. The archive
 * service checks the permission, the input and the quarter first, and files
 * the result as a version of the quarter's volume document.
 */
export interface VolumeCompiler {
  plan(request: {
    quarter: Quarter;
    classes: readonly DocumentClass[];
  }): Promise<VolumePlan>;
  compile(request: {
    quarter: Quarter;
    classes: readonly DocumentClass[];
  }): Promise<{ content: Uint8Array; pages: number }>;
}

/**
 * What `POST /drafts` needs from the draft writer (src/drafts/, built on its
 * own branch): a Word document prefilled with the period's figures, read from
 * the reports API on behalf of the caller.
 */
export interface DraftWriter {
  write(
    request: DraftRequest,
    onBehalfOf: Caller,
  ): Promise<{ title: string; fileName: string; content: Uint8Array }>;
}
