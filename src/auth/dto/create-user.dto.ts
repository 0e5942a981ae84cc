import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role, ROLES } from '../user.entity';

export class CreateUserDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsIn(ROLES) role: Role;
  @IsOptional() @IsUUID() lawyerId?: string;
}
