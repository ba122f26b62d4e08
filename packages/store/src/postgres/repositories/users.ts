import { and, eq, isNull } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { users } from '../schema/index.js'

/**
 * Dashboard users. Today there is one: the admin, who signs in with the
 * admin secret. Its row holds the hash of a secret generated at first
 * start (none when `ASSAY_ADMIN_SECRET` is set: that one is never stored)
 * and anchors the admin's sessions.
 */

export const ADMIN_USER_ID = 'admin'

export interface AdminUser {
  id: string
  /** The stored hash of a generated admin secret, or null when none was generated. */
  secretHash: string | null
}

/** Creates the admin row if missing (safe when servers start at once) and returns it. */
export async function ensureAdminUser(db: AssayDb): Promise<AdminUser> {
  await db
    .insert(users)
    .values({ id: ADMIN_USER_ID, email: ADMIN_USER_ID, name: 'Administrator' })
    .onConflictDoNothing()
  const rows = await db.select().from(users).where(eq(users.id, ADMIN_USER_ID)).limit(1)
  if (!rows[0]) throw new Error(`cannot create the '${ADMIN_USER_ID}' user: the email is taken`)
  return { id: rows[0].id, secretHash: rows[0].passwordHash }
}

/**
 * Stores the hash of a generated admin secret unless one is stored
 * already. True when this call stored it: of several servers starting at
 * once, exactly one wins, and only it may show its secret.
 */
export async function setAdminSecretHashIfUnset(db: AssayDb, secretHash: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ passwordHash: secretHash })
    .where(and(eq(users.id, ADMIN_USER_ID), isNull(users.passwordHash)))
    .returning({ id: users.id })
  return rows.length === 1
}

export async function recordAdminSignIn(db: AssayDb, at: Date = new Date()): Promise<void> {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, ADMIN_USER_ID))
}
