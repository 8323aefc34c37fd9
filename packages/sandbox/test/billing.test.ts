import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxUser, startSandbox } from '../src/index.js';
import { call, createFleet, odata } from './support/api.js';

let sandbox: Sandbox;
let admin: SandboxUser;
let member: SandboxUser;
let stranger: SandboxUser;

const account = (organizationId: number, path = '') => `/billing/v1/account/${organizationId}${path}`;

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = await sandbox.createUser();
  member = await sandbox.createUser();
  stranger = await sandbox.createUser();
  await sandbox.addMembership({ user: member.id, organization: admin.organizationId, role: 'member' });
});
afterAll(() => sandbox.close());

/** Opens the billing account of an organization with a setup intent, as the dashboard does. */
async function addPaymentMethod(user: SandboxUser): Promise<unknown> {
  const intent = await call(sandbox, 'POST', account(user.organizationId, '/setup-intent'), {
    token: user.token,
    body: {},
  });
  expect(intent.status).toBe(200);
  const info = await call(sandbox, 'PATCH', account(user.organizationId, '/info'), {
    token: user.token,
    body: { token_id: intent.body.id, token_type: 'setup_intent' },
  });
  expect(info.status).toBe(200);
  return info.body;
}

describe('billing of an organization without a billing account (free)', () => {
  it('answers the free plan, no account, no billing info and no invoices', async () => {
    const user = await sandbox.createUser();
    const missing = await call(sandbox, 'GET', account(user.organizationId), { token: user.token });
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('Billing Account was not found.');
    const plan = await call(sandbox, 'GET', account(user.organizationId, '/plan'), { token: user.token });
    expect(plan.body).toEqual({
      title: 'Free',
      name: 'Free plan',
      code: 'free-monthly',
      tier: 'free',
      addOns: [],
      billing: {
        currency: 'USD',
        charges: [
          { itemType: 'plan', name: 'Free plan', code: 'free', unitCostCents: '0', quantity: '1' },
          { itemType: 'support', name: 'Community support', code: 'community', unitCostCents: '0', quantity: '1' },
        ],
        totalCostCents: '0',
      },
      support: { title: 'Community', name: 'Community support' },
    });
    expect((await call(sandbox, 'GET', account(user.organizationId, '/info'), { token: user.token })).body).toEqual({});
    expect((await call(sandbox, 'GET', account(user.organizationId, '/invoices'), { token: user.token })).body).toEqual(
      [],
    );
    const download = await call(sandbox, 'GET', account(user.organizationId, '/invoices/1000/download'), {
      token: user.token,
    });
    expect(download.status).toBe(404);
    const paid = await call(sandbox, 'PATCH', account(user.organizationId, '/plan'), {
      token: user.token,
      body: { tier: 'pilot', annual: false },
    });
    expect(paid.status).toBe(404);
  });

  it('refuses billing info without a token, with an empty one, or with another organization setup intent', async () => {
    const user = await sandbox.createUser();
    for (const body of [undefined, {}, { token_id: '' }]) {
      const answer = await call(sandbox, 'PATCH', account(user.organizationId, '/info'), { token: user.token, body });
      expect(answer.status).toBe(400);
    }
    const intent = await call(sandbox, 'POST', account(admin.organizationId, '/setup-intent'), { token: admin.token });
    const stolen = await call(sandbox, 'PATCH', account(user.organizationId, '/info'), {
      token: user.token,
      body: { token_id: intent.body.id, token_type: 'setup_intent' },
    });
    expect(stolen.status).toBe(400);
    expect((await call(sandbox, 'GET', account(user.organizationId), { token: user.token })).status).toBe(404);
  });
});

