import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permissions } from '@scrt/contracts';
import { SessionService, type ResumedSession } from '../../session/session.service.js';
import { CaseReviews } from '../reviews/case-reviews.js';
import { PageAccessGuard, PagePermission, PageSession } from '../foundation/page-access.guard.js';
import { PageNotFoundError } from '../foundation/page.errors.js';
import { redirect, renderPage } from '../rendering/responses.js';
import { CaseApi, type Refusal } from './case-api.js';
import type { CaseRecord } from './case-api.types.js';
import { changesOf, errorsFromProblem, fieldError, toCaseInput, valuesFromBody, valuesFromCase, type CaseFormValues, type FieldError } from './case-form/case-form.js';
import { caseFormViewModel } from './case-form/case-form.view-model.js';
import { apiQueryOf, caseListViewModel, filtersFromQuery, referenceOf } from './case-list/case-list.view-model.js';
import { CASE_CODE_LISTS, ReferenceLists } from './reference-lists.js';
import { viewCaseViewModel } from './view-case/view-case.view-model.js';
import { versionOf, withdrawalOf, withdrawViewModel } from './withdraw-case/withdraw-case.form.js';

type Form = Record<string, unknown> | undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function caseIdOf(id: string): string {
  if (!UUID.test(id)) throw new PageNotFoundError();
  return id.toLowerCase();
}

/** A refusal without field problems still belongs on the form, at its top. */
function errorsOfRefusal({ problem }: Refusal): FieldError[] {
  const errors = errorsFromProblem(problem.errors);
  return errors.length > 0 ? errors : [fieldError('', problem.detail ?? problem.title ?? 'The service refused the form')];
}

const isConflict = ({ problem }: Refusal) => problem.status === 412 || problem.status === 428;

/**
 * The case journeys of ICB data-input users, and the read-only list and case pages of everyone
 * who may read cases. Every read and change goes to case-intake through the API's own route.
 */
@ApiExcludeController()
@Controller('cases')
@UseGuards(PageAccessGuard)
@PagePermission(Permissions.caseRead)
export class CasesUiController {
  constructor(
    @Inject(CaseApi) private readonly cases: CaseApi,
    @Inject(ReferenceLists) private readonly lists: ReferenceLists,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(CaseReviews) private readonly caseReviews: CaseReviews,
  ) {}

  @Get()
  async list(@PageSession() session: ResumedSession, @Query() query: Record<string, string | string[] | undefined>, @Res() reply: FastifyReply): Promise<void> {
    const { principal } = session;
    const filters = filtersFromQuery(query);
    const { query: apiQuery, errors } = apiQueryOf(filters);
    const [outcome, codes] = await Promise.all([this.cases.list(principal, apiQuery), this.lists.caseCodes(principal, ['review-types', 'abuse-themes'] as const)]);
    const list = caseListViewModel({
      filters,
      page: outcome.ok ? outcome.value : undefined,
      errors: outcome.ok ? errors : [...errors, ...errorsOfRefusal(outcome)],
      codes,
      seesSeveralOrganisations: principal.tier !== 'icb',
      canRecord: principal.permissions.includes(Permissions.caseCreate),
    });
    await renderPage(reply, 200, 'cases/list.njk', { list, errorList: list.errorList });
  }

  @Get('new')
  @PagePermission(Permissions.caseCreate)
  async newCase(@PageSession() session: ResumedSession, @Res() reply: FastifyReply): Promise<void> {
    await this.renderForm(reply, 200, session, { mode: 'record', values: valuesFromBody(undefined), errors: [], idempotencyKey: randomUUID() });
  }

  @Post('new')
  @PagePermission(Permissions.caseCreate)
  async recordCase(@PageSession() session: ResumedSession, @Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const values = valuesFromBody(body);
    const idempotencyKey = typeof body?.idempotencyKey === 'string' && UUID.test(body.idempotencyKey) ? body.idempotencyKey : randomUUID();
    const { input, errors } = toCaseInput(values);
    if (!input) return this.renderForm(reply, 422, session, { mode: 'record', values, errors, idempotencyKey });
    const outcome = await this.cases.create(session.principal, input, idempotencyKey);
    if (!outcome.ok) return this.renderForm(reply, 422, session, { mode: 'record', values, errors: errorsOfRefusal(outcome), idempotencyKey });
    await this.sessions.flash(request, { heading: `Case ${referenceOf(outcome.value.id)} recorded` });
    redirect(reply, `/cases/${outcome.value.id}`, 303);
  }

  @Get(':id')
  async viewCase(@PageSession() session: ResumedSession, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { principal } = session;
    const caseId = caseIdOf(id);
    const [record, history, views, codes, partnerships] = await Promise.all([
      this.cases.get(principal, caseId),
      this.cases.history(principal, caseId),
      this.cases.views(principal, caseId),
      this.lists.caseCodes(principal, CASE_CODE_LISTS),
      this.lists.partnerships(principal),
    ]);
    const view = viewCaseViewModel({ record, history, views, codes, partnerships, canUpdate: principal.permissions.includes(Permissions.caseUpdate) });
    await renderPage(reply, 200, 'cases/view.njk', { view, reviews: await this.caseReviews.section(principal, record) });
  }

