import type { Row } from '../store/row.js';
import type { RowLookup } from '../store/schema-types.js';

const VPN_CONTROL_NAMES = ['BALENA_SUPERVISOR_VPN_CONTROL', 'RESIN_SUPERVISOR_VPN_CONTROL'];

function isVpnDisabled(device: Row, lookup: RowLookup): boolean {
  const deviceVars = lookup.referencing('device_config_variable', 'device', device.id);
  for (const name of VPN_CONTROL_NAMES) {
    const found = deviceVars.find((variable) => variable.name === name);
    if (found) return found.value === 'false';
  }
  const applicationId = device.belongs_to__application as number | null;
  if (applicationId === null) return false;
  const applicationVars = lookup.referencing('application_config_variable', 'application', applicationId);
  for (const name of VPN_CONTROL_NAMES) {
    const found = applicationVars.find((variable) => variable.name === name);
    if (found) return found.value === 'false';
  }
  return false;
}

function isDownloading(install: Row): boolean {
  return (
    install.download_progress !== null && install.download_progress !== undefined && install.status === 'Downloading'
  );
}

/** The release a device should run: its pin, else its fleet's target. */
/**
 * A device that has never reached the API: balena-cloud registers devices inactive (`is_active`
 * false, `overall_status` `inactive`) and activates them at their first contact.
 */
export function isFirstContact(device: Row): boolean {
  return device.is_active === false && device.api_heartbeat_state === 'unknown' && !device.last_connectivity_event;
}

/** balena-cloud refuses to deactivate a device that is online. */
export const ONLINE_DEACTIVATION_MESSAGE = 'Devices must be offline in order to be deactivated.';

/** The release a device should run: its pin, else its fleet's target. */
export function targetReleaseId(device: Row, lookup: RowLookup): number | null {
  if (device.is_pinned_on__release !== null && device.is_pinned_on__release !== undefined) {
    return device.is_pinned_on__release as number;
  }
  const application = lookup.get('application', device.belongs_to__application as number);
  return (application?.should_be_running__release as number | null | undefined) ?? null;
}

/** `overall_status`, case by case as balena computes it (first match wins). */
export function overallStatus(device: Row, lookup: RowLookup): string {
  const vpn = device.is_connected_to_vpn === true;
  const heartbeat = device.api_heartbeat_state as string;
  const seen = heartbeat === 'online' || heartbeat === 'timeout';
  if (device.is_active === false) return 'inactive';
  if (device.provisioning_state === 'Post-Provisioning') return 'post-provisioning';
  if (!vpn && device.last_connectivity_event === null && heartbeat === 'unknown') return 'configuring';
  if (!vpn && (heartbeat === 'offline' || heartbeat === 'unknown')) return 'disconnected';
  if (seen && device.download_progress !== null && device.status === 'Downloading') return 'updating';
  if (device.provisioning_progress !== null && device.provisioning_progress !== undefined) return 'configuring';
  if (seen && lookup.referencing('image_install', 'device', device.id).some(isDownloading)) return 'updating';
  if (heartbeat === 'timeout') return 'reduced-functionality';
  if (vpn && heartbeat !== 'online') return 'reduced-functionality';
  if (!vpn && heartbeat === 'online' && !isVpnDisabled(device, lookup)) return 'reduced-functionality';
  return 'operational';
}

function isPreProvisioning(device: Row): boolean {
  return (
    device.is_connected_to_vpn !== true && !device.last_connectivity_event && device.api_heartbeat_state === 'unknown'
  );
}

/** `overall_progress`: an integer percentage or null, case by case as balena computes it (first match wins). */
export function overallProgress(device: Row, lookup: RowLookup): number | null {
  const vpn = device.is_connected_to_vpn === true;
  const heartbeat = device.api_heartbeat_state;
  const provisioning = (device.provisioning_progress as number | null | undefined) ?? null;
  if (device.is_active === false) return null;
  if (device.provisioning_state === 'Post-Provisioning') return provisioning;
  if (isPreProvisioning(device)) return provisioning;
  if (!vpn && (heartbeat === 'offline' || heartbeat === 'unknown')) return null;
  // A device downloading as a whole reports its own progress (whatever its heartbeat says).
  if (device.download_progress !== null && device.download_progress !== undefined && device.status === 'Downloading') {
    return device.download_progress as number;
  }
  if (provisioning !== null) return provisioning;
  const installs = lookup
    .referencing('image_install', 'device', device.id)
    .filter((install) => install.status !== 'deleted');
  if (!installs.some(isDownloading)) return null;
  // The average over the images being downloaded and those of the target release; no progress counts as done.
  const target = targetReleaseId(device, lookup);
  const counted = installs.filter(
    (install) => install.status === 'Downloading' || install.is_provided_by__release === target,
  );
  const total = counted.reduce((sum, install) => sum + ((install.download_progress as number | null) ?? 100), 0);
  return Math.round(total / counted.length);
}
