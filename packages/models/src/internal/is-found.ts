/**
 * Turns a lookup into a yes/no answer: false when it fails with the model's NotFound error, its
 * result ignored otherwise; any other error (a malformed argument, a network failure) still throws,
 * so that "invalid" and "unreachable" are never reported as "missing".
 *
 * @param lookup - the pending lookup
 * @param notFound - the error class that means "no such row"
 * @returns whether the row exists
 * @throws whatever the lookup throws, except `notFound`
 * @example
 * ```ts
 * const exists = await isFound(getDevice(client, uuid, { $select: 'id' }), DeviceNotFound);
 * ```
 */
export async function isFound(
  lookup: Promise<unknown>,
  notFound: abstract new (...args: never[]) => Error,
): Promise<boolean> {
  try {
    await lookup;
    return true;
  } catch (error) {
    if (error instanceof notFound) return false;
    throw error;
  }
}
