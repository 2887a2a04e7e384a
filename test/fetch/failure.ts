/** For the fetch tests: the FetchError a fetch fails with (any other error is rethrown). */
import { FetchError } from '../../src/model/errors.js';

export async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError, but the fetch succeeded');
}
