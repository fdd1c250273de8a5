import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ListReviewsQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9e', description: 'The reviews of one case' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'], example: 'open' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ type: Boolean, example: true, description: 'Only reviews past their running target (RAG red)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pastTarget?: boolean;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 200, example: 50, description: 'Page size (default 50)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d', description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}
