/**
 * Every Kafka topic the system uses. Topics are created explicitly at start-up from this list
 * (`allTopics`), never by broker auto-creation.
 */
export const Topics = {
  // Case events (issue 9). v1 of created is no longer produced; its old events stay consumable.
  caseCreatedV1: 'case-intake.case.created.v1',
  caseCreatedV2: 'case-intake.case.created.v2',
  caseUpdatedV1: 'case-intake.case.updated.v1',
  caseWithdrawnV1: 'case-intake.case.withdrawn.v1',
  // Reference data (issue 8): kept for ever, so that a new consumer rebuilds its copy from the topic.
  codeListPublishedV1: 'reference-data.code-list.published.v1',
  // Organisation hierarchy (issue 8 §2, §4): the latest event of each ODS code is its whole state.
  organisationChangedV1: 'reference-data.organisation.changed.v1',
  // Calendar, timescales and partnerships (issue 8 §4): the deadline engine and reporting keep copies.
  timescalesPublishedV1: 'reference-data.timescales.published.v1',
  bankHolidaysChangedV1: 'reference-data.bank-holidays.changed.v1',
  partnershipChangedV1: 'reference-data.partnership.changed.v1',
  // Reviews (issue 10 §4): every change, for the warehouse.
  reviewCreatedV1: 'reviews.review.created.v1',
  reviewStageChangedV1: 'reviews.review.stage-changed.v1',
  reviewUpdatedV1: 'reviews.review.updated.v1',
  reviewDeadlineAlertedV1: 'reviews.review.deadline-alerted.v1',
  recommendationRecordedV1: 'reviews.recommendation.recorded.v1',
  recommendationUpdatedV1: 'reviews.recommendation.updated.v1',
  actionUpdatedV1: 'reviews.action.updated.v1',
  learningRecordedV1: 'reviews.learning.recorded.v1',
} as const;

/**
 * Every domain topic keeps every event (no time or size limit): a consumer's copy is rebuilt from
 * the topics alone, and the reporting warehouse is rebuilt by replaying them from their earliest
 * offsets (issue 11). Dead-letter topics keep the broker's default retention.
 */

/** Broker settings of a topic kept for ever. */
export const UNLIMITED_RETENTION = { 'retention.ms': '-1', 'retention.bytes': '-1' } as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Consumer services, each with its own consumer group and dead-letter topic. */
export const ConsumerServices = ['reporting', 'case-intake', 'gateway', 'reviews'] as const;
export type ConsumerService = (typeof ConsumerServices)[number];

export function deadLetterTopic(consumer: string): string {
  return `${consumer}.dead-letter.v1`;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Broker topic settings beyond the defaults (e.g. unlimited retention). */
  config?: Record<string, string>;
}

export function allTopics(): TopicSpec[] {
  return [
    ...Object.values(Topics).map((name) => ({ name, partitions: 3, config: { ...UNLIMITED_RETENTION } })),
    ...ConsumerServices.map((consumer) => ({ name: deadLetterTopic(consumer), partitions: 1 })),
  ];
}
