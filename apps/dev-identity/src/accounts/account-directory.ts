import type { DemoAccounts, DemoClient, DemoUser } from './demo-accounts.js';

/** Look-ups over the demo accounts file. */
export class AccountDirectory {
  constructor(private readonly accounts: DemoAccounts) {}

  get users(): readonly DemoUser[] {
    return this.accounts.users;
  }

  get clients(): readonly DemoClient[] {
    return this.accounts.clients;
  }

  get organisations(): Readonly<Record<string, string>> {
    return this.accounts.organisations;
  }

  userByUsername(username: string): DemoUser | undefined {
    return this.accounts.users.find((user) => user.username === username);
  }

  /** Users are identified to clients (`sub`) by their CIS2 user id. */
  userById(nhsidUseruid: string): DemoUser | undefined {
    return this.accounts.users.find((user) => user.nhsid_useruid === nhsidUseruid);
  }

  client(clientId: string): DemoClient | undefined {
    return this.accounts.clients.find((client) => client.client_id === clientId);
  }
}
