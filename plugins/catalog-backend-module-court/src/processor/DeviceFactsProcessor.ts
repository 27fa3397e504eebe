import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  isCourtDevice,
  validateDeviceFacts,
  type DeviceFactRules,
} from '@internal/plugin-court-common';

/**
 * Rejects a device whose facts are malformed. Throwing during validation fails the entity's
 * processing as a whole, so the catalog keeps no half-ingested device and lists the error (with
 * every bad field named) among the entity's processing errors.
 */
export class DeviceFactsProcessor implements CatalogProcessor {
  constructor(private readonly rules: DeviceFactRules) {}

  getProcessorName(): string {
    return 'CourtDeviceFactsProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isCourtDevice(entity)) return false;
    const problems = validateDeviceFacts(entity, this.rules);
    if (problems.length > 0) {
      const details = problems.map(p => `${p.field}: ${p.message}`).join('; ');
      throw new InputError(
        `Device facts of ${stringifyEntityRef(entity)} are invalid: ${details}`,
      );
    }
    // The built-in Resource validator still checks the standard shape.
    return false;
  }
}
