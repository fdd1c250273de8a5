import type { OrganisationChangedV1 } from '@scrt/contracts';
import type { HierarchySnapshot } from './hierarchy-snapshot.js';

/** The whole state of one organisation through time, as the event carries it. */
export function organisationChangedPayload(snapshot: HierarchySnapshot, odsCode: string): OrganisationChangedV1 {
  const org = snapshot.organisations.find((candidate) => candidate.odsCode === odsCode);
  if (!org) throw new Error(`${odsCode} is not in the hierarchy`);
  return {
    odsCode,
    name: org.name,
    type: org.type,
    effectiveFrom: org.effectiveFrom,
    effectiveTo: org.effectiveTo,
    parentLinks: snapshot.parentLinks
      .filter((link) => link.childOdsCode === odsCode)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .map(({ parentOdsCode, effectiveFrom, effectiveTo }) => ({ parentOdsCode, effectiveFrom, effectiveTo })),
    predecessors: snapshot.successions
      .filter((succession) => succession.successorOdsCode === odsCode)
      .map((succession) => ({ odsCode: succession.predecessorOdsCode, effectiveFrom: succession.effectiveFrom })),
  };
}

/** The hierarchy from the latest event of each organisation (what a consumer's copy holds). */
export function snapshotOfLatestEvents(latest: Iterable<OrganisationChangedV1>): HierarchySnapshot {
  const snapshot: HierarchySnapshot = { organisations: [], parentLinks: [], successions: [] };
  for (const event of latest) {
    snapshot.organisations.push({ odsCode: event.odsCode, name: event.name, type: event.type, effectiveFrom: event.effectiveFrom, effectiveTo: event.effectiveTo ?? null });
    for (const link of event.parentLinks) snapshot.parentLinks.push({ childOdsCode: event.odsCode, parentOdsCode: link.parentOdsCode, effectiveFrom: link.effectiveFrom, effectiveTo: link.effectiveTo ?? null });
    for (const predecessor of event.predecessors) snapshot.successions.push({ predecessorOdsCode: predecessor.odsCode, successorOdsCode: event.odsCode, effectiveFrom: predecessor.effectiveFrom });
  }
  return snapshot;
}
