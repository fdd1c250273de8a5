import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class OdsCodeParam {
  @ApiProperty({ example: 'QWO' })
  @Matches(/^[A-Z0-9]{3,5}$/, { message: 'odsCode must be an ODS code (3 to 5 capital letters and digits)' })
  odsCode: string;
}
