import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { PRIORITY_LEVELS } from '@internal/plugin-sla-common';
import {
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState, type ChangeEvent } from 'react';
import type { EntityOption } from '@internal/plugin-court-react';
import { ticketsTranslationRef } from '../../translation';
import type { QueueFilters } from './queueParams';

const TEXT_DEBOUNCE_MS = 400;

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 140 },
  text: { minWidth: 260 },
}));

/** A multi-select of one enum, e.g. statuses, labelled through the translation ref. */
function EnumFilter<T extends string>(props: {
  name: string;
  label: string;
  values: readonly T[];
  selected: readonly T[];
  labelOf: (value: T) => string;
  onChange: (selected: T[]) => void;
}) {
  const classes = useStyles();
  return (
    <TextField
      select
      label={props.label}
      className={classes.select}
      value={props.selected}
      SelectProps={{
        multiple: true,
        renderValue: selected =>
          (selected as T[]).map(props.labelOf).join(', '),
      }}
      inputProps={{ 'data-testid': `filter-${props.name}` }}
      // A multiple select reports an array, which MUI's TextField types as a string.
      onChange={event => props.onChange(event.target.value as unknown as T[])}
    >
      {props.values.map(value => (
        <MenuItem key={value} value={value}>
          {props.labelOf(value)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The desk's filters; text search waits for a pause in typing. */
export function QueueFilterBar(props: {
  filters: QueueFilters;
  systems: readonly EntityOption[];
  users: readonly EntityOption[];
  onChange: (filters: QueueFilters) => void;
}) {
  const { filters, systems, users, onChange } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();

  const [text, setText] = useState(filters.q ?? '');
  // Follow the URL (back button, "clear"), but keep what is being typed, trailing space and all.
  useEffect(
    () =>
      setText(current =>
        current.trim() === (filters.q ?? '') ? current : filters.q ?? '',
      ),
    [filters.q],
  );
  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return undefined;
    const timer = setTimeout(
      () => onChange({ ...filters, q: text.trim() || undefined }),
      TEXT_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const set = (patch: Partial<QueueFilters>) =>
    onChange({ ...filters, ...patch });
  const selectValue = (event: ChangeEvent<{ value: unknown }>) =>
    (event.target.value as string) || undefined;

  return (
    <div className={classes.bar} data-testid="queue-filters">
      <TextField
        label={t('filters.text')}
        className={classes.text}
        value={text}
        onChange={event => setText(event.target.value)}
        inputProps={{ 'data-testid': 'filter-text' }}
      />
      <EnumFilter
        name="status"
        label={t('filters.status')}
        values={TICKET_STATUSES}
        selected={filters.status}
        labelOf={value => t(`status.${value}`)}
        onChange={status => set({ status })}
      />
      <EnumFilter
        name="type"
        label={t('filters.type')}
        values={TICKET_TYPES}
        selected={filters.type}
        labelOf={value => t(`type.${value}`)}
        onChange={type => set({ type })}
      />
      <EnumFilter
        name="level"
        label={t('filters.level')}
        values={PRIORITY_LEVELS}
        selected={filters.level}
        labelOf={value => t(`level.${value}`)}
        onChange={level => set({ level })}
      />
      <TextField
        select
        label={t('filters.system')}
        className={classes.select}
        value={filters.system ?? ''}
        onChange={event => set({ system: selectValue(event) })}
        inputProps={{ 'data-testid': 'filter-system' }}
      >
        <MenuItem value="">{t('filters.any')}</MenuItem>
        {systems.map(system => (
          <MenuItem key={system.ref} value={system.ref}>
            {system.label}
          </MenuItem>
        ))}
      </TextField>
      {filters.view !== 'mine' && (
        <TextField
          select
          label={t('filters.assignee')}
          className={classes.select}
          value={filters.assignee ?? ''}
          onChange={event => set({ assignee: selectValue(event) })}
          inputProps={{ 'data-testid': 'filter-assignee' }}
        >
          <MenuItem value="">{t('filters.assigneeAnyone')}</MenuItem>
          <MenuItem value="me">{t('filters.assigneeMe')}</MenuItem>
          {users.map(user => (
            <MenuItem key={user.ref} value={user.ref}>
              {user.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      {filters.view !== 'at-risk' && (
        <FormControlLabel
          data-testid="filter-at-risk"
          label={t('filters.atRisk')}
          control={
            <Checkbox
              checked={filters.atRisk}
              onChange={event => set({ atRisk: event.target.checked })}
            />
          }
        />
      )}
      <FormControlLabel
        data-testid="filter-breached"
        label={t('filters.breached')}
        control={
          <Checkbox
            checked={filters.breached}
            onChange={event => set({ breached: event.target.checked })}
          />
        }
      />
      <TextField
        select
        label={t('filters.sort')}
        className={classes.select}
        value={filters.sort}
        onChange={event =>
          set({ sort: event.target.value as QueueFilters['sort'] })
        }
        inputProps={{ 'data-testid': 'filter-sort' }}
      >
        {TICKET_SORTS.map(sort => (
          <MenuItem key={sort} value={sort}>
            {
              {
                created: t('filters.sortCreated'),
                due: t('filters.sortDue'),
                updated: t('filters.sortUpdated'),
              }[sort]
            }
          </MenuItem>
        ))}
      </TextField>
      <Button
        size="small"
        onClick={() =>
          onChange({
            view: filters.view,
            status: [],
            type: [],
            level: [],
            atRisk: false,
            breached: false,
            sort: filters.sort,
          })
        }
      >
        {t('filters.clear')}
      </Button>
    </div>
  );
}
