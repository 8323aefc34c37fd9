import { type Client, InvalidParameter } from '@balena-ts/core';
import {
  checkDownloadOptions,
  type DownloadOptions,
  downloadClient,
  startedDownload,
} from '../internal/download-progress.js';
import { checkOrganizationArgument } from '../internal/organization.js';
import type { InvoiceDownload, InvoiceInfo } from '../types/billing.js';
import { billingAccountPath } from './account-path.js';

// Invoice numbers are short tokens; this keeps hostile values (path segments, control characters)
// out of the URL before anything is sent.
const MAX_INVOICE_NUMBER_LENGTH = 128;

function checkInvoiceNumber(invoiceNumber: string): string {
  const valid =
    typeof invoiceNumber === 'string' &&
    invoiceNumber.trim() === invoiceNumber &&
    invoiceNumber !== '' &&
    invoiceNumber !== '.' &&
    invoiceNumber !== '..' &&
    invoiceNumber.length <= MAX_INVOICE_NUMBER_LENGTH &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
    !/[\u0000-\u001f\u007f]/.test(invoiceNumber);
  if (!valid) throw new InvalidParameter('invoiceNumber', invoiceNumber, 'expected an invoice number');
  return invoiceNumber;
}

/**
 * Gets an organization's invoices, newest first.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @returns the invoices (none for an organization on the free plan)
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 403 for a member who is not an administrator
 * @example
 * ```ts
 * for (const invoice of await getInvoices(client, 'my-org')) console.log(invoice.invoice_number, invoice.state);
 * ```
 */
export async function getInvoices(client: Client, organization: string | number): Promise<InvoiceInfo[]> {
  return client.request<InvoiceInfo[]>(await billingAccountPath(client, organization, '/invoices'));
}

/**
 * Starts downloading one invoice as a PDF web stream, reporting progress as the consumer reads it.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @param invoiceNumber - the invoice's `invoice_number`
 * @param options - `onProgress` and `signal`
 * @returns the stream, its size, media type and suggested file name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization or invoice number, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 404 when the organization has no such invoice
 * @example
 * ```ts
 * const invoice = await downloadInvoice(client, 'my-org', '1000', {
 *   onProgress: ({ bytes, total }) => console.log(`${bytes} / ${total ?? '?'} bytes`),
 * });
 * await invoice.stream.pipeTo(Writable.toWeb(createWriteStream('invoice-1000.pdf')));
 * ```
 */
export async function downloadInvoice(
  client: Client,
  organization: string | number,
  invoiceNumber: string,
  options: DownloadOptions = {},
): Promise<InvoiceDownload> {
  checkOrganizationArgument(organization);
  const number = checkInvoiceNumber(invoiceNumber);
  checkDownloadOptions(options);
  const scoped = downloadClient(client, options);
  const path = await billingAccountPath(scoped, organization, `/invoices/${encodeURIComponent(number)}/download`);
  return startedDownload(await scoped.request.stream(path), options, scoped.signal);
}
