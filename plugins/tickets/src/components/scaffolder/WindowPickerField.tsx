import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  CHANGE_STATUSES,
  changeWarnings,
  type ChangeWindow,
} from '@internal/plugin-tickets-common';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ticketsApiRef } from '../../api';
import { courtInstantOf, formatInstant, toLocalInput } from '../../format';
import { ticketsTranslationRef } from '../../translation';
import { ChangeWarnings } from '../change/ChangeWarnings';

/**
 * What the window picker stores: both ends as instants with the court's offset
 * (`2026-12-08T20:00:00+08:00`), and the window as the filer read it, which
 * the review step shows in place of the instants.
 */
export interface WindowPickerValue {
  start?: string;
  end?: string;
  local?: string;
}

// Typing a date fires a change per keystroke: ask the API once the engineer pauses.
const PAUSE_MS = 400;

/** The other fields the warnings depend on: what the change touches. */
function refsIn(formData: unknown): string[] {
  const data = (formData ?? {}) as {
    entityRefs?: { refs?: unknown };
    parameterEdits?: { edits?: unknown };
  };
  // The values of the court's entity picker (EntitiesField) and parameter picker (ParameterEditsField).
  const refs = Array.isArray(data.entityRefs?.refs) ? data.entityRefs.refs : [];
  const edits = Array.isArray(data.parameterEdits?.edits)
    ? data.parameterEdits.edits
    : [];
  return [
    ...new Set(
      [...refs, ...edits.map(e => (e as { device?: unknown })?.device)].filter(
        (ref): ref is string => typeof ref === 'string' && ref !== '',
      ),
    ),
  ];
}

/** Court-time inputs for a change's window, warning on freezes and overlapping changes as they are typed. */
export function WindowPickerField(
  props: FieldExtensionComponentProps<WindowPickerValue>,
) {
  const { formData, onChange, schema, idSchema, rawErrors, required } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const api = useApi(ticketsApiRef);
  const value = formData ?? {};
  const entityRefs = refsIn(props.formContext?.formData);

  const set = (end: 'start' | 'end', input: string) => {
    const next = { ...value, [end]: courtInstantOf(input) };
    const complete = next.start && next.end;
    onChange({
      ...next,
      local: complete
        ? t('scaffolder.windowLocal', {
            start: formatInstant(next.start!),
            end: formatInstant(next.end!),
          })
        : undefined,
    });
  };

  const [window, setWindow] = useState<ChangeWindow | undefined>();
  useEffect(() => {
    const timer = setTimeout(
      () =>
        setWindow(
          value.start && value.end && value.start < value.end
            ? { start: value.start, end: value.end }
            : undefined,
        ),
      PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [value.start, value.end]);

  const refsKey = entityRefs.join(',');
  const warnings = useAsync(async () => {
    if (!window) return [];
    const [freezes, changes] = await Promise.all([
      api.listFreezes({ after: window.start }),
      api.listChanges({ from: window.start, to: window.end, limit: 200 }),
    ]);
    return changeWarnings(
      {
        id: '',
        window,
        entityRefs: refsKey ? refsKey.split(',') : [],
        systemRefs: [],
        emergency: false,
        freezeException: false,
      },
      changes.items.flatMap(c => {
        const status = CHANGE_STATUSES.find(s => s === c.status);
        return status
          ? [{ ...c, status, window: c.change.window }]
          : [];
      }),
      freezes,
    );
  }, [api, window, refsKey]);

  const invalid = Boolean(
    value.start && value.end && Date.parse(value.end) <= Date.parse(value.start),
  );
  const input = (end: 'start' | 'end') => (
    <TextField
      id={`${idSchema.$id}_${end}`}
      type="datetime-local"
      label={t(end === 'start' ? 'change.start' : 'change.end')}
      value={value[end] ? toLocalInput(value[end]!) : ''}
      onChange={e => set(end, e.target.value)}
      InputLabelProps={{ shrink: true }}
      required={required}
      error={(rawErrors?.length ?? 0) > 0 || invalid}
      style={{ marginRight: 16, marginBottom: 8 }}
    />
  );
  return (
    <div data-testid="window-picker">
      {schema.title && <Typography variant="h6">{schema.title}</Typography>}
      <Typography variant="body2" color="textSecondary">
        {t('scaffolder.windowZone')}
      </Typography>
      {input('start')}
      {input('end')}
      {invalid && (
        <Typography color="error">{t('change.windowInvalid')}</Typography>
      )}
      {warnings.value && <ChangeWarnings warnings={warnings.value} />}
    </div>
  );
}
