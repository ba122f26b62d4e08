import { randomUUID } from 'node:crypto'
import { CreateProjectInput, DEFAULT_PROJECT_ID, type Project } from '@assay/core'
import { asc, eq, gt } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { projects } from '../schema/index.js'

/** Projects: the tenant rows every other table hangs from. */

type ProjectRow = typeof projects.$inferSelect

function toProject(row: ProjectRow): Project {
  return { id: row.id, name: row.name, description: row.description, createdAt: row.createdAt.getTime() }
}

/**
 * Creates the `default` project if it is missing and returns it. Safe when
 * several servers start at once: the insert ignores a conflict, and
 * everyone then reads the one row that won.
 */
export async function ensureDefaultProject(db: AssayDb): Promise<Project> {
  await db.insert(projects).values({ id: DEFAULT_PROJECT_ID, name: DEFAULT_PROJECT_ID }).onConflictDoNothing()
  const project = await getProject(db, DEFAULT_PROJECT_ID)
  if (!project) {
    throw new Error(
      `cannot create the '${DEFAULT_PROJECT_ID}' project: another project already has the name '${DEFAULT_PROJECT_ID}'`,
    )
  }
  return project
}

export async function getProject(db: AssayDb, id: string): Promise<Project | null> {
  const rows = await db.select().from(projects).where(eq(projects.id, id)).limit(1)
  return rows[0] ? toProject(rows[0]) : null
}

export interface ListProjectsOptions {
  /** At most 1000. */
  limit?: number
  /** Keyset cursor: the id of the last project of the previous page. */
  after?: string
}

/** Projects ordered by id, one page at a time. */
export async function listProjects(db: AssayDb, options: ListProjectsOptions = {}): Promise<Project[]> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
  const rows = await db
    .select()
    .from(projects)
    .where(options.after === undefined ? undefined : gt(projects.id, options.after))
    .orderBy(asc(projects.id))
    .limit(limit)
  return rows.map(toProject)
}

/** Creates a project; null when its id or name is already taken. */
export async function createProject(db: AssayDb, input: CreateProjectInput): Promise<Project | null> {
  const { id, name, description } = CreateProjectInput.parse(input)
  const rows = await db
    .insert(projects)
    .values({ id: id ?? slugFromName(name), name, description })
    .onConflictDoNothing()
    .returning()
  return rows[0] ? toProject(rows[0]) : null
}

function slugFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 63)
  return slug === '' ? `p-${randomUUID().slice(0, 8)}` : slug
}

const PROJECTS_SCOPE = 'projects:id:asc'

/** `listProjects` with an opaque, tamper-evident cursor (a bad one throws InvalidCursorError). */
export async function listProjectPage(
  db: AssayDb,
  options: { limit?: number; cursor?: string } = {},
): Promise<{ items: Project[]; nextCursor?: string }> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
  const after =
    options.cursor === undefined
      ? undefined
      : decodeCursor(options.cursor, PROJECTS_SCOPE, [/^[a-z0-9][a-z0-9_-]{0,62}$/])[0]
  const rows = await db
    .select()
    .from(projects)
    .where(after === undefined ? undefined : gt(projects.id, after))
    .orderBy(asc(projects.id))
    .limit(limit + 1)
    .then((r) => r.map(toProject))
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return rows.length > limit && last
    ? { items, nextCursor: encodeCursor(PROJECTS_SCOPE, [last.id]) }
    : { items }
}
