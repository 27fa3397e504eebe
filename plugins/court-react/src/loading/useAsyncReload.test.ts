import { act, renderHook, waitFor } from '@testing-library/react';
import { useAsyncReload } from './useAsyncReload';

/** A load the test answers by hand, in any order. */
function deferredLoads() {
  const pending: Array<{
    key: string;
    resolve(value: string): void;
    reject(error: Error): void;
  }> = [];
  return {
    pending,
    load: (key: string) => () =>
      new Promise<string>((resolve, reject) => {
        pending.push({ key, resolve, reject });
      }),
  };
}

describe('useAsyncReload', () => {
  it('loads again on retry while a load is out, and shows the newest answer', async () => {
    const loads = deferredLoads();
    const { result } = renderHook(() =>
      useAsyncReload(loads.load('2027-01'), ['2027-01']),
    );
    expect(result.current.loading).toBe(true);
    // The page changes something while its first load is still out, then reloads.
    act(() => result.current.retry());
    await waitFor(() => expect(loads.pending).toHaveLength(2));
    await act(async () => loads.pending[1].resolve('after the change'));
    await act(async () => loads.pending[0].resolve('before the change'));
    expect(result.current.value).toBe('after the change');
    expect(result.current.loading).toBe(false);
  });

  it('does not show the previous deps’ answer or error as the new ones’', async () => {
    const loads = deferredLoads();
    const { result, rerender } = renderHook(
      ({ month }) => useAsyncReload(loads.load(month), [month]),
      { initialProps: { month: '2026-12' } },
    );
    await act(async () => loads.pending[0].reject(new Error('no roster')));
    expect(result.current.error?.message).toBe('no roster');

    rerender({ month: '2027-01' });
    expect(result.current.error).toBeUndefined();
    expect(result.current.value).toBeUndefined();
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(loads.pending).toHaveLength(2));
    await act(async () => loads.pending[1].resolve('January'));
    expect(result.current).toMatchObject({ value: 'January', loading: false });
  });

  it('keeps the answer on screen while the same deps load again', async () => {
    const loads = deferredLoads();
    const { result } = renderHook(() => useAsyncReload(loads.load('x'), ['x']));
    await act(async () => loads.pending[0].resolve('first'));
    act(() => result.current.retry());
    expect(result.current).toMatchObject({ value: 'first', loading: true });
    await waitFor(() => expect(loads.pending).toHaveLength(2));
    await act(async () => loads.pending[1].reject(new Error('gone')));
    expect(result.current.value).toBeUndefined();
    expect(result.current.error?.message).toBe('gone');
  });
});
