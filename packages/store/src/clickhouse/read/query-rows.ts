/** Runs a parameterized read and returns its rows; every read goes through here. */
import type { ClickHouse } from '../connect.js'

export async function queryRows<T>(
  ch: ClickHouse,
  query: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  // Optional parameters arrive as undefined; the query does not reference them then.
  const query_params = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined))
  const rs = await ch.client.query({ query, query_params, format: 'JSONEachRow' })
  return rs.json<T>()
}
