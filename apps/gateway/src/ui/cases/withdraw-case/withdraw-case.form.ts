import { fieldError, type FieldError } from '../case-form/case-form.js';
import { referenceOf } from '../case-list/case-list.view-model.js';

export const REASON_MAX = 2000;

/** A version a form carried back (If-Match), or undefined when it is not one. */
export function versionOf(body: Record<string, unknown> | undefined): number | undefined {
  const value = body?.version;
  return typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

export function withdrawalOf(body: Record<string, unknown> | undefined): { reason: string; errors: FieldError[] } {
  const reason = typeof body?.reason === 'string' ? body.reason.trim() : '';
  if (!reason) return { reason, errors: [fieldError('reason', 'Enter why the case is withdrawn')] };
  if (reason.length > REASON_MAX) return { reason, errors: [fieldError('reason', `The reason must be ${REASON_MAX} characters or fewer`)] };
  return { reason, errors: [] };
}

export function withdrawViewModel(id: string, version: number, reason: string, errors: FieldError[]) {
  const error = errors.find((candidate) => candidate.field === 'reason');
  return {
    id,
    reference: referenceOf(id),
    version,
    reason: {
      id: 'reason',
      name: 'reason',
      maxlength: REASON_MAX,
      rows: 4,
      label: { text: 'Why is the case withdrawn?', size: 's' },
      hint: { text: 'For example, it was recorded twice. Do not enter details that could identify a person.' },
      value: reason,
      errorMessage: error && { text: error.text },
    },
  };
}
