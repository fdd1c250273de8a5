import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Outcome } from '../../cases/case-api.js';
import type { FieldError } from '../../cases/case-form/case-form.js';
import { versionOf } from '../../cases/withdraw-case/withdraw-case.form.js';
import { redirect, renderPage } from '../../rendering/responses.js';
import type { SessionService } from '../../../session/session.service.js';
import { errorsFromService, parseForm, toBody, validateForm, type FormValues } from './form-fields.js';
import { formPageViewModel, type ReviewFormDefinition } from './form-page.view-model.js';

type Body = Record<string, unknown> | undefined;

export function renderReviewForm(reply: FastifyReply, status: number, definition: ReviewFormDefinition, values: FormValues = {}, errors: FieldError[] = [], conflict = false): Promise<void> {
  const form = formPageViewModel(definition, values, errors);
  return renderPage(reply, status, 'reviews/form.njk', { form, errorList: form.errorList, conflict });
}

export interface FormSubmission<T> {
  /** The form as it stands now (read afresh: on a conflict it carries the current version). */
  definition: ReviewFormDefinition;
  body: Body;
  /** Calls the service with the form's API body and the version the form was filled in against. */
  send: (input: Record<string, string | number>, version: number) => Promise<Outcome<T>>;
  /** The banner and the page to go on to. */
  done: (value: T) => { heading: string; href: string };
}

/**
 * A review form's POST: invalid input back on the form (422), the service's refusal on the
 * right fields (422), someone else's change first (409, "reload"), else a banner and 303.
 */
export async function submitReviewForm<T>(request: FastifyRequest, reply: FastifyReply, sessions: SessionService, submission: FormSubmission<T>): Promise<void> {
  const { definition, body } = submission;
  const values = parseForm(definition.fields, body);
  const version = definition.version === undefined ? 0 : versionOf(body);
  if (version === undefined) return renderReviewForm(reply, 422, definition, values, [{ field: '', href: '#main-content', text: 'Open the review again and make your change from there' }]);
  const errors = validateForm(definition.fields, values);
  if (errors.length > 0) return renderReviewForm(reply, 422, definition, values, errors);
  const outcome = await submission.send(toBody(definition.fields, values), version);
  if (outcome.ok) {
    const { heading, href } = submission.done(outcome.value);
    await sessions.flash(request, { heading });
    return redirect(reply, href, 303);
  }
  if (outcome.problem.status === 412 || outcome.problem.status === 428) return renderReviewForm(reply, 409, definition, values, [], true);
  await renderReviewForm(reply, 422, definition, values, errorsFromService(definition.fields, outcome.problem));
}

/** The key a creation form carried (a resubmission reuses it), or a new one. */
export function idempotencyKeyOf(body: Body, fresh: string): string {
  const key = body?.idempotencyKey;
  return typeof key === 'string' && /^[0-9a-f-]{36}$/i.test(key) ? key : fresh;
}
