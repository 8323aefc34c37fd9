import type { Navigation } from './navigation.js';
import type { ReleaseIdentifier } from './release.js';
import type { ReleaseReference } from './release-reference.js';

/** A file stored by balena (a web resource field): where to fetch it and what it is. */
export interface WebResourceFile {
  /** A URL the bytes are fetched from, without credentials (balena: a pre-signed S3 URL, valid for a while). */
  readonly href: string;
  /** The file name given at upload. */
  readonly filename: string;
  /** The media type given at upload. */
  readonly content_type: string;
  /** The size in bytes. */
  readonly size: number;
}

/** A file kept with a release under a key (v7 `release_asset`). */
export interface ReleaseAsset {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** When the row was last changed (ISO 8601). */
  readonly modified_at: string;
  /** The key, unique within the release. */
  readonly asset_key: string;
  /** The stored file, or null when none was uploaded yet. */
  readonly asset: WebResourceFile | null;
  /** The release it belongs to. */
  readonly release: Navigation<ReleaseReference>;
}

/** A release asset by id, or by its release (id, full commit or `{ application, rawVersion }`) and key. */
export type ReleaseAssetIdentifier =
  | number
  | {
      readonly release: ReleaseIdentifier;
      readonly asset_key: string;
    };

/** The bytes of a file to upload: a `File` keeps its name and type; other bytes are named after the key. */
export type ReleaseAssetContent = Blob | Uint8Array<ArrayBuffer> | ArrayBuffer;

/** What {@link ReleaseAssetUploadOptions.onUploadProgress} reports. */
export interface UploadProgress {
  /** The file's size in bytes. */
  readonly total: number;
  /** Bytes sent so far. */
  readonly uploaded: number;
}

/** Options of an asset upload. */
export interface ReleaseAssetUploadOptions {
  /** Replace the file of an existing asset with the same key; default false (ReleaseAssetAlreadyExists). */
  readonly overwrite?: boolean;
  /** Called before the file is sent (0 bytes) and once it is stored (all bytes), as balena-sdk does for single-request uploads. */
  readonly onUploadProgress?: (progress: UploadProgress) => void | Promise<void>;
  /** Aborts the lookups and the upload. */
  readonly signal?: AbortSignal;
}

/** A started asset download. */
export interface ReleaseAssetDownload {
  /** The file's bytes; read it (or `pipeTo` a file), `cancel()` it to stop. */
  readonly stream: ReadableStream<Uint8Array>;
  /** The size in bytes, when the server announced it. */
  readonly total: number | undefined;
  /** The media type given at upload. */
  readonly mimeType: string | undefined;
  /** The file name given at upload. */
  readonly fileName: string | undefined;
}
