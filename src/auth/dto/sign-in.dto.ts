import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @IsString() @IsNotEmpty() @MaxLength(50) username: string;
  @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class ChangePasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(200) current: string;
  @IsString() @IsNotEmpty() @MaxLength(200) next: string;
}
