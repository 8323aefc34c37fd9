import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The smallest part balena's S3 handler accepts (`minimumMultipartUploadSize` default, 5 MiB). */
export const MINIMUM_PART_BYTES: number = 5 * 1024 * 1024;

/** The part size when a begin request names none (`defaultMultipartUploadSize` default, 10 MiB). */
export const DEFAULT_PART_BYTES: number = 10 * 1024 * 1024;

/** How long an upload stays open after it begins (pinejs's `multipart_upload.expiry_date`, 7 days). */
export const UPLOAD_TTL_MS: number = 7 * 24 * 60 * 60 * 1000;

/** How long a part URL works after it is issued (the S3 handler's signed URL lifetime, 24 h). */
export const PART_URL_TTL_MS: number = 24 * 60 * 60 * 1000;

/** The path part URLs hang off; the token after it is the whole permission. */
export const PART_PATH: string = '/webresources/parts';

/** One part of an upload: its size and, once received, the MD5 of its bytes. */
export interface UploadPart {
  partNumber: number;
  chunkSize: number;
  token: string;
  etag?: string;
}

/** What `begin` records (the checked begin payload). */
export interface BeginUpload {
  resource: string;
  field: string;
  resourceId: number;
  filename: string;
  contentType: string;
  size: number;
  chunkSize: number;
}

/** An upload begun with `beginUpload`; `status` follows pinejs's `multipart_upload` row. */
export interface ChunkedUpload extends BeginUpload {
  uuid: string;
  status: 'pending' | 'completed' | 'cancelled';
  expiresAt: number;
  partUrlsExpireAt: number;
  parts: UploadPart[];
}

/**
 * Uploads in progress and the bytes of their parts: on disk next to the data file
 * (`<data file>.webresources-parts/`), as whole files are, or in memory without one. Uploads
 * themselves are kept in memory only, so their parts are deleted when the sandbox closes (and, after
 * a crash, when it starts again on the same data file).
 */
export class ChunkedUploads {
  private readonly uploads = new Map<string, ChunkedUpload>();
  private readonly byToken = new Map<string, { upload: ChunkedUpload; part: UploadPart }>();
  private readonly memory = new Map<string, Buffer>();
  private readonly directory: string | undefined;

  constructor(dataFile: string | undefined) {
    this.directory = dataFile ? `${dataFile}.webresources-parts` : undefined;
    // Parts of uploads begun before a restart can never be committed.
    if (this.directory) rmSync(this.directory, { recursive: true, force: true });
  }

  /** Records a pending upload with its parts (ceil(size / chunk size), the last one shorter). */
  begin(payload: BeginUpload, now: number): ChunkedUpload {
    this.sweep(now);
    const parts: UploadPart[] = [];
    for (let offset = 0, partNumber = 1; offset < payload.size; offset += payload.chunkSize, partNumber++) {
      const token = randomBytes(32).toString('hex');
      parts.push({ partNumber, chunkSize: Math.min(payload.chunkSize, payload.size - offset), token });
    }
    const upload: ChunkedUpload = {
      ...payload,
      uuid: randomUUID(),
      status: 'pending',
      expiresAt: now + UPLOAD_TTL_MS,
      partUrlsExpireAt: now + PART_URL_TTL_MS,
      parts,
    };
    this.uploads.set(upload.uuid, upload);
    for (const part of parts) this.byToken.set(part.token, { upload, part });
    return upload;
  }

  /** The pending, unexpired upload `uuid` of that row, or undefined (pinejs's lookup in commit and cancel). */
  pending(uuid: string, resource: string, resourceId: number, now: number): ChunkedUpload | undefined {
    const upload = this.uploads.get(uuid);
    if (upload?.status !== 'pending' || upload.expiresAt <= now) return undefined;
    return upload.resource === resource && upload.resourceId === resourceId ? upload : undefined;
  }

  /** The upload and part a part URL's token stands for, or undefined for a token never issued. */
  partOf(token: string): { upload: ChunkedUpload; part: UploadPart } | undefined {
    return this.byToken.get(token);
  }

  /**
   * Stores the bytes of one part from `source`, a request whose Content-Length is `part.chunkSize`
   * (reading stops one byte past it); a later upload of the same part replaces it, as S3 does.
   * Returns the MD5 of the bytes, or undefined when they did not all arrive (nothing kept).
   */
  async savePart(upload: ChunkedUpload, part: UploadPart, source: Readable): Promise<string | undefined> {
    const name = `${upload.uuid}.${part.partNumber}`;
    const hash = createHash('md5');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > part.chunkSize) {
          done(new Error('part larger than declared'));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const temporary = `${name}.${randomUUID()}`;
    try {
      if (this.directory) {
        await mkdir(this.directory, { recursive: true });
        await pipeline(source, counter, createWriteStream(join(this.directory, temporary)));
      } else {
        const chunks: Buffer[] = [];
        await pipeline(source, counter, async (stream: AsyncIterable<Buffer>) => {
          for await (const chunk of stream) chunks.push(chunk);
        });
        this.memory.set(temporary, Buffer.concat(chunks));
      }
    } catch {
      // More bytes than the part holds, or a connection closed before its Content-Length was reached.
      await this.removeFile(temporary);
      return undefined;
    }
    // The upload may have been committed or cancelled while the bytes were arriving.
    if (upload.status !== 'pending') {
      await this.removeFile(temporary);
      return undefined;
    }
    await this.moveFile(temporary, name);
    part.etag = hash.digest('hex');
    return part.etag;
  }

  /** The bytes of `parts` of `upload`, one after another. */
  assemble(upload: ChunkedUpload, parts: readonly UploadPart[]): Readable {
    const open = (name: string): Readable =>
      this.directory ? createReadStream(join(this.directory, name)) : Readable.from([this.memory.get(name)!]);
    return Readable.from(
      (async function* () {
        for (const part of parts) yield* open(`${upload.uuid}.${part.partNumber}`);
      })(),
    );
  }

  /** Closes an upload (`completed` or `cancelled`): its parts are deleted and its URLs stop working. */
  async close(upload: ChunkedUpload, status: 'completed' | 'cancelled'): Promise<void> {
    upload.status = status;
    await Promise.all(upload.parts.map((part) => this.removeFile(`${upload.uuid}.${part.partNumber}`)));
  }

  /** Deletes the parts of every open upload (the sandbox is closing: none can be committed any more). */
  async dispose(): Promise<void> {
    this.uploads.clear();
    this.byToken.clear();
    this.memory.clear();
    if (this.directory) await rm(this.directory, { recursive: true, force: true });
  }

  /** Forgets uploads expired a day ago (their URLs answered 403 already) and deletes their parts. */
  private sweep(now: number): void {
    for (const upload of this.uploads.values()) {
      if (upload.expiresAt + PART_URL_TTL_MS > now) continue;
      this.uploads.delete(upload.uuid);
      for (const part of upload.parts) {
        this.byToken.delete(part.token);
        void this.removeFile(`${upload.uuid}.${part.partNumber}`);
      }
    }
  }

  private async moveFile(from: string, to: string): Promise<void> {
    if (this.directory) {
      await rename(join(this.directory, from), join(this.directory, to));
      return;
    }
    this.memory.set(to, this.memory.get(from)!);
    this.memory.delete(from);
  }

  private async removeFile(name: string): Promise<void> {
    this.memory.delete(name);
    if (this.directory) await rm(join(this.directory, name), { force: true });
  }
}
