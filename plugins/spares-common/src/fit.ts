/** What a part type fits: device classes, and optionally only some models of them. */
export interface PartFit {
  readonly deviceClasses: readonly string[];
  /** Empty: every model of those classes. */
  readonly models: readonly string[];
}

/** A device as the fit rule needs it (from its catalog device facts). */
export interface DeviceForFit {
  readonly deviceClass?: string;
  readonly model?: string;
}

/**
 * Why the part does not fit the device, or undefined when it does. A misfit
 * is a warning recorded with the issue, never a refusal: the engineer on site
 * may know better than the register.
 */
export function fitProblem(
  fit: PartFit,
  device: DeviceForFit,
): string | undefined {
  if (!device.deviceClass) {
    return 'the device has no device facts (class and model unknown)';
  }
  if (!fit.deviceClasses.includes(device.deviceClass)) {
    return `fits ${fit.deviceClasses.join(', ') || 'no device class'}, not a ${
      device.deviceClass
    }`;
  }
  if (fit.models.length > 0 && !fit.models.includes(device.model ?? '')) {
    return `fits models ${fit.models.join(', ')}, not ${device.model ?? '?'}`;
  }
  return undefined;
}
