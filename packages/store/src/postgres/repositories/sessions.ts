import { and, eq, gt, lte } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { sessions } from '../schema/index.js'

/**
 * Dashboard sessions. The id is a hash of the cookie's token (the caller
 * hashes), so reading this table does not let anyone sign in.
 */

export interface DashboardSession {
  id: string
  userId: string
  createdAt: number
  expiresAt: number
}

export async function createSession(
  db: AssayDb,
  session: { id: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(session)
}

/** The session with this id if it has not expired. */
export async function findLiveSession(
  db: AssayDb,
  id: string,
  now: Date = new Date(),
): Promise<DashboardSession | null> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1)
  const row = rows[0]
  return row
    ? {
        id: row.id,
        userId: row.userId,
        createdAt: row.createdAt.getTime(),
        expiresAt: row.expiresAt.getTime(),
      }
    : null
}

export async function deleteSession(db: AssayDb, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id))
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: AssayDb, now: Date = new Date()): Promise<number> {
  const rows = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id })
  return rows.length
}
