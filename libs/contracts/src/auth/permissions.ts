/**
 * Tracker permissions. Roles (CIS2 workgroups or role codes) are mapped to these by
 * configuration (`config/role-permissions.json`), never in code.
 */
export const Permissions = {
  caseCreate: 'case:create',
  caseRead: 'case:read',
  caseUpdate: 'case:update',
  reportRead: 'report:read',
  reportExport: 'report:export',
  referenceDataRead: 'reference-data:read',
  referenceDataManage: 'reference-data:manage',
  /** Who looked at a case (its view log): the case's own ICB's data-input users and oversight. */
  caseViewLog: 'case:view-log',
} as const;

export type Permission = (typeof Permissions)[keyof typeof Permissions];
export const AllPermissions: Permission[] = Object.values(Permissions);
