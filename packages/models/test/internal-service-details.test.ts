// withServiceDetails, which groups a device's expanded image installs by application and service,
// tested without a sandbox: the order of installs of one date, and installs whose image or release
// the API no longer answers.
import { describe, expect, it } from 'vitest';
import { type ExpandedInstall, withServiceDetails } from '../src/internal/service-details.js';

function install(id: number, installDate: string, withLinks = true): ExpandedInstall {
  return {
    id,
    download_progress: null,
    status: 'Running',
    install_date: installDate,
    installs__image: withLinks ? [{ id: 100 + id, is_a_build_of__service: [{ id: 7, service_name: 'main' }] }] : [],
    is_provided_by__release: withLinks
      ? [
          {
            id: 200 + id,
            commit: 'c'.repeat(32),
            raw_version: '1.0.0',
            belongs_to__application: [{ slug: 'admin/fleet' }],
          },
        ]
      : [],
  };
}

describe('withServiceDetails', () => {
  it('lists the newest install first, the higher id first among installs of one date', () => {
    const date = '2026-01-01T00:00:00.000Z';
    const details = withServiceDetails({
      image_install: [install(1, date), install(3, '2025-06-01T00:00:00.000Z'), install(2, date)],
    });
    expect(details.current_services.main?.map((each) => each.id)).toEqual([2, 1, 3]);
    expect(details.current_services_by_app['admin/fleet']?.main?.map((each) => each.id)).toEqual([2, 1, 3]);
  });

  it('files an install without its image and release under empty names', () => {
    const details = withServiceDetails({ image_install: [install(5, '2026-01-01T00:00:00.000Z', false)] });
    expect(Object.keys(details.current_services)).toEqual(['']);
    expect(Object.keys(details.current_services_by_app)).toEqual(['']);
    expect(details.current_services_by_app['']?.['']?.[0]).toMatchObject({ id: 5, service_id: undefined });
  });
});
