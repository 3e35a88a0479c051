import { useCallback, useState } from 'react';
import type { ApiMethodName, ApiParams, ApiResult } from '../../../analysis/api/contract.ts';
import { useApi } from '../../app/api-context.tsx';

/** One API method run on demand: its last result, whether it is running, and its error. */
export function useRun<M extends ApiMethodName>(method: M) {
  const api = useApi();
  const [result, setResult] = useState<ApiResult<M> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    (params: ApiParams<M>) => {
      setBusy(true);
      setError(null);
      api
        .call(method, params)
        .then((r) => setResult(r))
        .catch((e: unknown) => {
          setResult(null);
          setError(e);
        })
        .finally(() => setBusy(false));
    },
    [api, method],
  );
  return { result, busy, error, run };
}
