/** Helpers the Office.js tests share: the HostError a call rejects with, and a fake cell by A1 address. */
import { parseA1 } from '../../src/core/a1';
import { HostError } from '../../src/host/types';
import type { FakeExcel } from './fakeExcel';

/** The HostError `p` rejects with (the test fails when it resolves or rejects with anything else). */
export async function hostError(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

export function cellOf(fake: FakeExcel, sheet: string, address: string) {
  const at = parseA1(address)!;
  return fake.sheet(sheet).cell(at.row, at.col);
}
