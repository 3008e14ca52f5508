import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResult, SessionUser } from '@outcomes/contracts';
import type { Request, Response } from 'express';
import { CurrentUser, Public, SecondTransaction, SignedIn } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginBodyGuard } from './login-body.guard';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard, LoginBodyGuard, AuthGuard('local'))
  @ApiOperation({ summary: 'Sign in: sets the httpOnly session cookie and answers the token (for scripts) and the user' })
  login(@Body() _body: LoginDto, @Req() req: Request & { user: AuthUser }, @Res({ passthrough: true }) res: Response): LoginResult {
    const token = this.auth.sign(req.user);
    setSessionCookie(res, token, this.auth.cookieMaxAgeMs, req.secure);
    return { token, user: this.auth.sessionUser(req.user) };
  }

  @Post('logout')
  @SignedIn()
  // endSessions runs on a connection of its own.
  @SecondTransaction()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends every session of the signed-in user, on every device' })
  async logout(@CurrentUser() user: AuthUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.endSessions(user.id);
    clearSessionCookie(res, req.secure);
  }

  @Get('me')
  @SignedIn()
  me(@CurrentUser() user: AuthUser): SessionUser {
    return this.auth.sessionUser(user);
  }
}
