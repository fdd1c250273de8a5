import { randomUUID } from 'node:crypto';

/** An event as the outbox relay publishes it (a plain envelope) with the topic it goes to. */
export interface PublishedEvent {
  topic: string;
  key: string;
  envelope: { eventId: string; type: string; version: number; occurredAt: string; payload: Record<string, unknown> } & Record<string, unknown>;
}

export interface CaseEventStreamOptions {
  cases: number;
  organisationCode?: string;
  regionCode?: string;
  /** Cases (of every `withdrawEvery`) withdrawn as their last change; 0: none. */
  withdrawEvery?: number;
  /** Also one case recorded by the old `case.created` v1 (no longer produced, still consumed). */
  withOldCreation?: boolean;
  /** The year of the cases' incident and date added (2026 unless told): a test reads its own year. */
  year?: number;
  /** Deterministic variety (0..1). */
  random?: () => number;
}

const THEMES = ['NEGLECT', 'PHYSICAL', 'EMOTIONAL', 'SEXUAL', 'DOMESTIC_ABUSE', 'SELF_NEGLECT'];
const TYPES = ['RAPID_REVIEW', 'CSPR_LOCAL', 'SAR', 'DHR'];

/** A seeded generator (mulberry32), so a shuffled stream is the same in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(items: readonly T[], random: () => number) => items[Math.floor(random() * items.length)];

/** An envelope as an outbox relay publishes it. */
export function streamEnvelope(type: string, version: number, aggregateId: string, payload: Record<string, unknown>, occurredAt: Date, producer = 'case-intake') {
  return {
    eventId: randomUUID(),
    type,
    version,
    occurredAt: occurredAt.toISOString(),
    correlationId: `stream-${aggregateId.slice(0, 8)}`,
    producer,
    aggregateId,
    actor: { subject: 'stream', kind: 'system' as const },
    payload,
  };
}

/**
 * Case events as case-intake produces them (created v2, updated v1, withdrawn v1, optionally an
 * old created v1): each case created and then changed a few times, versions in order.
 */
export function caseEventStream(options: CaseEventStreamOptions): PublishedEvent[] {
  const random = options.random ?? Math.random;
  const organisationCode = options.organisationCode ?? 'QWO';
  const regionCode = options.regionCode ?? 'Y63';
  const year = options.year ?? 2026;
  const events: PublishedEvent[] = [];
  const start = Date.now() - 60_000;
  for (let index = 0; index < options.cases; index += 1) {
    const caseId = randomUUID();
    const createdAt = new Date(start + index * 10);
    const snapshot = {
      caseId,
      version: 1,
      organisationCode,
      regionCode,
      subIcbLocationCode: null,
      reviewType: pick(TYPES, random),
      incidentDate: `${year}-04-02`,
      dateAdded: `${year}-04-10`,
      subjectGroup: pick(['CHILD', 'ADULT'], random),
      ageBand: null,
      setting: null,
      designatedProfessional: pick(['DESIGNATED_NURSE_CHILDREN', 'DESIGNATED_LEAD_ADULTS', null], random),
      partnershipId: null,
      identifiers: random() < 0.5 ? [] : [{ type: 'LOCAL', value: `L-${index}` }],
      themes: [pick(THEMES, random)],
      withdrawn: false,
      createdAt: createdAt.toISOString(),
      updatedAt: createdAt.toISOString(),
    };
    events.push({ topic: 'case-intake.case.created.v2', key: caseId, envelope: streamEnvelope('case-intake.case.created', 2, caseId, snapshot, createdAt) });
    const changes = 1 + Math.floor(random() * 3);
    let current = snapshot;
    for (let change = 1; change <= changes; change += 1) {
      const at = new Date(createdAt.getTime() + change * 1000);
      const themes = [...new Set([current.themes[0], pick(THEMES, random), pick(THEMES, random)])].slice(0, 3);
      current = { ...current, version: current.version + 1, themes, reviewType: pick(TYPES, random), dateAdded: `${year}-0${4 + change}-01`, updatedAt: at.toISOString() };
      events.push({ topic: 'case-intake.case.updated.v1', key: caseId, envelope: streamEnvelope('case-intake.case.updated', 1, caseId, { changedFields: ['themes', 'reviewType', 'dateAdded'], case: current }, at) });
    }
    if (options.withdrawEvery && index % options.withdrawEvery === 0) {
      const at = new Date(createdAt.getTime() + 10_000);
      current = { ...current, version: current.version + 1, withdrawn: true, updatedAt: at.toISOString() };
      events.push({ topic: 'case-intake.case.withdrawn.v1', key: caseId, envelope: streamEnvelope('case-intake.case.withdrawn', 1, caseId, { withdrawnAt: at.toISOString(), case: current }, at) });
    }
  }
  if (options.withOldCreation) {
    const caseId = randomUUID();
    const at = new Date(start);
    const payload = { caseId, organisationCode, regionCode, incidentDate: `${year}-03-01`, reviewType: 'OTHER', createdAt: at.toISOString() };
    events.push({ topic: 'case-intake.case.created.v1', key: caseId, envelope: streamEnvelope('case-intake.case.created', 1, caseId, payload, at) });
  }
  return events;
}

/** The same events in another order (seeded Fisher-Yates), each of `repeatEvery` delivered twice. */
export function shuffledWithRedeliveries<T>(events: T[], random: () => number, repeatEvery = 3): T[] {
  const delivered = [...events, ...events.filter((_, index) => index % repeatEvery === 0)];
  for (let index = delivered.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [delivered[index], delivered[other]] = [delivered[other], delivered[index]];
  }
  return delivered;
}
