/** The reviews contract (`/api/v1/reviews`, openapi.json), as the pages read it. */
export interface StageEntry {
  stage: string;
  subStage: string | null;
  occurredOn: string;
  recordedAt: string;
  recordedBy: string;
}

export interface PausePeriod {
  reason: string;
  pausedOn: string;
  resumedOn: string | null;
}

export type Rag = 'green' | 'amber' | 'red';

export interface Clock {
  clock: string;
  startedOn: string;
  target: { amount: number; unit: string; startEvent: string };
  dueDate: string | null;
  pausedWorkingDays: number;
  metOn: string | null;
  workingDaysLeft: number | null;
  rag: Rag | null;
  slippageWorkingDays: number | null;
  problem: string | null;
}

export interface Review {
  id: string;
  caseId: string;
  organisationCode: string;
  regionCode: string;
  reviewType: string;
  stage: string;
  subStage: string | null;
  stageDate: string;
  status: 'open' | 'closed';
  convertedFromId: string | null;
  convertedToId: string | null;
  signedOffOn: string | null;
  publicationState: string | null;
  publishedOn: string | null;
  reportLink: string | null;
  embargoUntil: string | null;
  paused: boolean;
  pauseReason: string | null;
  stages: StageEntry[];
  pauses: PausePeriod[];
  clocks: Clock[];
  version: number;
}

export interface Action {
  id: string;
  recommendationId: string;
  reviewId: string;
  organisationCode: string;
  description: string;
  owner: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  evidenceText: string | null;
  evidenceLink: string | null;
  completedOn: string | null;
  version: number;
}

export interface SimilarRecommendation {
  id: string;
  reviewId: string;
  organisationCode: string;
  text: string;
  theme: string;
  status: string;
  implemented: boolean;
  similarity: number;
}

export interface Recommendation {
  id: string;
  reviewId: string;
  organisationCode: string;
  text: string;
  theme: string;
  agency: string;
  lead: string | null;
  dueDate: string | null;
  status: string;
  statusReason: string | null;
  learningEmbeddedOn: string | null;
  reAuditDue: string | null;
  reAuditOutcome: string | null;
  reAuditRecordedOn: string | null;
  actions: Action[];
  version: number;
}

export interface LearningItem {
  id: string;
  kind: 'contributory-factor' | 'lesson' | 'good-practice';
  code: string | null;
  text: string | null;
}

export interface Dissemination {
  id: string;
  method: string;
  audience: string;
  occurredOn: string;
  reached: number;
}

export interface ReviewLearning {
  contributoryFactors: LearningItem[];
  lessons: LearningItem[];
  goodPractice: LearningItem[];
  disseminations: Dissemination[];
}

export interface MyWork {
  reviews: Review[];
  overdueActions: Action[];
  reAuditsDue: Recommendation[];
}
