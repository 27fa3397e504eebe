import { Content, Link, Progress } from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import {
  useApi,
  useRouteRefParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type {
  InspectionCheck,
  RoundDetail,
  SaveResultResponse,
} from '@internal/plugin-inspections-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { useLocalize } from '../../hooks/useLanguage';
import { useInspectionLinks } from '../../hooks/useLinks';
import { roundRouteRef } from '../../routes';
import { inspectionsTranslationRef } from '../../translation';
import { useRoundTitle } from '../shared/RoundList';
import { CheckCard } from './CheckCard';

/** Checks after a save: the saved one takes the status the backend reported. */
function withSaved(
  checks: readonly InspectionCheck[],
  response: SaveResultResponse,
): InspectionCheck[] {
  return checks.map(check =>
    check.id === response.check.id
      ? {
          ...check,
          status: response.check.status,
          results: [
            ...check.results.filter(r => r.itemId !== response.result.itemId),
            response.result,
          ],
        }
      : check,
  );
}

/**
 * `/inspections/rounds/:roundId`: a round walked on a phone. Devices in route
 * order, grouped by room; one device's checklist open at a time (`?check=`).
 */
export function RoundPage() {
  const { roundId } = useRouteRefParams(roundRouteRef);
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const links = useInspectionLinks();
  const localize = useLocalize();
  const roundTitle = useRoundTitle();
  const [params, setParams] = useSearchParams();
  const openCheck = params.get('check') ?? undefined;
  const loaded = useAsync(() => api.getRound(roundId), [api, roundId]);
  const [detail, setDetail] = useState<RoundDetail>();
  useEffect(() => setDetail(loaded.value), [loaded.value]);

  // Scroll the device a scan opened into view.
  useEffect(() => {
    if (openCheck && detail) {
      document
        .querySelector(`[data-check-id="${openCheck}"]`)
        ?.scrollIntoView?.({ block: 'start' });
    }
  }, [openCheck, detail]);

  if (loaded.error) {
    return (
      <Content>
        <CourtErrorPanel title={t('round.loadError')} error={loaded.error} />
      </Content>
    );
  }
  if (!detail) return <Progress />;

  const { round, checks, templates } = detail;
  const done = checks.filter(c => c.status !== 'pending').length;
  const root = links.root();
  const templateOf = (check: InspectionCheck) =>
    templates.find(
      tpl =>
        tpl.id === check.template.id && tpl.version === check.template.version,
    );
  const toggle = (checkId: string) =>
    setParams(openCheck === checkId ? {} : { check: checkId }, {
      replace: true,
    });

  let lastRoom: string | undefined;
  return (
    <Content>
      <Box data-testid="round-runner" maxWidth={760} mx="auto">
        {root && <Link to={root}>{t('round.back')}</Link>}
        <Typography variant="h5" style={{ marginTop: 8 }}>
          {roundTitle(round)} · {round.date}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          {round.kind === 'ad-hoc' ? t('round.adHoc') : t('round.scheduled')}
          {' · '}
          {t('today.progress', {
            done: String(done),
            total: String(checks.length),
          })}
          {' · '}
          {t('round.dueBy', { date: round.dueBy })}
        </Typography>
        <Typography variant="body2" paragraph>
          {t('round.routeHint')}
        </Typography>
        {checks.map(check => {
          const room = check.location
            ? `${localize(
                check.location.building,
                check.location.buildingEn,
              )} ${check.location.floor} ${localize(
                check.location.room,
                check.location.roomEn,
              )}`
            : t('round.applications');
          const heading = room !== lastRoom ? room : undefined;
          lastRoom = room;
          return (
            <Box key={check.id}>
              {heading && (
                <Typography
                  variant="overline"
                  component="h3"
                  style={{ marginTop: 12 }}
                >
                  {heading}
                </Typography>
              )}
              <CheckCard
                check={check}
                template={templateOf(check)}
                open={openCheck === check.id}
                onToggle={() => toggle(check.id)}
                onSaved={response =>
                  setDetail(
                    d => d && { ...d, checks: withSaved(d.checks, response) },
                  )
                }
              />
            </Box>
          );
        })}
      </Box>
    </Content>
  );
}
