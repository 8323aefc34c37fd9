// Third round for Stryker's survivors in core's part 'state': the excerpt of a malformed streamed
// answer cut inside a piece, the API URL's trailing slashes in derived settings, and an empty
// api_endpoint that leaves the URL to balena_host.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, RequestError, streamCollection } from '../src/index.js';
import { deriveSettings, toClientOptions } from '../src/settings.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a malformed streamed answer', () => {
  it('keeps its first 200 characters when they end inside a piece', async () => {
    const answer = `{"d":[${'{"id":1},'.repeat(40)}{"id":oops}]}`;
    server = await startTestServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      for (let index = 0; index < answer.length; index += 70) {
        response.write(answer.slice(index, index + 70));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      response.end();
    });
    const client = createClient({ apiUrl: server.url, retry: 0 });
    const error = (await streamCollection(client, { resource: 'device' })
      .toArray()
      .catch((caught: unknown) => caught)) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.method).toBe('GET');
    expect(error.body).toBe(answer.slice(0, 200));
  });
});

describe('settings and URLs', () => {
  it('derives the pine endpoint from an API URL without its trailing slashes', () => {
    const config = createClient({ apiUrl: 'https://api.example.com' }).config;
    const settings = deriveSettings({ ...config, apiUrl: 'https://api.example.com///' } as never);
    expect(settings.pine_endpoint).toBe(`https://api.example.com/${config.apiVersion}/`);
    expect(settings.api_endpoint).toBe('https://api.example.com///');
  });

  it('takes the API URL from balena_host when api_endpoint is empty', () => {
    expect(toClientOptions({ balena_host: 'example.com', api_endpoint: '', dashboard_url: '' })).toStrictEqual({
      apiUrl: 'https://api.example.com',
      dashboardUrl: 'https://dashboard.example.com',
    });
  });
});
