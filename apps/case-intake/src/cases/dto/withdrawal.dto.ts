import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class WithdrawalDto {
  @ApiProperty({ example: 'Recorded twice: the same incident is case 0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9e.', minLength: 1, maxLength: 2000, description: 'Why the case is withdrawn; no personal data' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
