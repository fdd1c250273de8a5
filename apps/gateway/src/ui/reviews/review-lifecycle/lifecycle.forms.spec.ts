import { describe, expect, it } from '@jest/globals';
import { todayInEngland } from '@scrt/working-days';
import { bodyOf, dateFields as date, errorsOf, FUTURE, todayParts } from '../../testing/review-form-input.js';
import { recordedReview, reviewCodes } from '../../testing/recorded-review.js';
import { convertForm, nextStageOptions, openReviewForm, pauseForm, resumeForm, stageChangeForm } from './lifecycle.forms.js';


describe('review lifecycle forms', () => {
  it("offers only the stage machine's next stages: a rapid review goes to its decision, a full review in progress to another sub-stage or sign-off", () => {
    expect(nextStageOptions(reviewCodes(), recordedReview())).toEqual([{ value: 'DECISION', text: 'Decision' }]);
    const inProgress = recordedReview({ reviewType: 'CSPR_LOCAL', stage: 'IN_PROGRESS', subStage: 'SCOPING' });
    expect(nextStageOptions(reviewCodes(), inProgress).map((option) => option.value)).toEqual(['IN_PROGRESS', 'SIGNED_OFF']);
    expect(nextStageOptions(reviewCodes(), recordedReview({ stage: 'CLOSED' }))).toEqual([]);
  });

  it('asks for publication details only when publishing is a next stage, and sends the version it was filled in against', () => {
    const signedOff = stageChangeForm(reviewCodes(), recordedReview({ reviewType: 'CSPR_LOCAL', stage: 'SIGNED_OFF', version: 7 }));
    expect(signedOff.fields.map((field) => field.name)).toEqual(['stage', 'occurredOn', 'publicationState', 'reportLink', 'embargoUntil']);
    expect(signedOff.version).toBe(7);
    const rapid = stageChangeForm(reviewCodes(), recordedReview());
    expect(rapid.fields.map((field) => field.name)).toEqual(['stage', 'occurredOn']);
  });

  it('converts a rapid review to any review type but a rapid review', () => {
    const form = convertForm(reviewCodes(), recordedReview({ stage: 'DECISION' }), 'key');
    expect(form.fields[0].options?.map((option) => option.value)).toEqual(['CSPR_LOCAL', 'SAR']);
  });

  it('opens a review on a notification date that is real and not after today', () => {
    const form = openReviewForm(recordedReview().caseId, 'key');
    expect(errorsOf(form, {})).toEqual({ notifiedOn: 'Enter date of the notification or referral' });
    expect(errorsOf(form, date('notifiedOn', '31', '9', '2026'))).toEqual({ notifiedOn: 'Date of the notification or referral must be a real date, for example 14 9 2026' });
    expect(errorsOf(form, date('notifiedOn', ...FUTURE))).toEqual({ notifiedOn: 'Date of the notification or referral must be today or in the past' });
    expect(bodyOf(form, date('notifiedOn', ...todayParts()))).toEqual({ notifiedOn: todayInEngland() });
  });

  it('asks for the sub-stage only for a review going into progress, and sends it only then', () => {
    const form = stageChangeForm(reviewCodes(), recordedReview({ reviewType: 'CSPR_LOCAL', stage: 'IN_PROGRESS', subStage: 'SCOPING' }));
    const occurred = date('occurredOn', '1', '10', '2026');
    expect(errorsOf(form, { stage: 'IN_PROGRESS', ...occurred })).toEqual({ subStage: 'Select sub-stage' });
    expect(errorsOf(form, { stage: 'IN_PROGRESS', subStage: 'WRITING', ...occurred })).toEqual({ subStage: 'Select sub-stage from the list' });
    expect(bodyOf(form, { stage: 'SIGNED_OFF', subStage: 'DRAFTING', ...occurred })).toEqual({ stage: 'SIGNED_OFF', occurredOn: '2026-10-01' });
    expect(errorsOf(form, { stage: 'SIGNED_OFF', ...date('occurredOn', ...FUTURE) })).toEqual({ occurredOn: 'Date it happened must be today or in the past' });
  });

  it('asks a publication for its state and a real link; an embargo may run past today', () => {
    const form = stageChangeForm(reviewCodes(), recordedReview({ reviewType: 'CSPR_LOCAL', stage: 'SIGNED_OFF' }));
    const occurred = date('occurredOn', '1', '10', '2026');
    expect(errorsOf(form, { stage: 'PUBLISHED', reportLink: 'example.org/report', ...occurred })).toEqual({
      publicationState: 'Select publication state',
      reportLink: 'Enter link to the final report starting with https://',
    });
    expect(bodyOf(form, { stage: 'PUBLISHED', publicationState: 'EMBARGOED', ...occurred, ...date('embargoUntil', ...FUTURE) })).toEqual({
      stage: 'PUBLISHED',
      occurredOn: '2026-10-01',
      publicationState: 'EMBARGOED',
      embargoUntil: '2999-01-01',
    });
    expect(bodyOf(form, { stage: 'PUBLISHED', publicationState: 'PUBLISHED', ...occurred, ...date('embargoUntil', ...FUTURE) })).not.toHaveProperty('embargoUntil');
  });

  it('converts to a type offered only, carrying the form’s idempotency key and version', () => {
    const form = convertForm(reviewCodes(), recordedReview({ stage: 'DECISION', version: 5 }), 'key-1');
    expect(errorsOf(form, { reviewType: 'RAPID_REVIEW', ...date('decidedOn', ...FUTURE) })).toEqual({
      reviewType: 'Select type of review it becomes from the list',
      decidedOn: 'Date of the decision must be today or in the past',
    });
    expect([form.idempotencyKey, form.version]).toEqual(['key-1', 5]);
  });

  it('pauses for a reason of the list from a date not after today, and resumes on a real date', () => {
    const pause = pauseForm(reviewCodes(), recordedReview());
    expect(errorsOf(pause, {})).toEqual({ reason: 'Select reason for the pause', pausedOn: 'Enter date the pause began' });
    expect(errorsOf(pause, { reason: 'HOLIDAY', ...date('pausedOn', ...FUTURE) })).toEqual({ reason: 'Select reason for the pause from the list', pausedOn: 'Date the pause began must be today or in the past' });
    const resume = resumeForm(reviewCodes(), recordedReview({ paused: true }));
    expect(errorsOf(resume, date('resumedOn', '0', '10', '2026'))).toEqual({ resumedOn: 'Date the review resumed must be a real date, for example 14 9 2026' });
  });
});
