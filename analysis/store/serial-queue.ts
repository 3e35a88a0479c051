/**
 * Runs async work one piece at a time, in call order. A DuckDB connection must never run two
 * statements at once: concurrent queries on one connection crash the native bindings
 * (duckdb/duckdb-node-neo#257, duckdb/duckdb#6248), and a UI fires API calls in parallel.
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}
