import { PartialType } from '@nestjs/swagger';
import { CaseInputDto } from './case-input.dto.js';

/** The items to change (JSON merge: a field given replaces the case's value; `null` clears an optional one). */
export class CaseChangeDto extends PartialType(CaseInputDto) {}
