import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dutyLeaveApproveContractorPermission,
  dutyLeaveApproveCourtPermission,
  dutyRosterManagePermission,
  dutyShiftStandPermission,
} from '@internal/plugin-duty-common';
import { useEntityOptions } from '@internal/plugin-court-react';
import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dutyApiRef } from '../api';

/** The duty setup (posts, engineers, zone) and the court's "now", from the backend. */
export function useDutySetup() {
  const api = useApi(dutyApiRef);
  return useAsync(async () => {
    const [setup, onCall] = await Promise.all([api.getSetup(), api.onCall()]);
    return { ...setup, now: onCall.at };
  }, [api]);
}

/** What the caller may do on the duty pages; the backend enforces the same table. */
export function useDutyPermissions() {
  const manage = usePermission({ permission: dutyRosterManagePermission });
  const stand = usePermission({ permission: dutyShiftStandPermission });
  const court = usePermission({ permission: dutyLeaveApproveCourtPermission });
  const contractor = usePermission({
    permission: dutyLeaveApproveContractorPermission,
  });
  return {
    manage: manage.allowed,
    stand: stand.allowed,
    approveCourt: court.allowed,
    approveContractor: contractor.allowed,
  };
}

function nameInRef(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/**
 * Engineers as the court knows them: their display names from the catalog (张伟), the name in
 * the ref until those arrive or for someone the catalog does not list.
 */
export function useEngineerNames(): (ref: string) => string {
  const { options } = useEntityOptions(['user']);
  return useCallback(
    (ref: string) =>
      options.find(option => option.ref === ref)?.label ?? nameInRef(ref),
    [options],
  );
}
