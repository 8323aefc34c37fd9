import { mkdir } from 'node:fs/promises';

/** Owner-only access to the data directory, which holds the token. */
export const DIRECTORY_MODE = 0o700;

/**
 * Creates a directory (and its parents) with mode 0700 if it does not exist yet. An existing
 * directory keeps its mode: it may be the CLI's, and changing it behind the user's back would surprise.
 *
 * @param directory - the directory
 * @throws the file system's error when it cannot be created
 */
export async function ensureDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: DIRECTORY_MODE });
}
