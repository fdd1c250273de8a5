import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class WithdrawalDto {
  @ApiProperty({ example: 'Recorded twice: the same incident is already recorded.', minLength: 1, maxLength: 2000, description: 'Why the case is withdrawn; no personal data' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
