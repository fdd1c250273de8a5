import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { errors, type Interaction } from 'oidc-provider';
import { AccountDirectory } from '../accounts/account-directory.js';
import { NotTheSignedInAccountError, UnknownAccountError } from '../accounts/accounts.errors.js';
import type { DemoUser } from '../accounts/demo-accounts.js';
import { RoleSelections } from '../accounts/role-selections.js';
import { mustChooseRole, selectedRoleId } from '../accounts/selected-role.js';
import { chooseAccountPage, chooseRolePage } from '../pages/sign-in.pages.js';
import { OidcProviderHost } from '../provider/oidc-provider.host.js';
import { SignInExpiredError } from './sign-in.errors.js';

/** The raw Node.js request and response: oidc-provider keeps the interaction in cookies. */
export interface RawExchange {
  req: IncomingMessage;
  res: ServerResponse;
}

/** What the browser gets next: a page to fill in, or the way back to the provider. */
export type SignInStep = { page: string } | { redirectTo: string };

/**
 * The provider's login and consent prompts: pick a demo account, then a role when it holds more
 * than one. Consent is implied: every client that signs users in here is part of the tracker.
 */
@Injectable()
export class SignInInteraction {
  constructor(
    private readonly host: OidcProviderHost,
    private readonly directory: AccountDirectory,
    private readonly selections: RoleSelections,
  ) {}

  async start(exchange: RawExchange, uid: string): Promise<SignInStep> {
    const interaction = await this.interaction(exchange, uid);
    if (interaction.prompt.name === 'login') {
      return { page: chooseAccountPage(uid, this.directory.users, this.directory.organisations) };
    }
    return this.continueAs(exchange, interaction, this.signedInUser(interaction));
  }

  async chooseAccount(exchange: RawExchange, uid: string, username: string): Promise<SignInStep> {
    const interaction = await this.interaction(exchange, uid);
    return this.continueAs(exchange, interaction, this.chosenUser(interaction, username));
  }

  async chooseRole(exchange: RawExchange, uid: string, username: string, roleId: string): Promise<SignInStep> {
    const interaction = await this.interaction(exchange, uid);
    const user = this.chosenUser(interaction, username);
    return this.finish(exchange, interaction, user, selectedRoleId(user, roleId));
  }

  private async continueAs(exchange: RawExchange, interaction: Interaction, user: DemoUser): Promise<SignInStep> {
    if (mustChooseRole(user)) return { page: chooseRolePage(interaction.uid, user, this.directory.organisations) };
    return this.finish(exchange, interaction, user, selectedRoleId(user));
  }

  private async finish(exchange: RawExchange, interaction: Interaction, user: DemoUser, roleId: string | undefined): Promise<SignInStep> {
    const grantId = await this.grantRequestedAccess(interaction, user);
    this.selections.remember(grantId, roleId);
    const login = interaction.prompt.name === 'login' ? { accountId: user.nhsid_useruid } : undefined;
    return { redirectTo: await this.host.provider.interactionResult(exchange.req, exchange.res, { login, consent: { grantId } }) };
  }

  /** A new grant per sign-in, so that the role chosen now applies to the tokens it yields. */
  private async grantRequestedAccess(interaction: Interaction, user: DemoUser): Promise<string> {
    const { client_id, scope, resource } = interaction.params as { client_id: string; scope: string; resource?: string | string[] };
    const grant = new this.host.provider.Grant({ accountId: user.nhsid_useruid, clientId: client_id });
    grant.addOIDCScope(scope);
    for (const indicator of [resource ?? []].flat()) grant.addResourceScope(indicator, scope);
    return grant.save();
  }

  private chosenUser(interaction: Interaction, username: string): DemoUser {
    const user = this.directory.userByUsername(username);
    if (!user) throw new UnknownAccountError(username);
    if (interaction.prompt.name !== 'login' && user.nhsid_useruid !== interaction.session?.accountId) {
      throw new NotTheSignedInAccountError(username);
    }
    return user;
  }

  private signedInUser(interaction: Interaction): DemoUser {
    const user = interaction.session && this.directory.userById(interaction.session.accountId);
    if (!user) throw new SignInExpiredError();
    return user;
  }

  private async interaction(exchange: RawExchange, uid: string): Promise<Interaction> {
    try {
      const interaction = await this.host.provider.interactionDetails(exchange.req, exchange.res);
      if (interaction.uid === uid) return interaction;
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
    }
    throw new SignInExpiredError();
  }
}
