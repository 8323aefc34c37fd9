import { readdir, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkOptionsObject, InvalidOption, type KeyValueStorage } from '@balena-ts/core';
import { writeFileAtomically } from './atomic-write.js';
import { ensureDirectory } from './ensure-directory.js';
import { FILE_NAME_PREFIX, keyToFileName, TOKEN_FILE_NAME } from './file-name.js';

/** Options of {@link createFileStorage}. */
export interface FileStorageOptions {
  /** Where the files live; default `~/.balena`, the balena CLI's data directory. */
  dataDirectory?: string;
}

/** A `KeyValueStorage` on files, which can also say which file holds a key. */
export interface FileStorage extends KeyValueStorage {
  /** The absolute directory holding the files. */
  readonly directory: string;
  /**
   * The file that holds a key.
   *
   * @param key - a storage key
   * @returns the absolute path of the key's file
   */
  locate(key: string): string;
}

/**
 * Creates a storage that keeps one file per key in a data directory, compatible with the balena
 * CLI: the token is the raw text of `<dataDirectory>/token`, so a login made with the CLI works
 * here and the other way round. Files are written atomically (temporary file and rename) with mode
 * 0600; the directory is created with mode 0700.
 *
 * @param options - the data directory (default `~/.balena`)
 * @returns the file storage
 * @throws InvalidOption (from its methods) when a file cannot be read or written; the message
 *   names the file and the reason, never the contents; at once when `dataDirectory` is not a string
 * @throws InvalidParameter when `options` is not an object
 * @example
 * ```ts
 * const storage = createFileStorage({ dataDirectory: '/var/lib/my-app/balena' });
 * const client = createClient({ apiUrl: 'https://api.balena-cloud.com', storage });
 * ```
 */
export function createFileStorage(options: FileStorageOptions = {}): FileStorage {
  const { dataDirectory } = checkOptionsObject('options', options);
  if (dataDirectory !== undefined && typeof dataDirectory !== 'string') {
    throw new InvalidOption('Invalid option "dataDirectory": expected a directory path');
  }
  const directory = path.resolve(dataDirectory ?? path.join(os.homedir(), '.balena'));
  const locate = (key: string): string => path.join(directory, keyToFileName(key));

  return {
    directory,
    locate,
    async get(key) {
      const file = locate(key);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw fileError('read', file, error);
      }
      // Editors and `echo` leave a final newline after a token pasted by hand; a token never ends in one.
      return key === TOKEN_FILE_NAME ? text.replace(/\r?\n$/, '') : text;
    },
    async set(key, value) {
      const file = locate(key);
      try {
        await ensureDirectory(directory);
        await writeFileAtomically(file, value);
      } catch (error) {
        throw fileError('write', file, error);
      }
    },
    async remove(key) {
      const file = locate(key);
      try {
        await unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError('remove', file, error);
      }
    },
    async clear() {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw fileError('list', directory, error);
      }
      // Only this storage's files: the CLI keeps other things (its cache, ...) in the same directory.
      const owned = names.filter((name) => name === TOKEN_FILE_NAME || name.startsWith(FILE_NAME_PREFIX));
      for (const name of owned) {
        const file = path.join(directory, name);
        await unlink(file).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw fileError('remove', file, error);
        });
      }
    },
  };
}

function fileError(action: string, file: string, cause: unknown): InvalidOption {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new InvalidOption(`Could not ${action} ${file}${code ? ` (${code})` : ''}; it was left as it is.`, {
    cause,
  });
}
