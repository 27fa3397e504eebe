import {
  keyParameterValueProblem,
  type KeyParameterRule,
  type KeyParameterValueProblem,
} from '@internal/plugin-court-common';

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
  | { field: 'newValue'; kind: 'value'; problem: KeyParameterValueProblem };

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

/**
 * The field's validation: the scaffolder will not move on while an edit is
 * incomplete or its value breaks the catalog's rule. The field itself says
 * what is wrong in the reader's language; this only names where.
 */
export function validateParameterEdits(
  value: ParameterEditsValue | undefined,
  validation: { addError(message: string): unknown },
) {
  (value?.edits ?? []).forEach((edit, index) => {
    const problem = parameterEditProblem(edit);
    if (problem) {
      validation.addError(`edits.${index}.${problem.field}: ${problem.kind}`);
    }
  });
}
