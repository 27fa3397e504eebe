import { Button, Chip, Typography } from '@material-ui/core';
import { Table, TableColumn } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AccessGrant,
  accessGrantDecidePermission,
} from '@internal/plugin-access-common';
import { messageOf } from '@internal/plugin-court-react';
import { useState } from 'react';
import { accessApiRef } from '../api';
import { courtTime, shortRef } from '../format';
import { accessTranslationRef } from '../translation';
import { ReasonDialog } from './ReasonDialog';

type Step = 'refuse' | 'revoke';

/**
 * Grants with their state and verification code; the IT office approves,
 * refuses and revokes here. The backend decides who may; the buttons only
 * show to those whose role has the permission.
 */
export function GrantTable(props: {
  grants: readonly AccessGrant[];
  title?: string;
  empty: string;
  onChanged(): void;
  testId?: string;
}) {
  const { t } = useTranslationRef(accessTranslationRef);
  const api = useApi(accessApiRef);
  const { allowed: decides } = usePermission({
    permission: accessGrantDecidePermission,
  });
  const [asking, setAsking] = useState<{ grant: AccessGrant; step: Step }>();
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

  const columns: TableColumn<AccessGrant>[] = [
    { title: t('field.entity'), render: g => shortRef(g.entityRef) },
    { title: t('field.ticket'), field: 'ticket' },
    {
      title: t('field.scopes'),
      render: g => g.scopes.map(s => t(`grantScope.${s}`)).join('、'),
    },
    {
      title: t('field.window'),
      render: g => `${courtTime(g.startsAt)} – ${courtTime(g.endsAt)}`,
    },
    { title: t('field.requestedBy'), render: g => shortRef(g.requestedBy) },
    {
      title: t('field.state'),
      render: g => <Chip size="small" label={t(`grantState.${g.state}`)} />,
    },
    {
      title: t('field.code'),
      render: g =>
        g.verificationCode ? (
          <Typography variant="h6" component="span" data-testid="grant-code">
            {g.verificationCode}
          </Typography>
        ) : null,
    },
    {
      title: '',
      render: g =>
        decides ? (
          <>
            {g.state === 'requested' && (
              <>
                <Button
                  size="small"
                  color="primary"
                  onClick={() =>
                    run(() => api.approveGrant(g.id, { revision: g.revision }))
                  }
                >
                  {t('action.approve')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setAsking({ grant: g, step: 'refuse' })}
                >
                  {t('action.refuse')}
                </Button>
              </>
            )}
            {(g.state === 'approved' || g.state === 'live') && (
              <Button
                size="small"
                onClick={() => setAsking({ grant: g, step: 'revoke' })}
              >
                {t('action.revoke')}
              </Button>
            )}
          </>
        ) : null,
    },
  ];

  return (
    <div data-testid={props.testId}>
      {error && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
      <Table<AccessGrant>
        title={props.title}
        options={{ paging: false, search: false, toolbar: !!props.title }}
        columns={columns}
        data={[...props.grants]}
        emptyContent={
          <Typography style={{ padding: 16 }}>{props.empty}</Typography>
        }
      />
      {asking && (
        <ReasonDialog
          open
          title={t(`reason.${asking.step}`)}
          onClose={() => setAsking(undefined)}
          onConfirm={note => {
            const { grant, step } = asking;
            setAsking(undefined);
            run(() =>
              step === 'refuse'
                ? api.refuseGrant(grant.id, { revision: grant.revision, note })
                : api.revokeGrant(grant.id, { revision: grant.revision, note }),
            );
          }}
        />
      )}
    </div>
  );
}
