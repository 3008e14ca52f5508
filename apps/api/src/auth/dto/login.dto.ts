import type { LoginInput } from '@outcomes/contracts';
import { IsString, Length, MaxLength } from 'class-validator';

export class LoginDto implements LoginInput {
  @IsString()
  @Length(3, 254)
  email!: string;

  @IsString()
  @Length(1, 256)
  @MaxLength(256)
  password!: string;
}
