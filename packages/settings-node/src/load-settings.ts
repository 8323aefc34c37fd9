import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ClientOptions, checkOptionsObject, InvalidOption } from '@balena-ts/core';
import { isSettingKey, parseSettingValue, type SettingKey, type SettingValue } from '@balena-ts/core/settings';
import { parseBalenarc } from './parse-balenarc.js';

/** Prefix of the environment variables the balena CLI reads its settings from. */
export const ENV_PREFIX = 'BALENARC_';

/** The CLI's settings file, in the home directory. */
export const BALENARC_FILE_NAME = '.balenarc.yml';

/** Where {@link loadSettings} reads from. */
export interface LoadSettingsOptions {
  /** Client options: they win over everything else. */
  options?: ClientOptions;
  /** Environment variables; default `process.env`. Only `BALENARC_*` ones are read. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The home directory holding `.balenarc.yml` and `.balena`; default `os.homedir()`. */
  homeDirectory?: string;
}

type Layer = Partial<Record<SettingKey, SettingValue>>;

// The CLI's camelCase names whose setting key (snake_case, as balena's Python SDK names it) is not
// simply their snake_case form.
const CLI_NAMES: Readonly<Record<string, SettingKey>> = { balenaUrl: 'balena_host', apiUrl: 'api_endpoint' };

/**
 * Reads settings the way the balena CLI does, so that both see the same balena: client options,
 * then `BALENARC_*` environment variables, then `~/.balenarc.yml`, then defaults (data directory
 * `~/.balena`). `balenaUrl` / `BALENARC_BALENA_URL` stand for the whole deployment and give the
 * API and dashboard URLs of their own layer.
 *
 * @param input - the options, environment and home directory to read
 * @returns the merged settings under their snake_case keys (`SettingKey`)
 * @throws InvalidOption when `.balenarc.yml` cannot be read or parsed, or a value does not fit
 *   its key; the message names the file (and line) or the variable, never a value; the file is
 *   left untouched; when `homeDirectory` is not a string
 * @throws InvalidParameter when `input`, `input.env` or `input.options` is not an object
 * @example
 * ```ts
 * const settings = loadSettings({ env: { BALENARC_BALENA_URL: 'balena-staging.com' } });
 * settings.api_endpoint; // 'https://api.balena-staging.com'
 * ```
 */
export function loadSettings(input: LoadSettingsOptions = {}): Record<string, SettingValue> {
  const { homeDirectory: givenHome, env, options } = checkOptionsObject('input', input);
  if (givenHome !== undefined && typeof givenHome !== 'string') {
    throw new InvalidOption('Invalid option "homeDirectory": expected a directory path');
  }
  const homeDirectory = givenHome ?? os.homedir();
  const defaults: Layer = { data_directory: path.join(homeDirectory, '.balena') };
  const layers = [
    defaults,
    readBalenarc(homeDirectory),
    readEnv(checkOptionsObject('env', env === undefined ? process.env : env), homeDirectory),
  ];
  layers.push(fromClientOptions(checkOptionsObject('options', options)));
  const merged: Layer = {};
  for (const layer of layers) Object.assign(merged, expandHost(layer));
  if (merged.cache_directory === undefined) {
    const dataDirectory = merged.data_directory;
    merged.cache_directory = typeof dataDirectory === 'string' ? path.join(dataDirectory, 'cache') : false;
  }
  return merged as Record<string, SettingValue>;
}

function readBalenarc(homeDirectory: string): Layer {
  const file = path.join(homeDirectory, BALENARC_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidOption(`Could not read ${file}${code ? ` (${code})` : ''}; it was left as it is.`, {
      cause: error,
    });
  }
  let entries: Record<string, string>;
  try {
    entries = parseBalenarc(text);
  } catch (error) {
    // The parser's message names a line number only, so it is safe to repeat.
    throw new InvalidOption(`${file} is not valid: ${(error as Error).message}; it was left as it is.`);
  }
  const layer: Layer = {};
  for (const [name, value] of Object.entries(entries))
    addSetting(layer, toSettingKey(name), value, file, homeDirectory);
  return layer;
}

function readEnv(env: Readonly<Record<string, string | undefined>>, homeDirectory: string): Layer {
  const layer: Layer = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || value === undefined) continue;
    const camel = name
      .slice(ENV_PREFIX.length)
      .toLowerCase()
      .replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    addSetting(layer, toSettingKey(camel), value, `environment variable ${name}`, homeDirectory);
  }
  return layer;
}

function fromClientOptions(options: ClientOptions): Layer {
  const layer: Layer = {};
  const copy = (key: SettingKey, value: SettingValue | undefined) => {
    if (value !== undefined) layer[key] = value;
  };
  copy('api_endpoint', options.apiUrl);
  copy('api_version', options.apiVersion);
  copy('data_directory', options.dataDirectory);
  copy('dashboard_url', options.dashboardUrl);
  copy('device_urls_base', options.deviceUrlsBase);
  copy('timeout', options.timeout);
  copy('retry', options.retry === false ? 0 : options.retry);
  copy('retry_delay', options.retryDelay);
  copy('request_batch_size', options.requestBatchSize);
  copy('token_refresh_interval', options.tokenRefreshInterval);
  return layer;
}

function toSettingKey(name: string): string {
  return CLI_NAMES[name] ?? name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function addSetting(layer: Layer, key: string, text: string, source: string, homeDirectory: string): void {
  // The CLI's files and environment hold many keys balena-ts has no use for (proxy, projects...).
  if (!isSettingKey(key) || text.trim() === '') return;
  const value = parseSettingValue(key, text.trim(), source);
  layer[key] = typeof value === 'string' && key.endsWith('_directory') ? expandHome(value, homeDirectory) : value;
}

function expandHome(directory: string, homeDirectory: string): string {
  if (directory === '~') return homeDirectory;
  return directory.startsWith('~/') ? path.join(homeDirectory, directory.slice(2)) : directory;
}

function expandHost(layer: Layer): Layer {
  const host = layer.balena_host;
  if (typeof host !== 'string') return layer;
  return { api_endpoint: `https://api.${host}`, dashboard_url: `https://dashboard.${host}`, ...layer };
}
