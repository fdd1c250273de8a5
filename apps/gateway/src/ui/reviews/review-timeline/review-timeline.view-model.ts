import { labelOf } from '../../cases/reference-lists.js';
import { formatDate } from '../../rendering/view-environment.js';
import type { Clock, Rag, Review } from '../review-api.types.js';
import { canConvert, reviewTitle, stageLabel, type ReviewCodes } from '../review-codes.js';

export interface Tag {
  text: string;
  classes: string;
}

const RAG_TAGS: Record<Rag, Tag> = {
  green: { text: 'On track', classes: 'nhsuk-tag--green' },
  amber: { text: 'Due soon', classes: 'nhsuk-tag--yellow' },
  red: { text: 'Past target', classes: 'nhsuk-tag--red' },
};

/** The RAG of a running target as an nhsuk tag; none when no target is running. */
export const ragTag = (rag: Rag | null | undefined): Tag | undefined => (rag ? RAG_TAGS[rag] : undefined);

/** A RAG tag for a table cell (whose cells take HTML, not macros): the words come from RAG_TAGS only, never from input. */
export function ragTagHtml(rag: Rag | null | undefined): string {
  const tag = ragTag(rag);
  return tag ? `<strong class="nhsuk-tag ${tag.classes}">${tag.text}</strong>` : '';
}

/** The target the review is working to now: the clock that has not been met. */
export const runningClock = (review: Review): Clock | undefined => review.clocks.find((clock) => clock.metOn === null);

function daysLeftText(days: number | null): string {
  if (days === null) return '';
  if (days < 0) return `${-days} working ${-days === 1 ? 'day' : 'days'} overdue`;
  return days === 0 ? 'due today' : `${days} working ${days === 1 ? 'day' : 'days'} left`;
}

function slippageText(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'met on the target date';
  return days > 0 ? `${days} working ${days === 1 ? 'day' : 'days'} late` : `${-days} working ${days === -1 ? 'day' : 'days'} early`;
}

export interface ReviewButton {
  text: string;
  href: string;
  secondary?: boolean;
}

/** The changes a manager may make now: only those the review's state allows. */
export function reviewButtons(review: Review, canManage: boolean): ReviewButton[] {
  if (!canManage || review.stage === 'CLOSED') return [];
  const base = `/reviews/${review.id}`;
  if (review.paused) return [{ text: 'Resume review', href: `${base}/resume` }];
  const buttons: ReviewButton[] = canConvert(review) ? [{ text: 'Convert to a full review', href: `${base}/convert` }] : [];
  buttons.push({ text: 'Record a stage change', href: `${base}/stage`, secondary: buttons.length > 0 });
  if (review.status === 'open') buttons.push({ text: 'Pause review', href: `${base}/pause`, secondary: true });
  return buttons;
}

/** One review on the case page: its stages with dates, targets, pauses, conversion links and buttons. */
export function reviewTimelineViewModel(codes: ReviewCodes, review: Review, canManage: boolean) {
  const running = runningClock(review);
  const link = (id: string | null, text: string) => (id ? { href: `/reviews/${id}`, text } : undefined);
  return {
    id: review.id,
    anchor: `review-${review.id}`,
    title: reviewTitle(codes, review),
    stage: stageLabel(codes, review.stage, review.subStage),
    status: review.status === 'open' ? { text: 'Open', classes: 'nhsuk-tag--blue' } : { text: 'Closed', classes: 'nhsuk-tag--grey' },
    rag: ragTag(running?.rag),
    paused: review.paused ? `Paused: ${labelOf(codes['pause-reasons'], review.pauseReason)}` : undefined,
    target: running && {
      label: stageLabel(codes, running.clock),
      dueDate: running.dueDate ? formatDate(running.dueDate) : 'Not counted',
      left: running.problem ?? daysLeftText(running.workingDaysLeft),
    },
    metTargets: review.clocks
      .filter((clock) => clock.metOn !== null)
      .map((clock) => ({ label: stageLabel(codes, clock.clock), dueDate: formatDate(clock.dueDate), metOn: formatDate(clock.metOn), slippage: slippageText(clock.slippageWorkingDays) })),
    stages: review.stages.map((entry) => ({ label: stageLabel(codes, entry.stage, entry.subStage), occurredOn: formatDate(entry.occurredOn) })),
    pauses: review.pauses.map((pause) => ({ reason: labelOf(codes['pause-reasons'], pause.reason), pausedOn: formatDate(pause.pausedOn), resumedOn: pause.resumedOn ? formatDate(pause.resumedOn) : 'Still paused' })),
    convertedFrom: link(review.convertedFromId, 'the rapid review it was converted from'),
    convertedTo: link(review.convertedToId, 'the review it was converted to'),
    publication: [
      review.signedOffOn && { key: { text: 'Signed off' }, value: { text: formatDate(review.signedOffOn) } },
      review.publicationState && { key: { text: 'Publication' }, value: { text: labelOf(codes['publication-states'], review.publicationState) } },
      review.publishedOn && { key: { text: 'Published on' }, value: { text: formatDate(review.publishedOn) } },
      review.embargoUntil && { key: { text: 'Embargoed until' }, value: { text: formatDate(review.embargoUntil) } },
    ].filter(Boolean),
    reportLink: review.reportLink,
    buttons: reviewButtons(review, canManage),
  };
}

export type ReviewTimeline = ReturnType<typeof reviewTimelineViewModel>;
