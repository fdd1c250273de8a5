import { IsNotEmpty, IsString } from 'class-validator';

export class ChooseAccountForm {
  @IsString() @IsNotEmpty() username: string;
}
