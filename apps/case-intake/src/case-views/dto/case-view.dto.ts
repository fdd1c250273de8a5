import { ApiProperty } from '@nestjs/swagger';

const AUDITED_ACTIONS = ['create', 'read', 'update', 'list', 'export'];
const OUTCOMES = ['success', 'denied', 'not-found', 'refused'];

/** One access to a case, from the audit trail. */
export class CaseViewDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:15:02.123Z', description: 'When' })
  at: string;

  @ApiProperty({ type: 'string', nullable: true, example: '555000000001', description: 'Who: the user (`nhsid_useruid`) or the client id' })
  actorSubject: string | null;

  @ApiProperty({ type: 'string', nullable: true, enum: ['user', 'client'], example: 'user', description: 'A person or a machine client' })
  actorKind: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '555000000101', description: 'The role they acted in (`person_roleid`), for users' })
  actorRoleId: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'QWO', description: 'The organisation they acted for' })
  actorOrganisationCode: string | null;

  @ApiProperty({ enum: AUDITED_ACTIONS, example: 'read', description: '`read` (the case or its history), `list` (returned by a list or search), `create`, `update` (a change or the withdrawal), `export`' })
  action: string;

  @ApiProperty({ enum: OUTCOMES, example: 'success', description: 'Whether they got the case' })
  outcome: string;
}

export class CaseViewLogDto {
  @ApiProperty({ type: [CaseViewDto], description: 'Newest first, at most 1000 (`truncated` says when there were more)' })
  items: CaseViewDto[];

  @ApiProperty({ example: false, description: 'True when older entries were left out' })
  truncated: boolean;
}
