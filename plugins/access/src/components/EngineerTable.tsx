import { Button, Typography } from '@material-ui/core';
import { Table, TableColumn } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  EngineerRecord,
  accessEngineerManagePermission,
} from '@internal/plugin-access-common';
import { messageOf } from '@internal/plugin-court-react';
import { useState } from 'react';
import { accessApiRef } from '../api';
import { shortRef } from '../format';
import { accessTranslationRef } from '../translation';
import { ReasonDialog } from './ReasonDialog';

/** Engineers' records; the IT office approves, suspends and reinstates. */
export function EngineerTable(props: {
  engineers: readonly EngineerRecord[];
  onChanged(): void;
}) {
  const { t } = useTranslationRef(accessTranslationRef);
  const api = useApi(accessApiRef);
  const { allowed: manages } = usePermission({
    permission: accessEngineerManagePermission,
  });
  const [suspending, setSuspending] = useState<EngineerRecord>();
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      props.onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const status = (e: EngineerRecord) => {
    if (e.suspendedAt) {
      return t('engineer.suspended', { reason: e.suspensionReason ?? '' });
    }
    return e.approvedAt ? t('engineer.approved') : t('engineer.notApproved');
  };

  const columns: TableColumn<EngineerRecord>[] = [
    {
      title: t('field.name'),
      render: e => `${e.name}（${shortRef(e.userRef)}）`,
    },
    { title: t('field.employer'), field: 'employer' },
    { title: t('field.posts'), render: e => e.posts.join('、') },
    {
      title: t('field.signedOn'),
      render: e => e.confidentialitySignedOn ?? t('engineer.unsigned'),
    },
    { title: t('field.status'), render: status },
    {
      title: '',
      render: e =>
        manages ? (
          <>
            {!e.approvedAt && (
              <Button
                size="small"
                color="primary"
                onClick={() =>
                  run(() => api.approveEngineer(e.userRef, e.revision))
                }
              >
                {t('action.approve')}
              </Button>
            )}
            {e.suspendedAt ? (
              <Button
                size="small"
                onClick={() =>
                  run(() => api.reinstateEngineer(e.userRef, e.revision))
                }
              >
                {t('action.reinstate')}
              </Button>
            ) : (
              <Button size="small" onClick={() => setSuspending(e)}>
                {t('action.suspend')}
              </Button>
            )}
          </>
        ) : null,
    },
  ];

  return (
    <div data-testid="engineer-table">
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      <Table<EngineerRecord>
        options={{ paging: false, search: false, toolbar: false }}
        columns={columns}
        data={[...props.engineers]}
        emptyContent={
          <Typography style={{ padding: 16 }}>
            {t('empty.engineers')}
          </Typography>
        }
      />
      {suspending && (
        <ReasonDialog
          open
          title={t('reason.suspend')}
          onClose={() => setSuspending(undefined)}
          onConfirm={reason => {
            const e = suspending;
            setSuspending(undefined);
            run(() => api.suspendEngineer(e.userRef, e.revision, reason));
          }}
        />
      )}
    </div>
  );
}
