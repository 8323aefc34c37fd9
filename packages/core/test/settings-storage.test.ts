import { createMemoryStorage } from '@balena-ts/core';
import { runStorageConformance } from '@balena-ts/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';

// The settings entry point stores its values through KeyValueStorage; the memory storage is the
// one it gets when nothing else is configured, so it runs the same suite as file and browser storage.
runStorageConformance('memory storage', () => createMemoryStorage(), { describe, it, expect, beforeEach });
