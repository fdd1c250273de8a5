import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Topics, type CaseSnapshotV1 } from '@scrt/contracts';
import { uuidv7 } from '@scrt/messaging';
import { eventually, requiredEnv } from '@scrt/testing';
import { countRows } from './support.js';

/** What reviews needs of a case, as case-intake's `case.created.v2` carries it. */
export function caseSnapshot(overrides: Partial<CaseSnapshotV1> = {}): CaseSnapshotV1 {
  const now = new Date().toISOString();
  return {
    caseId: randomUUID(),
    version: 1,
    organisationCode: 'QWO',
    regionCode: 'Y63',
    subIcbLocationCode: null,
    reviewType: 'RAPID_REVIEW',
    incidentDate: '2026-09-01',
    dateAdded: '2026-09-02',
    subjectGroup: 'CHILD',
    ageBand: null,
    themes: ['NEGLECT'],
    setting: null,
    designatedProfessional: null,
    partnershipId: null,
    identifiers: [],
    withdrawn: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** Publishes case events as case-intake does, so reviews' copy of the cases is fed the real way (Kafka, inbox). */
export class CaseEvents {
  private constructor(private readonly producer: Producer) {}

  static async connect(): Promise<CaseEvents> {
    const kafka = new Kafka({ clientId: 'e2e-case-events', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    return new CaseEvents(producer);
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async created(snapshot: CaseSnapshotV1): Promise<void> {
    await this.send(Topics.caseCreatedV2, 'case-intake.case.created', 2, snapshot.caseId, snapshot);
  }

  async withdrawn(snapshot: CaseSnapshotV1): Promise<void> {
    const withdrawn = { ...snapshot, version: snapshot.version + 1, withdrawn: true };
    await this.send(Topics.caseWithdrawnV1, 'case-intake.case.withdrawn', 1, snapshot.caseId, { withdrawnAt: new Date().toISOString(), case: withdrawn });
  }

  /** Waits until reviews holds the case at this version. */
  async known(snapshot: CaseSnapshotV1, version = snapshot.version): Promise<void> {
    await eventually(async () => (await countRows('reviews.case_copy', 'case_id = $1 AND case_version = $2', [snapshot.caseId, version])) === 1, `reviews to know case ${snapshot.caseId} v${version}`);
  }

  private async send(topic: string, type: string, version: number, key: string, payload: object): Promise<void> {
    const envelope = { eventId: uuidv7(), type, version, occurredAt: new Date().toISOString(), correlationId: `e2e-${randomUUID()}`, producer: 'case-intake', aggregateId: key, actor: { subject: 'e2e', kind: 'system' }, payload };
    await this.producer.send({ topic, messages: [{ key, value: JSON.stringify(envelope) }] });
  }
}
