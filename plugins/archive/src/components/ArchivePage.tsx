import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  useApi,
  useAppSearchParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  archiveCreatePermission,
  DOCUMENT_CLASSES,
  type ArchiveDocument,
  type DocumentClass,
  type ListDocumentsQuery,
} from '@internal/plugin-archive-common';
import {
  SingleEntityPicker,
  toError,
  useEntityOptions,
} from '@internal/plugin-court-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useState, type FormEvent } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { archiveApiRef } from '../api';
import { archiveTranslationRef } from '../translation';
import { DocumentTable } from './DocumentTable';
import { RegisterDocumentDialog } from './RegisterDocumentDialog';

const PAGE = 50;
const SYSTEMS = ['System'];

/**
 * `/archive`: the five classes as tabs, narrowed by sub-class, period, system
 * and keyword; the filters live in the address so a search can be shared.
 */
export function ArchivePage() {
  const { t } = useTranslationRef(archiveTranslationRef);
  const api = useApi(archiveApiRef);
  const canCreate = usePermission({ permission: archiveCreatePermission });
  const systems = useEntityOptions(SYSTEMS);
  const [params, setParams] = useAppSearchParams();
  const documentClass = (params.get('class') ?? '') as DocumentClass | '';
  const filters = {
    subClass: params.get('subClass') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    system: params.get('system') ?? '',
    q: params.get('q') ?? '',
  };
  const [text, setText] = useState(filters.q);
  const [subClass, setSubClass] = useState(filters.subClass);
  const [registering, setRegistering] = useState(false);
  const [more, setMore] = useState<{
    items: ArchiveDocument[];
    cursor?: string;
  }>();
  const [moreError, setMoreError] = useState<Error>();
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => setSubClass(filters.subClass), [filters.subClass]);

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const query: ListDocumentsQuery = {
    class: documentClass ? [documentClass] : undefined,
    subClass: filters.subClass || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    system: filters.system || undefined,
    q: filters.q || undefined,
    limit: PAGE,
  };
  const key = JSON.stringify(query);
  const first = useAsync(async () => {
    setMore(undefined);
    setMoreError(undefined);
    return api.listDocuments(JSON.parse(key));
  }, [api, key]);
  const items = [...(first.value?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.value?.nextCursor;

  const showMore = async () => {
    if (!cursor) return;
    setMoreError(undefined);
    try {
      const page = await api.listDocuments({ ...JSON.parse(key), cursor });
      setMore({
        items: [...(more?.items ?? []), ...page.items],
        cursor: page.nextCursor,
      });
    } catch (error) {
      setMoreError(toError(error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim(), subClass: subClass.trim() });
  };

  return (
    <Content>
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <Tabs
            value={documentClass || 'all'}
            onChange={(_, value: string) =>
              update({ class: value === 'all' ? '' : value })
            }
            indicatorColor="primary"
            variant="scrollable"
          >
            <Tab
              value="all"
              label={t('browse.all')}
              data-testid="archive-class-all"
            />
            {DOCUMENT_CLASSES.map(value => (
              <Tab
                key={value}
                value={value}
                label={t(`class.${value}`)}
                data-testid={`archive-class-${value}`}
              />
            ))}
          </Tabs>
        </Grid>
        <Grid item xs={12}>
          <form
            onSubmit={submit}
            role="search"
            style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}
          >
            <TextField
              fullWidth
              variant="outlined"
              label={t('browse.search')}
              helperText={t('browse.searchHelp')}
              value={text}
              onChange={event => setText(event.target.value)}
              inputProps={{ 'data-testid': 'archive-search' }}
              InputProps={{
                endAdornment: (
                  <InputAdornment position="end">
                    <Button
                      type="submit"
                      aria-label={t('browse.search')}
                      data-testid="archive-search-submit"
                    >
                      <SearchIcon />
                    </Button>
                  </InputAdornment>
                ),
              }}
            />
            {canCreate.allowed && (
              <Button
                color="primary"
                variant="contained"
                onClick={() => setRegistering(true)}
                data-testid="archive-register"
                style={{ whiteSpace: 'nowrap', marginTop: 8 }}
              >
                {t('browse.register')}
              </Button>
            )}
          </form>
        </Grid>
        <Grid item xs={12} sm={6} md={3}>
          <TextField
            fullWidth
            label={t('browse.subClass')}
            value={subClass}
            onChange={event => setSubClass(event.target.value)}
            onBlur={() => update({ subClass: subClass.trim() })}
            inputProps={{ 'data-testid': 'archive-subclass' }}
          />
        </Grid>
        <Grid item xs={6} md={2}>
          <TextField
            fullWidth
            type="date"
            label={t('browse.from')}
            InputLabelProps={{ shrink: true }}
            value={filters.from}
            onChange={event => update({ from: event.target.value })}
            inputProps={{ 'data-testid': 'archive-from' }}
          />
        </Grid>
        <Grid item xs={6} md={2}>
          <TextField
            fullWidth
            type="date"
            label={t('browse.to')}
            InputLabelProps={{ shrink: true }}
            value={filters.to}
            onChange={event => update({ to: event.target.value })}
            inputProps={{ 'data-testid': 'archive-to' }}
          />
        </Grid>
        <Grid item xs={12} md={5}>
          <SingleEntityPicker
            label={t('browse.system')}
            options={systems.options}
            loading={systems.loading}
            value={filters.system}
            testId="archive-system"
            onChange={ref => update({ system: ref })}
          />
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title={
              documentClass ? t(`class.${documentClass}`) : t('browse.all')
            }
          >
            {first.error && <ResponseErrorPanel error={first.error} />}
            {first.loading && <Progress />}
            {first.value && (
              <>
                <DocumentTable
                  documents={items}
                  empty={t('browse.empty')}
                  testId="archive-results"
                />
                {moreError && <ResponseErrorPanel error={moreError} />}
                {cursor && (
                  <Button onClick={showMore} data-testid="archive-more">
                    {t('browse.more')}
                  </Button>
                )}
              </>
            )}
          </InfoCard>
        </Grid>
      </Grid>
      {registering && (
        <RegisterDocumentDialog
          documentClass={documentClass || undefined}
          onClose={() => setRegistering(false)}
        />
      )}
    </Content>
  );
}
