import { describe, expect, it } from '@jest/globals';
import { recordedReview, reviewCodes } from '../../testing/recorded-review.js';
import { convertForm, nextStageOptions, stageChangeForm } from './lifecycle.forms.js';

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
});
