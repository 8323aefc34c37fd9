import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Owner read and write only: the token file must not be readable by other users. */
export const FILE_MODE = 0o600;

const RENAME_ATTEMPTS = 5;
const RENAME_RETRY_DELAY_MS = 20;

/**
 * Writes a whole file so that readers see either the old or the new content, never a mix: the
 * text goes to a unique temporary file beside the target, is flushed to disk, then renamed over it.
 *
 * @param file - the target path
 * @param text - the new content
 * @throws the file system's error when writing fails; the temporary file is removed then
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temporary, 'wx', FILE_MODE);
    try {
      await handle.writeFile(text, 'utf8');
      // The mode given to open() is reduced by the umask; set it outright.
      await handle.chmod(FILE_MODE);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      // Windows refuses to replace a file another process has open for a moment; POSIX never does.
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (!transient || attempt >= RENAME_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_DELAY_MS * attempt));
    }
  }
}
