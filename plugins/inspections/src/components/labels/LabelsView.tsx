import { InfoCard, Progress } from '@backstage/core-components';
import {
  fetchApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { messageOf } from '../../errors';
import { useBuildings } from '../../hooks/useBuildings';
import { useLocalize } from '../../hooks/useLanguage';
import { inspectionsTranslationRef } from '../../translation';

/** Label sheets to print: A4 pages of asset labels with QR codes, for a system or a building. */
export function LabelsView() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const fetchApi = useApi(fetchApiRef);
  const catalogApi = useApi(catalogApiRef);
  const localize = useLocalize();
  const buildings = useBuildings();
  const [filter, setFilter] = useState<{ system?: string; building?: string }>(
    {},
  );
  const [error, setError] = useState<string>();
  const systems = useAsync(
    async () =>
      (await catalogApi.getEntities({ filter: { kind: 'system' } })).items,
    [catalogApi],
  );
  const info = useAsync(
    () => api.getLabelSheetInfo(filter),
    [api, filter.system, filter.building],
  );

  // The sheet needs the user's token, so it is fetched, not linked.
  const open = async (page: number) => {
    setError(undefined);
    try {
      const response = await fetchApi.fetch(
        await api.labelSheetUrl({ ...filter, page }),
      );
      if (!response.ok) throw new Error(await response.text());
      const url = URL.createObjectURL(await response.blob());
      window.open(url, '_blank');
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <InfoCard title={t('labels.title')}>
      <Typography variant="body2" paragraph>
        {t('labels.help')}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <TextField
          select
          variant="outlined"
          size="small"
          label={t('labels.system')}
          value={filter.system ?? ''}
          onChange={e =>
            setFilter({ ...filter, system: e.target.value || undefined })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">{t('labels.all')}</option>
          {(systems.value ?? []).map(system => (
            <option
              key={system.metadata.name}
              value={stringifyEntityRef(system)}
            >
              {system.metadata.title ?? system.metadata.name}
            </option>
          ))}
        </TextField>
        <TextField
          select
          variant="outlined"
          size="small"
          label={t('labels.building')}
          value={filter.building ?? ''}
          onChange={e =>
            setFilter({ ...filter, building: e.target.value || undefined })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">{t('labels.all')}</option>
          {buildings.map(b => (
            <option key={b.key} value={b.key}>
              {localize(b.name, b.nameEn)}
            </option>
          ))}
        </TextField>
      </Box>
      {info.loading && <Progress />}
      {info.value && (
        <Box mt={2} data-testid="label-sheets">
          <Typography paragraph>
            {t('labels.count', {
              devices: String(info.value.devices),
              pages: String(info.value.pages),
            })}
          </Typography>
          <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            {Array.from({ length: info.value.pages }, (_, i) => (
              <Button
                key={i}
                variant="outlined"
                onClick={() => open(i + 1)}
                data-testid={`label-page-${i + 1}`}
              >
                {t('labels.page', { page: String(i + 1) })}
              </Button>
            ))}
          </Box>
        </Box>
      )}
      {error && <Alert severity="error">{error}</Alert>}
    </InfoCard>
  );
}
