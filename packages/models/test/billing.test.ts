import { type Client, createClient, InvalidParameter, OrganizationNotFound, RequestError } from '@balena-ts/core';
import * as billing from '@balena-ts/models/billing';
import * as creditBundle from '@balena-ts/models/credit-bundle';
import * as organization from '@balena-ts/models/organization';
import type { SandboxUser } from '@balena-ts/sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

async function clientOf(user: SandboxUser): Promise<Client> {
  const client = createClient({ apiUrl: context.sandbox.url, retry: false });
  await client.tokens.set(user.token);
  return client;
}

async function statusOf(promise: Promise<unknown>): Promise<number | string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof RequestError) return error.status;
  return error === undefined ? 'resolved' : String((error as Error).name);
}

/** A fresh user with a card on file, through a setup intent as the dashboard does it. */
async function payingUser(): Promise<{ user: SandboxUser; client: Client }> {
  const user = await context.sandbox.createUser();
  const client = await clientOf(user);
  const intent = await billing.createSetupIntent(client, { organization: user.username });
  expect(intent.id).toMatch(/^seti_/);
  expect(typeof intent.client_secret).toBe('string');
  const card = await billing.updateBillingInfo(client, user.organizationId, {
    token_id: intent.id,
    token_type: 'setup_intent',
  });
  expect(card).toMatchObject({ type: 'card', card_type: 'Visa', last_four: '4242' });
  return { user, client };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('billing of a free organization', () => {
  it('has the free plan, no account, no payment method and no invoices', async () => {
    const user = await context.sandbox.createUser();
    const client = await clientOf(user);
    expect(await statusOf(billing.getAccount(client, user.username))).toBe(404);
    const plan = await billing.getPlan(client, user.organizationId);
    expect(plan).toMatchObject({ title: 'Free', name: 'Free plan', code: 'free-monthly', tier: 'free' });
    expect(plan.billing.totalCostCents).toBe('0');
    expect(await billing.getBillingInfo(client, user.username)).toEqual({});
    expect(await billing.getInvoices(client, user.username)).toEqual([]);
    expect(await statusOf(billing.downloadInvoice(client, user.username, '1000'))).toBe(404);
    expect(await statusOf(billing.changePlan(client, user.username, { tier: 'pilot', cycle: 'monthly' }))).toBe(404);
  });
});

describe('billing with a payment method', () => {
  it('changes plan, lists the invoice and downloads it as a PDF with progress', async () => {
    const { user, client } = await payingUser();
    expect(await billing.getAccount(client, user.username)).toMatchObject({
      account_state: 'active',
      email: user.email,
    });
    await billing.changePlan(client, user.username, { tier: 'prototype', cycle: 'monthly', planChangeReason: 'test' });
    const plan = await billing.getPlan(client, user.username);
    expect(plan).toMatchObject({ tier: 'prototype', code: 'prototype-monthly' });
    expect(typeof plan.currentPeriodEndDate).toBe('string');
    const [invoice, ...others] = await billing.getInvoices(client, user.organizationId);
    expect(others).toEqual([]);
    expect(invoice).toMatchObject({ state: 'paid', currency: 'USD', total_in_cents: plan.billing.totalCostCents });

    const progress: number[] = [];
    const download = await billing.downloadInvoice(client, user.username, invoice?.invoice_number as string, {
      onProgress: ({ bytes }) => progress.push(bytes),
    });
    expect(download.mimeType).toBe('application/pdf');
    expect(download.fileName).toBe(`invoice-${invoice?.invoice_number}.pdf`);
    const pdf = await readAll(download.stream);
    expect(pdf.length).toBe(download.total);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(progress.at(-1)).toBe(pdf.length);
  });

  it('updates the account details and removes the payment method', async () => {
    const { user, client } = await payingUser();
    await billing.updateAccountInfo(client, user.username, { email: 'billing@example.com', company_name: 'Acme' });
    expect(await billing.getAccount(client, user.username)).toMatchObject({
      email: 'billing@example.com',
      company_name: 'Acme',
    });
    expect(await statusOf(billing.updateAccountInfo(client, user.username, { email: '' }))).toBe(400);
    expect(await billing.removeBillingInfo(client, user.username)).toEqual({});
    expect(await billing.getBillingInfo(client, user.username)).toEqual({});
  });

  it('refuses a bad invoice number after the lookup only when the invoice does not exist', async () => {
    const { user, client } = await payingUser();
    expect(await statusOf(billing.downloadInvoice(client, user.username, 'notfound'))).toBe(404);
  });
});

describe('billing access', () => {
  let admin: SandboxUser;
  let memberClient: Client;
  let strangerClient: Client;

  beforeAll(async () => {
    admin = await context.sandbox.createUser();
    const member = await context.sandbox.createUser();
    await context.sandbox.addMembership({ user: member.id, organization: admin.organizationId, role: 'member' });
    memberClient = await clientOf(member);
    strangerClient = await clientOf(await context.sandbox.createUser());
  });

  it('refuses a member who is not an administrator (403) and hides the organization from others', async () => {
    const calls: ((client: Client) => Promise<unknown>)[] = [
      (client) => billing.getAccount(client, admin.organizationId),
      (client) => billing.getPlan(client, admin.organizationId),
      (client) => billing.getBillingInfo(client, admin.organizationId),
      (client) => billing.updateBillingInfo(client, admin.organizationId, { token_id: 'tok_visa' }),
      (client) => billing.removeBillingInfo(client, admin.organizationId),
      (client) => billing.createSetupIntent(client, { organization: admin.organizationId }),
      (client) => billing.updateAccountInfo(client, admin.organizationId, { email: 'x@example.com' }),
      (client) => billing.changePlan(client, admin.organizationId, { tier: 'free', cycle: 'monthly' }),
      (client) => billing.getInvoices(client, admin.organizationId),
      (client) => billing.downloadInvoice(client, admin.organizationId, '1000'),
    ];
    for (const call of calls) {
      expect(await statusOf(call(memberClient))).toBe(403);
      await expect(call(strangerClient)).rejects.toBeInstanceOf(OrganizationNotFound);
    }
  });

  it('refuses bad arguments before any request', async () => {
    context.recorder.reset();
    const { client } = context;
    const refusals: (() => Promise<unknown>)[] = [
      () => billing.getAccount(client, ''),
      () => billing.getPlan(client, -1),
      () => billing.getBillingInfo(client, 1.5),
      () => billing.updateBillingInfo(client, 'admin', { token_id: '' }),
      () => billing.updateBillingInfo(client, 'admin', undefined as never),
      () => billing.removeBillingInfo(client, 0),
      () => billing.createSetupIntent(client, { organization: '' }),
      () => billing.createSetupIntent(client, null as never),
      () => billing.updateAccountInfo(client, 'admin', 'email' as never),
      () => billing.changePlan(client, 'admin', { tier: '', cycle: 'monthly' }),
      () => billing.changePlan(client, 'admin', { tier: 'pilot', cycle: 'weekly' as never }),
      () => billing.getInvoices(client, Number.NaN),
      () => billing.downloadInvoice(client, 'admin', ''),
      () => billing.downloadInvoice(client, 'admin', '..'),
      () => billing.downloadInvoice(client, 'admin', '1000', { onProgress: 'x' as never }),
    ];
    for (const refusal of refusals) await expect(refusal()).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('billing plan cycles', () => {
  it('changes to an annual plan', async () => {
    const { user, client } = await payingUser();
    await billing.changePlan(client, user.username, { tier: 'prototype', cycle: 'annual' });
    expect(await billing.getPlan(client, user.username)).toMatchObject({ tier: 'prototype', intervalLength: '12' });
    await billing.changePlan(client, user.username, { tier: 'prototype', cycle: 'monthly' });
    expect(await billing.getPlan(client, user.username)).toMatchObject({ tier: 'prototype', intervalLength: '1' });
  });
});

describe('creditBundle', () => {
  it('buys credits for an organization with a card and lists them, newest first', async () => {
    const { user, client } = await payingUser();
    const first = await creditBundle.create(client, user.username, 3, 100);
    expect(first).toMatchObject({ payment_status: 'paid', original_quantity: 100, available_balance: 100 });
    const second = await creditBundle.create(client, user.organizationId, 1, 5);
    const listed = await creditBundle.getAllByOrg(client, user.username, { $select: ['id', 'original_quantity'] });
    expect(listed.map((bundle) => bundle.id).sort()).toEqual([first.id, second.id].sort());
    expect(await creditBundle.getAllByOrg(context.client, context.sandbox.superuser.username)).toEqual([]);
  });

  it("lists only the given organization's bundles to someone who administers two", async () => {
    const { user, client } = await payingUser();
    const bought = await creditBundle.create(client, user.username, 3, 10);
    const other = await organization.create(client, { name: uniqueName('Second') });
    expect(await creditBundle.getAllByOrg(client, other.id)).toEqual([]);
    expect((await creditBundle.getAllByOrg(client, user.username)).map((bundle) => bundle.id)).toEqual([bought.id]);
  });

  it('refuses a member who is not an administrator and hides the bundles from them', async () => {
    const { user, client } = await payingUser();
    await creditBundle.create(client, user.username, 3, 10);
    const member = await context.sandbox.createUser();
    await context.sandbox.addMembership({ user: member.id, organization: user.organizationId, role: 'member' });
    const memberClient = await clientOf(member);
    expect(await statusOf(creditBundle.create(memberClient, user.organizationId, 3, 10))).toBe(401);
    expect(await creditBundle.getAllByOrg(memberClient, user.organizationId)).toEqual([]);
    const stranger = await clientOf(await context.sandbox.createUser());
    await expect(creditBundle.getAllByOrg(stranger, user.organizationId)).rejects.toBeInstanceOf(OrganizationNotFound);
  });

  it('refuses bad arguments before any request', async () => {
    context.recorder.reset();
    const { client } = context;
    await expect(creditBundle.getAllByOrg(client, '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(creditBundle.getAllByOrg(client, 'admin', 3 as never)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(creditBundle.create(client, 'admin', 0, 10)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(creditBundle.create(client, 'admin', 3, 0)).rejects.toBeInstanceOf(InvalidParameter);
    await expect(creditBundle.create(client, 'admin', 3, 1.5)).rejects.toBeInstanceOf(InvalidParameter);
    expect(context.recorder.requests).toHaveLength(0);
  });
});
