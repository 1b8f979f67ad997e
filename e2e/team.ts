/**
 * A team studio for browser tests: a local OpenID provider (the `oidc-provider` package, its
 * own login page) on a loopback port, and a studio server that signs people in through it.
 * Nothing leaves the machine.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import Provider from 'oidc-provider';
import { launch } from './fixtures.ts';

/** A running provider and studio; `stop()` ends both. */
export interface TeamStudio {
  url: string;
  issuer: string;
  stop(): Promise<void>;
}

const CLIENT = { id: 'flopack-studio', secret: 'e2e-client-secret' };

/** Display names of the provider's test accounts; any other login gets its own name. */
const NAMES: Record<string, string> = {
  ada: 'Ada Admin',
  alice: 'Alice Editor',
  vic: 'Vic Viewer',
};

/** Starts the provider on a free loopback port, then a studio that trusts it. */
export async function startTeamStudio(
  defaultRole: 'viewer' | 'editor' = 'viewer',
): Promise<TeamStudio> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const http = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'studio-team-')), 'studio.sqlite');
  let studio: { child: ChildProcess; url: string };
  try {
    studio = await launch(dbFile, 0, {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      DEFAULT_ROLE: defaultRole,
    });
  } catch (e) {
    http.close();
    throw e;
  }
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${studio.url}/auth/callback`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The studio reads who signed in from the ID token.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({
        sub,
        email: `${sub}@example.com`,
        email_verified: true,
        name: NAMES[sub] ?? sub,
      }),
    }),
  });
  handle = provider.callback();
  return {
    url: studio.url,
    issuer,
    stop: async () => {
      studio.child.kill('SIGKILL');
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    },
  };
}

/** Blocks every request that would leave the machine (the provider's page links a web font). */
export async function offline(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}

/** Signs in through the provider's own login and consent pages; ends in the studio. */
export async function signIn(page: Page, team: TeamStudio, login: string): Promise<void> {
  await page.goto(team.url);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${team.issuer}/interaction/`));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${team.url}/`);
  await expect(page.getByText(`Signed in as ${NAMES[login] ?? login}`)).toBeVisible();
}