describe('billing of an organization with a payment method', () => {
  it('opens the account, changes plan, invoices it and serves the invoice as a valid PDF', async () => {
    const user = await sandbox.createUser();
    const card = (await addPaymentMethod(user)) as Record<string, string>;
    expect(card).toMatchObject({ type: 'card', card_type: 'Visa', last_four: '4242' });
    expect((await call(sandbox, 'GET', account(user.organizationId, '/info'), { token: user.token })).body).toEqual(
      card,
    );
    const info = await call(sandbox, 'GET', account(user.organizationId), { token: user.token });
    expect(info.body).toMatchObject({ email: user.email, account_state: 'active', address: {}, tax_id: null });

    const change = await call(sandbox, 'PATCH', account(user.organizationId, '/plan'), {
      token: user.token,
      body: { tier: 'pilot', annual: true, planChangeReason: 'growing' },
    });
    expect(change.status).toBe(200);
    const plan = await call(sandbox, 'GET', account(user.organizationId, '/plan'), { token: user.token });
    expect(plan.body).toMatchObject({ tier: 'pilot', code: 'pilot-annual', title: 'Pilot', intervalLength: '12' });
    expect(typeof plan.body.currentPeriodEndDate).toBe('string');
    expect(plan.body.billing.totalCostCents).toBe('99000');

    const invoices = await call(sandbox, 'GET', account(user.organizationId, '/invoices'), { token: user.token });
    expect(invoices.body).toHaveLength(1);
    const [invoice] = invoices.body;
    expect(invoice).toMatchObject({
      currency: 'USD',
      state: 'paid',
      total_in_cents: '99000',
      subtotal_in_cents: '99000',
    });
    expect(Object.keys(invoice).sort()).toEqual(
      [
        'closed_at',
        'created_at',
        'currency',
        'due_on',
        'invoice_number',
        'state',
        'subtotal_in_cents',
        'total_in_cents',
        'uuid',
      ].sort(),
    );

    const response = await fetch(
      `${sandbox.url}${account(user.organizationId, `/invoices/${invoice.invoice_number}/download`)}`,
      {
        headers: { Authorization: `Bearer ${user.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer()).toString('latin1');
    expect(Number(response.headers.get('content-length'))).toBe(pdf.length);
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf).toContain(`(Invoice ${invoice.invoice_number})`);
    // Every cross-reference entry points at its object, and startxref at the table.
    const startXref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(startXref, startXref + 4)).toBe('xref');
    const offsets = [...pdf.slice(startXref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    for (const [index, offset] of offsets.entries())
      expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true);

    // Another organization's invoice number is not found here.
    const other = await call(
      sandbox,
      'GET',
      account(admin.organizationId, `/invoices/${invoice.invoice_number}/download`),
      {
        token: admin.token,
      },
    );
    expect(other.status).toBe(404);
  });

  it('updates the account details, refusing an invalid email or an empty change', async () => {
    const user = await sandbox.createUser();
    await addPaymentMethod(user);
    const path = account(user.organizationId);
    expect((await call(sandbox, 'PATCH', path, { token: user.token, body: { email: '' } })).status).toBe(400);
    expect((await call(sandbox, 'PATCH', path, { token: user.token, body: {} })).status).toBe(400);
    expect((await call(sandbox, 'PATCH', path, { token: user.token })).status).toBe(400);
    const address = { address1: 'One London Wall', city: 'London', country: 'GB' };
    const updated = await call(sandbox, 'PATCH', path, {
      token: user.token,
      body: { email: 'hello@example.com', company_name: 'Acme', address, tax_id: { type: 'eu_vat', value: 'GB1' } },
    });
    expect(updated.status).toBe(200);
    expect((await call(sandbox, 'GET', path, { token: user.token })).body).toEqual({
      email: 'hello@example.com',
      account_state: 'active',
      company_name: 'Acme',
      address,
      tax_id: { type: 'eu_vat', value: 'GB1' },
    });
  });

  it('removes the payment method; a paid plan then needs a new one', async () => {
    const user = await sandbox.createUser();
    await addPaymentMethod(user);
    const removed = await call(sandbox, 'DELETE', account(user.organizationId, '/info'), { token: user.token });
    expect(removed.status).toBe(200);
    expect((await call(sandbox, 'GET', account(user.organizationId, '/info'), { token: user.token })).body).toEqual({});
    const paid = await call(sandbox, 'PATCH', account(user.organizationId, '/plan'), {
      token: user.token,
      body: { tier: 'production' },
    });
    expect(paid.status).toBe(400);
    const unknown = await call(sandbox, 'PATCH', account(user.organizationId, '/plan'), {
      token: user.token,
      body: { tier: 'platinum' },
    });
    expect(unknown.status).toBe(400);
  });
});

describe('billing access', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', ''],
    ['PATCH', '', { email: 'x@example.com' }],
    ['GET', '/plan'],
    ['PATCH', '/plan', { tier: 'free' }],
    ['GET', '/info'],
    ['PATCH', '/info', { token_id: 'tok_visa' }],
    ['DELETE', '/info'],
    ['POST', '/setup-intent', {}],
    ['GET', '/invoices'],
    ['GET', '/invoices/1000/download'],
  ];

  it('refuses a member who is not an administrator (403) on every route', async () => {
    for (const [method, path, body] of routes) {
      const answer = await call(sandbox, method, account(admin.organizationId, path), { token: member.token, body });
      expect(answer.status, `${method} ${path}`).toBe(403);
    }
    // The refused PATCH of the billing info opened no account.
    expect((await call(sandbox, 'GET', account(admin.organizationId), { token: admin.token })).status).toBe(404);
  });

  it('answers 404 to a user outside the organization and 401 without user credentials', async () => {
    const fleet = await createFleet(sandbox, admin.token, admin.organizationId, 'billing-fleet');
    const key = await call(sandbox, 'POST', `/api-key/application/${fleet.id}/provisioning`, {
      token: admin.token,
      body: {},
    });
    for (const [method, path, body] of routes) {
      const outsider = await call(sandbox, method, account(admin.organizationId, path), {
        token: stranger.token,
        body,
      });
      expect(outsider.status, `${method} ${path}`).toBe(404);
      expect((await call(sandbox, method, account(admin.organizationId, path), { body })).status).toBe(401);
      const viaKey = await call(sandbox, method, account(admin.organizationId, path), { token: key.body, body });
      expect(viaKey.status).toBe(401);
    }
    expect((await call(sandbox, 'GET', account(999_999, '/plan'), { token: admin.token })).status).toBe(404);
  });
});

describe('credit_bundle', () => {
  it('an administrator buys credits, paid with the payment method on file; members and strangers see none', async () => {
    await addPaymentMethod(admin);
    const features = await odata(
      sandbox,
      "feature?$select=id,slug&$filter=slug eq 'device:microservices'",
      admin.token,
    );
    expect(features.body.d).toEqual([{ id: 3, slug: 'device:microservices' }]);
    const bought = await call(sandbox, 'POST', '/v7/credit_bundle', {
      token: admin.token,
      body: { belongs_to__organization: admin.organizationId, is_for__feature: 3, original_quantity: 100 },
    });
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({
      payment_status: 'paid',
      original_quantity: 100,
      available_balance: 100,
      total_cost: 15_000,
      is_created_by__user: { __id: admin.id },
    });
    const mine = await odata(
      sandbox,
      `credit_bundle?$filter=belongs_to__organization eq ${admin.organizationId}`,
      admin.token,
    );
    expect(mine.body.d).toHaveLength(1);
    for (const other of [member, stranger]) {
      const listed = await odata(sandbox, 'credit_bundle', other.token);
      expect(listed.body.d).toEqual([]);
    }
  });

  it('refuses a purchase by a member, for another organization, or of a bad quantity', async () => {
    const member401 = await call(sandbox, 'POST', '/v7/credit_bundle', {
      token: member.token,
      body: { belongs_to__organization: admin.organizationId, is_for__feature: 1, original_quantity: 5 },
    });
    expect(member401.status).toBe(401);
    const foreign = await call(sandbox, 'POST', '/v7/credit_bundle', {
      token: stranger.token,
      body: { belongs_to__organization: admin.organizationId, is_for__feature: 1, original_quantity: 5 },
    });
    expect(foreign.status).toBe(401);
    const zero = await call(sandbox, 'POST', '/v7/credit_bundle', {
      token: admin.token,
      body: { belongs_to__organization: admin.organizationId, is_for__feature: 1, original_quantity: 0 },
    });
    expect(zero.status).toBe(400);
    const patched = await call(sandbox, 'PATCH', `/v7/credit_bundle?$filter=id gt 0`, {
      token: admin.token,
      body: { original_quantity: 1 },
    });
    expect(patched.status).toBe(401);
  });

  it('marks a purchase without a payment method as failed', async () => {
    const user = await sandbox.createUser();
    const bought = await call(sandbox, 'POST', '/v7/credit_bundle', {
      token: user.token,
      body: { belongs_to__organization: user.organizationId, is_for__feature: 1, original_quantity: 10 },
    });
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({ payment_status: 'failed', total_cost: 1000, total_balance: 0 });
  });
});

describe('billing in a data file', () => {
  it('keeps accounts, cards, plans and invoices across a restart', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sandbox-billing-'));
    try {
      const dataFile = join(directory, 'billing.db');
      const first = await startSandbox({ dataFile });
      const owner = first.superuser;
      const path = (suffix = '') => account(owner.organizationId, suffix);
      const intent = await call(first, 'POST', path('/setup-intent'), { token: owner.token });
      await call(first, 'PATCH', path('/info'), { token: owner.token, body: { token_id: intent.body.id } });
      await call(first, 'PATCH', path(), { token: owner.token, body: { email: 'kept@example.com' } });
      await call(first, 'PATCH', path('/plan'), { token: owner.token, body: { tier: 'production' } });
      const before = (await call(first, 'GET', path('/invoices'), { token: owner.token })).body;
      expect(before).toHaveLength(1);
      await first.close();

      const second = await startSandbox({ dataFile });
      const token = second.superuser.token;
      expect((await call(second, 'GET', path(), { token })).body).toMatchObject({ email: 'kept@example.com' });
      expect((await call(second, 'GET', path('/plan'), { token })).body).toMatchObject({ tier: 'production' });
      expect((await call(second, 'GET', path('/info'), { token })).body).toMatchObject({ card_type: 'Visa' });
      expect((await call(second, 'GET', path('/invoices'), { token })).body).toEqual(before);
      // Invoice numbers go on from where they were.
      await call(second, 'PATCH', path('/plan'), { token, body: { tier: 'pilot' } });
      const after = (await call(second, 'GET', path('/invoices'), { token })).body;
      expect(Number(after[0].invoice_number)).toBe(Number(before[0].invoice_number) + 1);
      await second.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
