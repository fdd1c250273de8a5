/**
 * Every Kafka topic the system uses. Topics are created explicitly at start-up from this list
 * (`allTopics`), never by broker auto-creation.
 */
export const Topics = {
  caseCreatedV1: 'case-intake.case.created.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Consumer services, each with its own consumer group and dead-letter topic. */
export const ConsumerServices = ['reporting'] as const;
export type ConsumerService = (typeof ConsumerServices)[number];

export function deadLetterTopic(consumer: string): string {
  return `${consumer}.dead-letter.v1`;
}

export interface TopicSpec {
  name: string;
  partitions: number;
}

export function allTopics(): TopicSpec[] {
  return [
    ...Object.values(Topics).map((name) => ({ name, partitions: 3 })),
    ...ConsumerServices.map((consumer) => ({ name: deadLetterTopic(consumer), partitions: 1 })),
  ];
}
