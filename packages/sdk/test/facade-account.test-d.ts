// The account functions of balena-sdk 23 (issue 15) on the facade: each method has the module
// function's parameters after the client and its result.

import type * as apiKeyModule from '@balena-ts/models/api-key';
import type * as applicationModule from '@balena-ts/models/application';
import type * as billingModule from '@balena-ts/models/billing';
import type * as creditBundleModule from '@balena-ts/models/credit-bundle';
import { describe, expectTypeOf, test } from 'vitest';
import type { Balena } from '../src/index.js';

declare const balena: Balena;
type AfterClient<P> = P extends [unknown, ...infer Rest] ? Rest : never;

describe('balena.models.application', () => {
  test('getAllDirectlyAccessible', () => {
    expectTypeOf<Parameters<typeof balena.models.application.getAllDirectlyAccessible>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.getAllDirectlyAccessible>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.getAllDirectlyAccessible>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.getAllDirectlyAccessible>
    >();
  });
  test('getDirectlyAccessible', () => {
    expectTypeOf<Parameters<typeof balena.models.application.getDirectlyAccessible>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.getDirectlyAccessible>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.getDirectlyAccessible>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.getDirectlyAccessible>
    >();
  });
  test('getAppByName', () => {
    expectTypeOf<Parameters<typeof balena.models.application.getAppByName>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.getAppByName>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.getAppByName>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.getAppByName>
    >();
  });
  test('getWithDeviceServiceDetails', () => {
    expectTypeOf<Parameters<typeof balena.models.application.getWithDeviceServiceDetails>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.getWithDeviceServiceDetails>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.getWithDeviceServiceDetails>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.getWithDeviceServiceDetails>
    >();
  });
  test('willTrackNewReleases', () => {
    expectTypeOf<Parameters<typeof balena.models.application.willTrackNewReleases>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.willTrackNewReleases>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.willTrackNewReleases>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.willTrackNewReleases>
    >();
  });
  test('rename', () => {
    expectTypeOf<Parameters<typeof balena.models.application.rename>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.rename>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.rename>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.rename>
    >();
  });
  test('purge', () => {
    expectTypeOf<Parameters<typeof balena.models.application.purge>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.purge>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.purge>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.purge>
    >();
  });
  test('reboot', () => {
    expectTypeOf<Parameters<typeof balena.models.application.reboot>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.reboot>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.reboot>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.reboot>
    >();
  });
  test('shutdown', () => {
    expectTypeOf<Parameters<typeof balena.models.application.shutdown>>().toEqualTypeOf<
      AfterClient<Parameters<typeof applicationModule.shutdown>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.application.shutdown>>().toEqualTypeOf<
      ReturnType<typeof applicationModule.shutdown>
    >();
  });
});

describe('balena.models.apiKey', () => {
  test('getAllNamedUserApiKeys', () => {
    expectTypeOf<Parameters<typeof balena.models.apiKey.getAllNamedUserApiKeys>>().toEqualTypeOf<
      AfterClient<Parameters<typeof apiKeyModule.getAllNamedUserApiKeys>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.apiKey.getAllNamedUserApiKeys>>().toEqualTypeOf<
      ReturnType<typeof apiKeyModule.getAllNamedUserApiKeys>
    >();
  });
  test('getProvisioningApiKeysByApplication', () => {
    expectTypeOf<Parameters<typeof balena.models.apiKey.getProvisioningApiKeysByApplication>>().toEqualTypeOf<
      AfterClient<Parameters<typeof apiKeyModule.getProvisioningApiKeysByApplication>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.apiKey.getProvisioningApiKeysByApplication>>().toEqualTypeOf<
      ReturnType<typeof apiKeyModule.getProvisioningApiKeysByApplication>
    >();
  });
  test('getDeviceApiKeysByDevice', () => {
    expectTypeOf<Parameters<typeof balena.models.apiKey.getDeviceApiKeysByDevice>>().toEqualTypeOf<
      AfterClient<Parameters<typeof apiKeyModule.getDeviceApiKeysByDevice>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.apiKey.getDeviceApiKeysByDevice>>().toEqualTypeOf<
      ReturnType<typeof apiKeyModule.getDeviceApiKeysByDevice>
    >();
  });
  test('update', () => {
    expectTypeOf<Parameters<typeof balena.models.apiKey.update>>().toEqualTypeOf<
      AfterClient<Parameters<typeof apiKeyModule.update>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.apiKey.update>>().toEqualTypeOf<
      ReturnType<typeof apiKeyModule.update>
    >();
  });
});

describe('balena.models.billing', () => {
  test('getAccount', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.getAccount>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.getAccount>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.getAccount>>().toEqualTypeOf<
      ReturnType<typeof billingModule.getAccount>
    >();
  });
  test('getPlan', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.getPlan>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.getPlan>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.getPlan>>().toEqualTypeOf<
      ReturnType<typeof billingModule.getPlan>
    >();
  });
  test('getBillingInfo', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.getBillingInfo>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.getBillingInfo>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.getBillingInfo>>().toEqualTypeOf<
      ReturnType<typeof billingModule.getBillingInfo>
    >();
  });
  test('updateBillingInfo', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.updateBillingInfo>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.updateBillingInfo>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.updateBillingInfo>>().toEqualTypeOf<
      ReturnType<typeof billingModule.updateBillingInfo>
    >();
  });
  test('removeBillingInfo', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.removeBillingInfo>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.removeBillingInfo>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.removeBillingInfo>>().toEqualTypeOf<
      ReturnType<typeof billingModule.removeBillingInfo>
    >();
  });
  test('createSetupIntent', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.createSetupIntent>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.createSetupIntent>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.createSetupIntent>>().toEqualTypeOf<
      ReturnType<typeof billingModule.createSetupIntent>
    >();
  });
  test('updateAccountInfo', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.updateAccountInfo>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.updateAccountInfo>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.updateAccountInfo>>().toEqualTypeOf<
      ReturnType<typeof billingModule.updateAccountInfo>
    >();
  });
  test('changePlan', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.changePlan>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.changePlan>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.changePlan>>().toEqualTypeOf<
      ReturnType<typeof billingModule.changePlan>
    >();
  });
  test('getInvoices', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.getInvoices>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.getInvoices>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.getInvoices>>().toEqualTypeOf<
      ReturnType<typeof billingModule.getInvoices>
    >();
  });
  test('downloadInvoice', () => {
    expectTypeOf<Parameters<typeof balena.models.billing.downloadInvoice>>().toEqualTypeOf<
      AfterClient<Parameters<typeof billingModule.downloadInvoice>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.billing.downloadInvoice>>().toEqualTypeOf<
      ReturnType<typeof billingModule.downloadInvoice>
    >();
  });
});

describe('balena.models.creditBundle', () => {
  test('getAllByOrg', () => {
    expectTypeOf<Parameters<typeof balena.models.creditBundle.getAllByOrg>>().toEqualTypeOf<
      AfterClient<Parameters<typeof creditBundleModule.getAllByOrg>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.creditBundle.getAllByOrg>>().toEqualTypeOf<
      ReturnType<typeof creditBundleModule.getAllByOrg>
    >();
  });
  test('create', () => {
    expectTypeOf<Parameters<typeof balena.models.creditBundle.create>>().toEqualTypeOf<
      AfterClient<Parameters<typeof creditBundleModule.create>>
    >();
    expectTypeOf<ReturnType<typeof balena.models.creditBundle.create>>().toEqualTypeOf<
      ReturnType<typeof creditBundleModule.create>
    >();
  });
});
