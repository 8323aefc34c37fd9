// The host OS update of one device: offer the recommended balenaOS version, start the update,
// and draw its progress (download, install, reboot) until the device runs the new version.
import type { Balena } from '@balena-ts/sdk';

/** The elements the update draws on. */
export interface OsUpdateView {
  button: HTMLButtonElement;
  progress: HTMLProgressElement;
  text: HTMLElement;
}

/**
 * Shows the update button when balena offers the device a newer balenaOS of its line, labelled
 * with that version; hides it otherwise. Clears the progress of an earlier device's update.
 *
 * @returns the version offered, if any
 */
export async function offerOsUpdate(
  balena: Balena,
  deviceType: string,
  currentOsVersion: string,
  view: OsUpdateView,
): Promise<string | undefined> {
  view.button.hidden = true;
  view.progress.value = 0;
  view.text.textContent = '';
  if (!currentOsVersion) return undefined;
  const { recommended } = await balena.models.os.getSupportedOsUpdateVersions(deviceType, currentOsVersion, {
    osType: 'default',
  });
  if (recommended === undefined) return undefined;
  view.button.textContent = `Update balenaOS to ${recommended}`;
  view.button.hidden = false;
  return recommended;
}

/** Starts the update and follows it to the end; resolves with the version the device then runs. */
export async function updateOs(balena: Balena, uuid: string, version: string, view: OsUpdateView): Promise<string> {
  view.button.disabled = true;
  try {
    await balena.models.device.startOsUpdate(uuid, version);
    document.body.dataset.osUpdate = 'started';
    const outcome = await balena.models.device.waitForOsUpdate(uuid, {
      pollIntervalMs: 250,
      onProgress: ({ state, percentage, isOnline }) => {
        view.progress.max = 100;
        view.progress.value = percentage ?? 0;
        view.text.textContent = isOnline ? `${percentage ?? 0}% ${state ?? ''}` : 'rebooting into the new OS';
      },
    });
    view.progress.value = 100;
    view.text.textContent = `now runs ${outcome.os_version}`;
    document.body.dataset.osUpdate = 'done';
    return String(outcome.os_version);
  } finally {
    view.button.disabled = false;
  }
}
