import { IsDateString, Length } from 'class-validator';

// In a *.dto.ts file so that the OpenAPI plugin documents the two query parameters.
const DATE = { message: '$property must be a date YYYY-MM-DD' };

export class FiguresQueryDto {
  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  from!: string;

  @IsDateString({ strict: true }, DATE)
  @Length(10, 10, DATE)
  to!: string;
}
