import {
  translationApiRef,
  type ApiHolder,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import {
  keyParameterValueProblem,
  type KeyParameterRule,
} from '@internal/plugin-court-common';
import { ticketsTranslationRef } from '../../translation';

type TicketsT = TranslationFunction<typeof ticketsTranslationRef.T>;

/**
 * One key-parameter edit as the picker stores it. The action files the first
 * four fields; `rule` is the catalog's rule for the value, kept so the form can
 * check the new value before the engineer moves on.
 */
export interface ParameterEditEntry {
  device?: string;
  parameter?: string;
  /** The current value the engineer was shown; the API refuses the edit if the register moved on. */
  oldValue?: string;
  newValue?: string;
  rule?: KeyParameterRule;
}

/** What the picker stores: the edits, and each as the engineer read it, which the review shows. */
export interface ParameterEditsValue {
  edits?: ParameterEditEntry[];
  review?: string[];
}

/** What is missing or wrong in one edit, and in which of its fields. */
export type ParameterEditProblem =
  | { field: 'device' | 'parameter' | 'newValue'; kind: 'required' }
  | { field: 'newValue'; kind: 'unchanged' }
  | {
      field: 'newValue';
      kind: 'value';
      problem: NonNullable<ReturnType<typeof keyParameterValueProblem>>;
    };

/** The first thing wrong with an edit, checked in the order the engineer fills it in. */
export function parameterEditProblem(
  edit: ParameterEditEntry,
): ParameterEditProblem | undefined {
  if (!edit.device) return { field: 'device', kind: 'required' };
  if (!edit.parameter) return { field: 'parameter', kind: 'required' };
  const newValue = edit.newValue?.trim() ?? '';
  if (newValue === '') return { field: 'newValue', kind: 'required' };
  if (newValue === edit.oldValue) return { field: 'newValue', kind: 'unchanged' };
  const problem = keyParameterValueProblem(edit.rule ?? {}, newValue);
  return problem ? { field: 'newValue', kind: 'value', problem } : undefined;
}

/** An edit's problem in the reader's language, under the field and in the form's error list. */
export function describeEditProblem(
  t: TicketsT,
  problem: ParameterEditProblem,
): string {
  if (problem.kind !== 'value') return t(`scaffolder.value.${problem.kind}`);
  const value = problem.problem;
  if (value.kind !== 'range') return t(`scaffolder.value.${value.kind}`);
  const { min, max } = value;
  if (min !== undefined && max !== undefined) {
    return t('scaffolder.value.range', { min: String(min), max: String(max) });
  }
  return min !== undefined
    ? t('scaffolder.value.min', { min: String(min) })
    : t('scaffolder.value.max', { max: String(max) });
}

const FIELD_LABELS = {
  device: 'scaffolder.parameterDevice',
  parameter: 'scaffolder.parameterName',
  newValue: 'scaffolder.parameterNewValue',
} as const;

/**
 * The field's validation: the scaffolder will not move on while an edit is
 * incomplete or its value breaks the catalog's rule, and says which edit and
 * why in the reader's language (the form's own error list shows it too).
 */
export function validateParameterEdits(
  value: ParameterEditsValue | undefined,
  validation: { addError(message: string): unknown },
  context?: { apiHolder: ApiHolder },
) {
  const translation = context?.apiHolder
    .get(translationApiRef)
    ?.getTranslation(ticketsTranslationRef);
  (value?.edits ?? []).forEach((edit, index) => {
    const problem = parameterEditProblem(edit);
    if (!problem) return;
    validation.addError(
      translation?.ready
        ? translation.t('scaffolder.editProblem', {
            n: String(index + 1),
            field: translation.t(FIELD_LABELS[problem.field]),
            problem: describeEditProblem(translation.t, problem),
          })
        : `edits.${index}.${problem.field}: ${problem.kind}`,
    );
  });
}
