import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role, ROLES } from '../../common/actor';

export class CreateUserDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsIn(ROLES) role: Role;
  @IsOptional() @IsUUID() lawyerId?: string;
  /** court_clerk only: the court whose cases the clerk reads (the notices' `courtName`). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) courtName?: string;
  /** Login name for the console (unique). */
  @IsOptional() @IsString() @MaxLength(50) username?: string;
  /** At least 10 characters; stored as an argon2id hash. */
  @IsOptional() @IsString() @MaxLength(200) password?: string;
}

export class UpdateUserDto {
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @IsIn(ROLES) role?: Role;
  /** court_clerk only: moves the clerk to another court (null: not bound to one). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) courtName?: string | null;
  /** An admin's reset: the user must change it at the next sign-in. */
  @IsOptional() @IsString() @MaxLength(200) password?: string;
}
