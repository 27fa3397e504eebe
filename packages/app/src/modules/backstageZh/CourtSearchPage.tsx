import { CatalogIcon, Content } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { SearchType } from '@backstage/plugin-search';
import {
  DefaultResultListItem,
  SearchBar,
  SearchContextProvider,
  SearchFilter,
  SearchPagination,
  SearchResult,
  SearchResultPager,
  useSearch,
} from '@backstage/plugin-search-react';
import type {
  SearchFilterExtensionComponent,
  SearchResultItemExtensionComponent,
  SearchResultItemExtensionPredicate,
} from '@backstage/plugin-search-react/alpha';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { createElement, useEffect, type ReactElement } from 'react';
import { appTranslationRef } from '../../translation';

export interface CourtSearchPageProps {
  items: Array<{ predicate?: SearchResultItemExtensionPredicate; component: SearchResultItemExtensionComponent }>;
  resultTypes: Array<{ value: string; name: string; icon: ReactElement }>;
  searchFilters: SearchFilterExtensionComponent[];
}

/** Keeps the query, types and page in the address, so a search can be linked and reloaded. */
function AddressSync() {
  const { term, setTerm, types, setTypes, pageCursor, setPageCursor } = useSearch();
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const query = params.get('query');
    if (query) setTerm(query);
    const cursor = params.get('pageCursor');
    if (cursor) setPageCursor(cursor);
    setTypes(params.getAll('types[]'));
  }, [setTerm, setTypes, setPageCursor]);
  useEffect(() => {
    const params = new URLSearchParams();
    if (term) params.set('query', term);
    for (const type of types) params.append('types[]', type);
    if (pageCursor) params.set('pageCursor', pageCursor);
    window.history.replaceState(null, document.title, `${window.location.pathname}?${params}`);
  }, [term, types, pageCursor]);
  return null;
}

function SearchPageContent(props: CourtSearchPageProps) {
  const { t } = useTranslationRef(appTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const typeLabels: Record<string, string> = {
    'software-catalog': t('search.catalog'),
    'kb-article': t('search.kb'),
  };
  const labelOf = (value: string, fallback: string) => typeLabels[value] ?? fallback;
  const itemFor = (result: Parameters<SearchResultItemExtensionPredicate>[0]) =>
    props.items.find(item => item.predicate?.(result))?.component ?? DefaultResultListItem;
  return (
    <Content>
      <Grid container direction="row">
        <Grid item xs={12}>
          <SearchBar debounceTime={100} />
        </Grid>
        <Grid item xs={3}>
          <SearchType.Accordion
            name={t('search.resultType')}
            showCounts
            types={[
              { value: 'software-catalog', name: 'software-catalog', icon: <CatalogIcon /> },
              ...props.resultTypes,
            ].map(type => ({ ...type, name: labelOf(type.value, type.name) }))}
          />
          <Paper style={{ padding: 16, marginTop: 16 }}>
            <SearchFilter.Select
              label={t('search.kind')}
              name="kind"
              values={async () => {
                const { facets } = await catalogApi.getEntityFacets({ facets: ['kind'] });
                return (facets.kind ?? []).map(facet => facet.value).sort((a, b) => a.localeCompare(b));
              }}
            />
            {props.searchFilters.map((Filter, index) => (
              <Filter key={index} className="" />
            ))}
          </Paper>
        </Grid>
        <Grid item xs>
          <SearchPagination />
          <SearchResult>
            {({ results }) => (
              <>
                {results.map(({ document, ...rest }, index) =>
                  createElement(itemFor({ document, ...rest }), {
                    ...rest,
                    key: index,
                    result: document,
                  }),
                )}
              </>
            )}
          </SearchResult>
          <SearchResultPager />
        </Grid>
      </Grid>
    </Content>
  );
}

/**
 * Backstage's search page with its labels in the reader's language (its own hard-codes "Result
 * Type", "Software Catalog", "Kind"). The catalog's lifecycle filter is left out: the court's
 * entities are all in production.
 */
export function CourtSearchPage(props: CourtSearchPageProps) {
  return (
    <SearchContextProvider>
      <AddressSync />
      <SearchPageContent {...props} />
    </SearchContextProvider>
  );
}
