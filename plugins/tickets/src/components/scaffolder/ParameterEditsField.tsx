import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  readKeyParameters,
  withUnit,
} from '@internal/plugin-court-common';
import {
  currentParameters,
  type CurrentParameter,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import useAsync from 'react-use/esm/useAsync';
import { ticketsApiRef } from '../../api';
import { ticketsTranslationRef } from '../../translation';
import {
  describeEditProblem,
  parameterEditProblem,
  type ParameterEditEntry,
  type ParameterEditsValue,
} from './parameterEdits';

/** A device the picker offers: one with key parameters in the catalog. */
interface Device {
  ref: string;
  name: string;
  entity: Entity;
}

const deviceName = (entity: Entity) =>
  entity.metadata.title ?? entity.metadata.name;

/** The rule of a parameter without the fields it does not state, so the stored value stays lean. */
function ruleOf({ type, unit, min, max }: CurrentParameter) {
  return Object.fromEntries(
    Object.entries({ type, unit, min, max }).filter(([, v]) => v !== undefined),
  );
}

/**
 * 关键参数修改: the engineer picks a device from the catalog and one of its key
 * parameters, sees its current value (the register's latest, else the
 * catalog's) with its unit, and enters the new value, checked against the
 * catalog's rule as it is typed. The review shows each edit by the device's
 * name, not its ref.
 */
export function ParameterEditsField(
  props: FieldExtensionComponentProps<ParameterEditsValue>,
) {
  const { formData, onChange, schema, idSchema, rawErrors } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const catalog = useApi(catalogApiRef);
  const api = useApi(ticketsApiRef);
  const edits = formData?.edits ?? [];
  const submitted = (rawErrors?.length ?? 0) > 0;

  const devices = useAsync(async (): Promise<Device[]> => {
    const { items } = await catalog.getEntities({
      filter: { kind: 'Resource' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.keyParameters',
      ],
    });
    return items
      .filter(entity => readKeyParameters(entity).length > 0)
      .map(entity => ({
        ref: stringifyEntityRef(entity),
        name: deviceName(entity),
        entity,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [catalog]);

  // Each chosen device's parameters now: the catalog's, moved on by the register.
  const chosenKey = [...new Set(edits.map(e => e.device).filter(Boolean))]
    .sort()
    .join(',');
  const parameters = useAsync(async () => {
    const byRef = new Map((devices.value ?? []).map(d => [d.ref, d]));
    const entries = await Promise.all(
      chosenKey
        .split(',')
        .filter(ref => byRef.has(ref))
        .map(async ref => {
          const register = await api.getParameterRegister(ref);
          return [
            ref,
            currentParameters(
              readKeyParameters(byRef.get(ref)!.entity),
              register.history,
            ),
          ] as const;
        }),
    );
    return new Map(entries);
  }, [api, devices.value, chosenKey]);

  const nameOf = (ref: string | undefined) =>
    devices.value?.find(d => d.ref === ref)?.name ?? ref ?? '';
  const parameterOf = (edit: ParameterEditEntry) =>
    edit.device
      ? parameters.value
          ?.get(edit.device)
          ?.find(p => p.name === edit.parameter)
      : undefined;
  const parameterLabel = (p: CurrentParameter) =>
    p.description ? `${p.name}（${p.description}）` : p.name;

  const emit = (next: ParameterEditEntry[]) =>
    onChange({
      edits: next,
      review: next.flatMap(edit => {
        const parameter = parameterOf(edit);
        return parameter && edit.newValue
          ? [
              t('scaffolder.parameterReview', {
                device: nameOf(edit.device),
                parameter: parameterLabel(parameter),
                from: withUnit(edit.oldValue ?? parameter.value, parameter.unit),
                to: withUnit(edit.newValue, parameter.unit),
              }),
            ]
          : [];
      }),
    });
  const update = (index: number, change: Partial<ParameterEditEntry>) =>
    emit(edits.map((edit, i) => (i === index ? { ...edit, ...change } : edit)));

  /** What to say under an edit's field; nothing before the engineer has typed or tried to move on. */
  const message = (edit: ParameterEditEntry, field: string) => {
    const problem = parameterEditProblem(edit);
    if (!problem || problem.field !== field) return undefined;
    if (problem.kind === 'required' && !submitted) return undefined;
    return describeEditProblem(t, problem);
  };

  const row = (edit: ParameterEditEntry, index: number) => {
    const id = `${idSchema.$id}_edits_${index}`;
    const current = parameterOf(edit);
    const choices = edit.device ? parameters.value?.get(edit.device) : undefined;
    const deviceMessage = message(edit, 'device');
    const parameterMessage = message(edit, 'parameter');
    const valueMessage = message(edit, 'newValue');
    return (
      <div
        key={index}
        data-testid={`parameter-edit-${index}`}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 }}
      >
        <TextField
          id={`${id}_device`}
          select
          SelectProps={{ native: true }}
          label={t('scaffolder.parameterDevice')}
          value={edit.device ?? ''}
          onChange={e =>
            update(index, {
              device: e.target.value || undefined,
              parameter: undefined,
              oldValue: undefined,
              rule: undefined,
            })
          }
          error={Boolean(deviceMessage)}
          helperText={deviceMessage}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 280 }}
        >
          <option value="" />
          {(devices.value ?? []).map(device => (
            <option key={device.ref} value={device.ref}>
              {device.name}
            </option>
          ))}
        </TextField>
        <TextField
          id={`${id}_parameter`}
          select
          SelectProps={{ native: true }}
          label={t('scaffolder.parameterName')}
          value={edit.parameter ?? ''}
          disabled={!choices}
          onChange={e => {
            const chosen = choices?.find(p => p.name === e.target.value);
            update(index, {
              parameter: chosen?.name,
              oldValue: chosen?.value,
              rule: chosen && ruleOf(chosen),
            });
          }}
          error={Boolean(parameterMessage)}
          helperText={parameterMessage}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 240 }}
        >
          <option value="" />
          {(choices ?? []).map(p => (
            <option key={p.name} value={p.name}>
              {parameterLabel(p)}
            </option>
          ))}
        </TextField>
        {current && (
          <Typography
            variant="body2"
            data-testid={`parameter-edit-${index}-current`}
            style={{ alignSelf: 'center' }}
          >
            {t('scaffolder.parameterCurrent', {
              value: withUnit(current.value, current.unit),
            })}
          </Typography>
        )}
        <TextField
          id={`${id}_newValue`}
          label={t('scaffolder.parameterNewValue')}
          value={edit.newValue ?? ''}
          disabled={!current}
          onChange={e => update(index, { newValue: e.target.value })}
          error={Boolean(valueMessage)}
          helperText={valueMessage}
          InputProps={{
            endAdornment: current?.unit && (
              <InputAdornment position="end">{current.unit}</InputAdornment>
            ),
          }}
          InputLabelProps={{ shrink: true }}
        />
        <IconButton
          aria-label={t('scaffolder.parameterRemove')}
          onClick={() => emit(edits.filter((_, i) => i !== index))}
        >
          <DeleteIcon />
        </IconButton>
      </div>
    );
  };

  return (
    <div data-testid="parameter-edits-picker">
      {schema.title && <Typography variant="h6">{schema.title}</Typography>}
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('scaffolder.parameterHint')}
      </Typography>
      {devices.error && <ResponseErrorPanel error={devices.error} />}
      {parameters.error && <ResponseErrorPanel error={parameters.error} />}
      {edits.map(row)}
      <Button
        variant="outlined"
        color="primary"
        onClick={() => emit([...edits, {}])}
      >
        {t('scaffolder.parameterAdd')}
      </Button>
    </div>
  );
}
