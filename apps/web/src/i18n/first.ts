// The messages of the first screen: the sign-in page, the shell and the board. The app loads these
// before it renders, and the rest of its language beside the first other page or dialog it opens
// (app/i18n.ts); the build writes each language's selection out in place of first.<lang>.ts, so the
// first download carries only these. A key used on the first screen but missing here still shows:
// its absence fetches the whole language and the screen renders again.

/** Each entry is a message or a group of them ("board" is every board.* message). */
export const FIRST_SCREEN_KEYS = [
  'app',
  'auth',
  // The board's, but for the new card dialog (it brings the whole language).
  'board.boardView',
  'board.listView',
  'board.viewToggle',
  'board.search',
  'board.loading',
  'board.loadError',
  'board.noStatusesTitle',
  'board.noStatusesBody',
  'board.moveFailed',
  'board.dismiss',
  'board.column',
  'board.card',
  'board.dnd',
  'nav',
  'header',
  'language',
  'roles',
  'pages.board',
  'pages.notFound',
  'pages.noAccess',
  'views.navLabel',
  'views.sharedSuffix',
  'pipelines.switcher',
  'pipelines.loadError',
  // Errors say what they can with these; the rarer reasons and field codes (serverReasons.*,
  // serverFields.*) come with the whole language, fetched when one is first needed.
  'errors',
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
