// The balenaOS image download with a progress bar, from the facade's progress callback.
import type { Balena } from '@balena-ts/sdk';

/** The elements the download draws on. */
export interface DownloadView {
  progress: HTMLProgressElement;
  text: HTMLElement;
  save: HTMLAnchorElement;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Downloads the latest balenaOS image for the fleet's device type, drawing bytes received / total.
 * The image ends up as a Blob behind a "Save" link: fine for the sandbox's small images; for real
 * ones (hundreds of MB) a page would rather stream to a file (File System Access API).
 */
export async function downloadOsImage(balena: Balena, fleetId: number, view: DownloadView): Promise<void> {
  view.save.hidden = true;
  const image = await balena.models.deviceOs.download(
    { appId: fleetId, version: 'latest' },
    {
      onProgress: ({ bytes, total }) => {
        const percent = total ? Math.floor((bytes / total) * 100) : 0;
        view.progress.max = total ?? 0;
        view.progress.value = bytes;
        view.text.textContent = `${megabytes(bytes)}${total ? ` / ${megabytes(total)} (${percent}%)` : ''}`;
        document.body.dataset.download = String(percent);
      },
    },
  );
  // Reading the stream is what downloads it (and what drives onProgress).
  const blob = await new Response(image.stream).blob();
  view.save.href = URL.createObjectURL(blob);
  view.save.download = image.fileName ?? `balena-${image.deviceType}-${image.version}.img`;
  view.save.textContent = `Save balenaOS ${image.version}`;
  view.save.hidden = false;
}
