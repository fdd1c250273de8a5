import { IsNotEmpty, IsString } from 'class-validator';
import { ChooseAccountForm } from './choose-account.form.js';

export class ChooseRoleForm extends ChooseAccountForm {
  @IsString() @IsNotEmpty() roleId: string;
}