  @Get(':id/edit')
  @PagePermission(Permissions.caseUpdate)
  async editCase(@PageSession() session: ResumedSession, @Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const record = await this.cases.get(session.principal, caseIdOf(id));
    if (await this.refuseWithdrawn(request, reply, record)) return;
    await this.renderForm(reply, 200, session, { mode: 'edit', values: valuesFromCase(record), errors: [], caseId: record.id, version: record.version });
  }

  @Post(':id/edit')
  @PagePermission(Permissions.caseUpdate)
  async saveCase(@PageSession() session: ResumedSession, @Param('id') id: string, @Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { principal } = session;
    const caseId = caseIdOf(id);
    const values = valuesFromBody(body);
    const version = versionOf(body);
    const { input, errors } = toCaseInput(values);
    if (!input || version === undefined) {
      return this.renderForm(reply, 422, session, { mode: 'edit', values, errors: version === undefined ? [fieldError('', 'Open the case again and make your changes')] : errors, caseId, version });
    }
    const current = await this.cases.get(principal, caseId);
    if (await this.refuseWithdrawn(request, reply, current)) return;
    const changes = changesOf(current, input);
    if (Object.keys(changes).length === 0) {
      await this.sessions.flash(request, { heading: 'No changes to save' });
      return redirect(reply, `/cases/${caseId}`, 303);
    }
    const outcome = await this.cases.update(principal, caseId, changes, version);
    if (outcome.ok) {
      await this.sessions.flash(request, { heading: `Case ${referenceOf(caseId)} updated` });
      return redirect(reply, `/cases/${caseId}`, 303);
    }
    if (isConflict(outcome)) {
      return this.renderForm(reply, 409, session, { mode: 'edit', values: valuesFromCase(current), errors: [], caseId, version: current.version }, true);
    }
    await this.renderForm(reply, 422, session, { mode: 'edit', values, errors: errorsOfRefusal(outcome), caseId, version });
  }

  @Get(':id/withdraw')
  @PagePermission(Permissions.caseUpdate)
  async confirmWithdrawal(@PageSession() session: ResumedSession, @Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const record = await this.cases.get(session.principal, caseIdOf(id));
    if (await this.refuseWithdrawn(request, reply, record)) return;
    await renderPage(reply, 200, 'cases/withdraw.njk', { withdraw: withdrawViewModel(record.id, record.version, '', []) });
  }

  @Post(':id/withdraw')
  @PagePermission(Permissions.caseUpdate)
  async withdrawCase(@PageSession() session: ResumedSession, @Param('id') id: string, @Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const caseId = caseIdOf(id);
    const version = versionOf(body);
    const { reason, errors } = withdrawalOf(body);
    if (errors.length > 0 || version === undefined) {
      const shown = version === undefined ? [fieldError('', 'Open the case again and withdraw it from there')] : errors;
      return renderPage(reply, 422, 'cases/withdraw.njk', { withdraw: withdrawViewModel(caseId, version ?? 0, reason, shown), errorList: shown });
    }
    const outcome = await this.cases.withdraw(session.principal, caseId, reason, version);
    if (outcome.ok) {
      await this.sessions.flash(request, { heading: `Case ${referenceOf(caseId)} withdrawn` });
      return redirect(reply, `/cases/${caseId}`, 303);
    }
    if (isConflict(outcome)) {
      const current = await this.cases.get(session.principal, caseId);
      return renderPage(reply, 409, 'cases/withdraw.njk', { withdraw: withdrawViewModel(caseId, current.version, reason, []), conflict: true });
    }
    const refused = errorsOfRefusal(outcome);
    await renderPage(reply, 422, 'cases/withdraw.njk', { withdraw: withdrawViewModel(caseId, version, reason, refused), errorList: refused });
  }

  /** A withdrawn case is not changed again: back to its page, saying so. */
  private async refuseWithdrawn(request: FastifyRequest, reply: FastifyReply, record: CaseRecord): Promise<boolean> {
    if (record.status !== 'withdrawn') return false;
    await this.sessions.flash(request, { heading: 'This case is withdrawn and cannot be changed' });
    redirect(reply, `/cases/${record.id}`, 303);
    return true;
  }

  private async renderForm(
    reply: FastifyReply,
    status: number,
    session: ResumedSession,
    form: { mode: 'record' | 'edit'; values: CaseFormValues; errors: FieldError[]; caseId?: string; version?: number; idempotencyKey?: string },
    conflict = false,
  ): Promise<void> {
    const [codes, partnerships] = await Promise.all([this.lists.caseCodes(session.principal, CASE_CODE_LISTS), this.lists.partnerships(session.principal)]);
    const viewModel = caseFormViewModel({ ...form, codes, partnerships });
    await renderPage(reply, status, 'cases/form.njk', { form: viewModel, errorList: viewModel.errorList, conflict });
  }
}
