import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.js';
import {
  billingChanged,
  changePlan,
  createSetupIntent,
  findBillingAccount,
  type Invoice,
  planOf,
  requireBillingAccount,
  setBillingInfo,
} from '../domain/billing-accounts.js';
import { planInfo } from '../domain/billing-plans.js';
import { invoicePdf } from '../domain/invoice-pdf.js';
import { messageError } from '../http/http-error.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { Router, SandboxRequest } from '../http/router.js';

const ACCOUNT = '/billing/v1/account/:organizationId';
const ADDRESS_FIELDS = ['address1', 'address2', 'city', 'state', 'zip', 'country', 'phone'] as const;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function objectBody(body: unknown): Record<string, unknown> | undefined {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

function publicInvoice({ description: _description, ...invoice }: Invoice): Omit<Invoice, 'description'> {
  return invoice;
}

/** Checks and applies a PATCH of the account details (balena-sdk's `updateAccountInfo`). */
function accountChanges(body: unknown): Record<string, unknown> {
  const changes = objectBody(body);
  if (!changes || Object.keys(changes).length === 0) throw messageError(400, 'No account information was given');
  if ('email' in changes && (typeof changes.email !== 'string' || !EMAIL_PATTERN.test(changes.email))) {
    throw messageError(400, 'The email is not a valid email address');
  }
  if ('company_name' in changes && typeof changes.company_name !== 'string') {
    throw messageError(400, 'The company name must be a string');
  }
  if ('address' in changes) {
    const address = objectBody(changes.address);
    const valid =
      address !== undefined &&
      Object.entries(address).every(
        ([name, value]) => (ADDRESS_FIELDS as readonly string[]).includes(name) && typeof value === 'string',
      );
    if (!valid) throw messageError(400, 'The address is not valid');
  }
  if ('tax_id' in changes && changes.tax_id !== null) {
    const taxId = objectBody(changes.tax_id);
    if (typeof taxId?.type !== 'string' || typeof taxId.value !== 'string') {
      throw messageError(400, 'The tax id needs a type and a value');
    }
  }
  return changes;
}

/**
 * The simulated billing service of balena-cloud (`/billing/v1/account/:organizationId/...`): plans,
 * payment methods, setup intents and invoices per organization, for its administrators only.
 * State: `domain/billing-accounts.ts`.
 */
export function registerBillingRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;

  /** The organization of the URL, for one of its administrators (user credentials only). */
  const administeredOrganization = (request: SandboxRequest): { organizationId: number; email: string } => {
    const actor = context.requireUser(context.authenticate(request));
    const access = context.access(actor);
    const organizationId = Number(request.params.organizationId);
    if (!Number.isSafeInteger(organizationId) || !access.organizations().has(organizationId)) {
      throw messageError(404, 'Organization not found');
    }
    // balena: administrators manage an organization's billing; members do not see it.
    if (!access.administeredOrganizations().has(organizationId)) {
      throw messageError(403, 'Only the administrators of an organization may manage its billing');
    }
    return { organizationId, email: String(store.get('user', actor.userId)?.email ?? '') };
  };

  const route = (
    method: string,
    path: string,
    handle: (
      organization: { organizationId: number; email: string },
      request: SandboxRequest,
      response: ServerResponse,
    ) => Promise<void> | void,
  ) => {
    router.add(method, `${ACCOUNT}${path}`, async (request, response) => {
      await handle(administeredOrganization(request), request, response);
    });
  };

  route('GET', '', ({ organizationId }, _request, response) => {
    const account = requireBillingAccount(store, organizationId);
    sendJson(response, 200, {
      email: account.email,
      account_state: 'active',
      company_name: account.company_name,
      address: account.address,
      tax_id: account.tax_id,
    });
  });

  route('PATCH', '', async ({ organizationId }, request, response) => {
    const account = requireBillingAccount(store, organizationId);
    const changes = accountChanges(await request.body());
    if (typeof changes.email === 'string') account.email = changes.email;
    if (typeof changes.company_name === 'string') account.company_name = changes.company_name;
    if (changes.address !== undefined) account.address = { ...account.address, ...(changes.address as object) };
    if ('tax_id' in changes) account.tax_id = changes.tax_id as typeof account.tax_id;
    billingChanged(store);
    sendEmpty(response, 200);
  });

  route('GET', '/plan', ({ organizationId }, _request, response) => {
    sendJson(
      response,
      200,
      planInfo(planOf(store, organizationId), findBillingAccount(store, organizationId) !== undefined),
    );
  });

  route('PATCH', '/plan', async ({ organizationId }, request, response) => {
    const body = objectBody(await request.body());
    if (typeof body?.tier !== 'string' || body.tier === '') throw messageError(400, 'A plan tier is required');
    changePlan(store, organizationId, body.tier, body.annual === true ? 'annual' : 'monthly');
    sendEmpty(response, 200);
  });

  route('GET', '/info', ({ organizationId }, _request, response) => {
    sendJson(response, 200, findBillingAccount(store, organizationId)?.billingInfo ?? {});
  });

  route('PATCH', '/info', async ({ organizationId, email }, request, response) => {
    const body = objectBody(await request.body());
    if (typeof body?.token_id !== 'string' || body.token_id.trim() === '') {
      throw messageError(400, 'A token_id is required');
    }
    sendJson(
      response,
      200,
      setBillingInfo(store, organizationId, { token_id: body.token_id, token_type: body.token_type }, email),
    );
  });

  route('DELETE', '/info', ({ organizationId }, _request, response) => {
    const account = requireBillingAccount(store, organizationId);
    account.billingInfo = undefined;
    billingChanged(store);
    sendJson(response, 200, {});
  });

  route('POST', '/setup-intent', ({ organizationId }, _request, response) => {
    sendJson(response, 200, createSetupIntent(store, organizationId));
  });

  route('GET', '/invoices', ({ organizationId }, _request, response) => {
    sendJson(response, 200, (findBillingAccount(store, organizationId)?.invoices ?? []).map(publicInvoice));
  });

  route('GET', '/invoices/:invoiceNumber/download', ({ organizationId }, request, response) => {
    const number = String(request.params.invoiceNumber);
    const invoice = findBillingAccount(store, organizationId)?.invoices.find(
      (candidate) => candidate.invoice_number === number,
    );
    if (!invoice) throw messageError(404, 'Invoice not found');
    const organization = store.get('organization', organizationId);
    const pdf = invoicePdf({
      title: `Invoice ${invoice.invoice_number}`,
      lines: [
        `Organization: ${String(organization?.name ?? organizationId)}`,
        `Date: ${invoice.created_at.slice(0, 10)}`,
        invoice.description,
        `Total: ${(Number(invoice.total_in_cents) / 100).toFixed(2)} ${invoice.currency}`,
        `State: ${invoice.state}`,
        'Simulated by the balena-ts sandbox: not a real invoice.',
      ],
    });
    response.writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Length': pdf.length,
      'Content-Disposition': `attachment; filename="invoice-${invoice.invoice_number}.pdf"`,
    });
    response.end(pdf);
  });
}
