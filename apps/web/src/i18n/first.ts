// The messages of the first screen: the sign-in page, the shell and the board. The app loads these
// before it renders, and the rest of its language beside the first other page or dialog it opens
// (app/i18n.ts); the build writes each language's selection out in place of first.<lang>.ts, so the
// first download carries only these. A key used on the first screen but missing here still shows:
// its absence fetches the whole language and the screen renders again.

/** Each entry is a message or a group of them ("board" is every board.* message). */
export const FIRST_SCREEN_KEYS = [
  'app',
  'auth',
  'board',
  'nav',
  'header',
  'language',
  'roles',
  'pages',
  'views',
  'pipelines',
  'errors',
  'serverReasons',
  'serverFields',
  'orgZone',
  'clients.type',
  'cards.noTodo',
  'cards.deadline',
  'profile.title',
  'card.nav.duplicates',
  'campaigns.nav',
  'campaigns.lists.nav',
  'imports.nav',
] as const;

type Messages = Record<string, unknown>;

/** The first screen's messages out of a language's: each key with its plural forms (`count_one`, `count_other`). */
export function firstScreenMessages(messages: Messages, keys: readonly string[] = FIRST_SCREEN_KEYS): Messages {
  const out: Messages = {};
  for (const key of keys) {
    const path = key.split('.');
    const last = path.pop()!;
    const from = path.reduce<unknown>((group, part) => (group as Messages | undefined)?.[part], messages);
    if (!from || typeof from !== 'object') continue;
    const to = path.reduce((group, part) => (group[part] ??= {}) as Messages, out);
    for (const [name, value] of Object.entries(from)) if (name === last || name.startsWith(`${last}_`)) to[name] = value;
  }
  return out;
}
