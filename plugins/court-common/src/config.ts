import { z } from 'zod';
import { LocationRegister, locationRegisterSchema } from './locations';
import type { DeviceFactRules } from './deviceFacts';

/** The plain shape of `courtOps` in app-config, as both frontend and backend read it. */
export const courtOpsConfigSchema = z.object({
  assetTagPrefix: z.string().regex(/^[A-Z]{2,4}$/, 'must be 2 to 4 capital letters'),
  locations: locationRegisterSchema,
});

/**
 * Parses the `courtOps` config block; throws an Error whose message names the bad key, so a
 * misconfigured register stops the backend at start instead of rejecting every device later.
 */
export function parseDeviceFactRules(value: unknown): DeviceFactRules {
  const parsed = courtOpsConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['courtOps', ...issue.path].join('.');
    throw new Error(`Invalid config ${path}: ${issue.message}`);
  }
  return {
    assetTagPrefix: parsed.data.assetTagPrefix,
    register: new LocationRegister(parsed.data.locations),
  };
}
