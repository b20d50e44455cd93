import { ALL_TEMPLATE_VARIABLES, currencyFractionDigits, CUSTOM_FIELD_PREFIX, TEMPLATE_HELPERS } from '@crm/shared';
import Handlebars from 'handlebars';
import { RichText } from './signature';

type Node = hbs.AST.Node;

/** What a template refers to: variable paths, and which of them are wrapped in `fallback`. */
export interface TemplateScan {
  variables: string[];
  /** Paths used only inside {{fallback path "..."}}: a missing value there is not a gap. */
  withFallback: string[];
  errors: string[];
}

const scans = new Map<string, TemplateScan>();

/** Reads a template's variables without running it; reports syntax errors, unknown helpers and {{{raw}}} output. */
export function scanTemplate(source: string): TemplateScan {
  let scan = scans.get(source);
  if (!scan) {
    if (scans.size >= MAX_CACHED) scans.delete(scans.keys().next().value!);
    scan = readTemplate(source);
    scans.set(source, scan);
  }
  return scan;
}

function readTemplate(source: string): TemplateScan {
  const variables = new Set<string>();
  const fallback = new Set<string>();
  const plain = new Set<string>();
  const errors: string[] = [];
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (err) {
    return { variables: [], withFallback: [], errors: [`Syntax error: ${(err as Error).message.split('\n')[0]}`] };
  }
  const pathOf = (n: Node | undefined) => (n && n.type === 'PathExpression' ? (n as hbs.AST.PathExpression).original : null);
  const visit = (node: Node | undefined, insideFallback = false, guarded: ReadonlySet<string> = new Set()): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach((n) => visit(n, false, guarded));
        return;
      case 'MustacheStatement':
      case 'SubExpression': {
        const m = node as hbs.AST.MustacheStatement;
        if (node.type === 'MustacheStatement' && !m.escaped) errors.push('Use {{...}}, not {{{...}}}: values are always escaped.');
        const head = pathOf(m.path);
        if (m.params.length === 0 && head) {
          variables.add(head);
          // Inside {{#if x}}, a missing x is no gap: the block is not shown.
          (insideFallback || guarded.has(head) ? fallback : plain).add(head);
          return;
        }
        if (head && !(TEMPLATE_HELPERS as readonly string[]).includes(head)) errors.push(`Unknown helper “${head}”. Use ${TEMPLATE_HELPERS.join(', ')}.`);
        m.params.forEach((p, i) => {
          const path = pathOf(p);
          if (path) {
            variables.add(path);
            (head === 'fallback' && i === 0 ? fallback : plain).add(path);
          } else visit(p, head === 'fallback', guarded);
        });
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const head = pathOf(b.path);
        if (head !== 'if' && head !== 'unless') errors.push(`Only {{#if}} and {{#unless}} blocks are supported, not {{#${head}}}.`);
        const conditions = b.params.map(pathOf).filter((p): p is string => !!p);
        for (const path of conditions) {
          variables.add(path);
          fallback.add(path); // a condition tolerates a missing value
        }
        visit(b.program, false, head === 'if' ? new Set([...guarded, ...conditions]) : guarded);
        visit(b.inverse, false, head === 'unless' ? new Set([...guarded, ...conditions]) : guarded);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        errors.push('Partials and decorators are not supported.');
        return;
      default:
        return;
    }
  };
  visit(ast);
  return { variables: [...variables].sort(), withFallback: [...fallback].filter((v) => !plain.has(v)).sort(), errors };
}

/** Variables a template uses that do not exist (for the save-time check). */
export function unknownVariables(scan: TemplateScan, customFieldLabels: string[]): string[] {
  const custom = new Set(customFieldLabels.map((l) => CUSTOM_FIELD_PREFIX + fieldKey(l)));
  return scan.variables.filter((v) => !ALL_TEMPLATE_VARIABLES.has(v) && !custom.has(v));
}

export interface RenderOptions {
  locale: string;
  timeZone: string;
}

/** The key of a custom field in templates: `{{card.fields.fleet_size}}` for "Fleet size". */
export function fieldKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Looks a dotted path up in the context. */
export function lookup(context: Record<string, any>, path: string): unknown {
  return lookupKeys(context, path.split('.'));
}

function lookupKeys(context: Record<string, any>, keys: readonly string[]): unknown {
  let v: any = context;
  for (const key of keys) {
    if (v == null) return undefined;
    v = v[key];
  }
  return v;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

// The variables a scan requires, with their paths split: worked out once per scan, not per mail.
const requiredOf = new WeakMap<TemplateScan, Array<{ name: string; keys: string[] }>>();
function required(scan: TemplateScan) {
  let list = requiredOf.get(scan);
  if (!list) {
    const tolerated = new Set(scan.withFallback);
    requiredOf.set(scan, (list = scan.variables.filter((v) => !tolerated.has(v)).map((name) => ({ name, keys: name.split('.') }))));
  }
  return list;
}

/** The variables a template would leave empty for this context (fallbacks and conditions excepted). */
export function missingValues(scan: TemplateScan, context: Record<string, any>): string[] {
  const missing: string[] = [];
  for (const v of required(scan)) if (isEmpty(lookupKeys(context, v.keys))) missing.push(v.name);
  return missing;
}

// Formatters are costly to make and rendering a bulk send makes the same ones thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
// The last date each formatter wrote: a bulk send writes the same `today` into every mail.
const lastDates = new WeakMap<Intl.DateTimeFormat, { time: number; text: string }>();
function formatDateOnce(f: Intl.DateTimeFormat, d: Date): string {
  const last = lastDates.get(f);
  if (last?.time === d.getTime()) return last.text;
  const text = f.format(d);
  lastDates.set(f, { time: d.getTime(), text });
  return text;
}
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** formatAmount's formatter, made once per language, currency and digits (it makes a new one per call). */
const moneyFormats = new Map<string, { format(n: number): string }>();
function moneyFormat(locale: string, currency: string, amount: number): { format(n: number): string } {
  const digits = currencyFractionDigits(currency, amount);
  const key = `${locale}|${currency}|${digits}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const style = { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 2) };
    try {
      f = numberFormat(locale, { style: 'currency', currency, ...style });
    } catch {
      const plain = numberFormat(locale, style);
      f = { format: (n) => `${plain.format(n)} ${currency}` };
    }
    if (moneyFormats.size >= MAX_CACHED) moneyFormats.clear();
    moneyFormats.set(key, f);
  }
  return f;
}

function helpers(options: RenderOptions) {
  const asDate = (v: unknown) => (v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null);
  const formatDate = (v: unknown, f: Intl.DateTimeFormat) => {
    const d = asDate(unwrap(v));
    return d && !Number.isNaN(d.getTime()) ? formatDateOnce(f, d) : '';
  };
  const long = dateFormat(options.locale, { dateStyle: 'long', timeZone: options.timeZone });
  const longWithTime = dateFormat(options.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: options.timeZone });
  return {
    date: (v: unknown) => formatDate(v, long),
    datetime: (v: unknown) => formatDate(v, longWithTime),
    money: (amount: unknown, currency: unknown) => {
      const a = unwrap(amount);
      const c = unwrap(currency);
      return typeof a === 'number' && typeof c === 'string' && /^[A-Z]{3}$/.test(c) ? moneyFormat(options.locale, c, a).format(a) : '';
    },
    fallback: (value: unknown, alternative: unknown) => (isEmpty(unwrap(value)) ? alternative : value),
  };
}

/** A value that prints formatted for the reader ({{card.value}}) but reaches helpers raw ({{money card.value ...}}). */
class Presented {
  constructor(
    readonly raw: unknown,
    private readonly shown: string,
  ) {}
  toString() {
    return this.shown;
  }
}

const unwrap = (v: unknown) => (v instanceof Presented ? v.raw : v);

interface Presenters {
  date: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
}

/**
 * The context with dates and numbers wrapped so that they print in the reader's language; rich text
 * (a signature) prints as its sanitized HTML in the HTML part and as text in the text part. Both
 * copies are made in one walk, with the formatters looked up once per mail.
 */
function presented(value: unknown, f: Presenters): { html: unknown; text: unknown } {
  if (value instanceof RichText) return { html: new Handlebars.SafeString(value.html), text: value.text };
  let shown: unknown = value;
  if (value instanceof Date) shown = new Presented(value, Number.isNaN(value.getTime()) ? '' : formatDateOnce(f.date, value));
  else if (typeof value === 'number') shown = new Presented(value, f.number.format(value));
  else if (Array.isArray(value)) shown = value.join(', ');
  else if (value && typeof value === 'object') {
    const html: Record<string, unknown> = {};
    const text: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const both = presented((value as Record<string, unknown>)[key], f);
      html[key] = both.html;
      text[key] = both.text;
    }
    return { html, text };
  }
  return { html: shown, text: shown };
}

/** For each top-level value a template uses, the keys of it used (null: the whole value). */
type Used = Map<string, string[] | null>;
const usedBy = new Map<string, Used>();

function usedValues(subject: string, body: string): Used {
  const key = `${subject}\u0000${body}`;
  let used = usedBy.get(key);
  if (!used) {
    used = new Map();
    for (const path of [...scanTemplate(subject).variables, ...scanTemplate(body).variables]) {
      const [head, sub] = path.split('.');
      const keys = used.get(head);
      if (sub === undefined || keys === null) used.set(head, null);
      else used.set(head, [...new Set([...(keys ?? []), sub])]);
    }
    if (usedBy.size >= MAX_CACHED) usedBy.delete(usedBy.keys().next().value!);
    usedBy.set(key, used);
  }
  return used;
}

/** Only the values a template uses, so that presenting a mail's context formats nothing it does not show. */
function pick(context: Record<string, any>, used: Used): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [head, keys] of used) {
    const value = context[head];
    if (keys === null || value === null || typeof value !== 'object' || value instanceof Date || value instanceof RichText || Array.isArray(value)) out[head] = value;
    else {
      const part: Record<string, unknown> = {};
      for (const k of keys) part[k] = value[k];
      out[head] = part;
    }
  }
  return out;
}

// A bulk send renders one template thousands of times: compile it once per language and time zone.
// Keyed by the template's text itself, so an edited template is compiled afresh (and the old one
// ages out); the same text read again is the same string, whose hash the engine keeps.
interface Engine {
  hb: typeof Handlebars;
  html: Map<string, HandlebarsTemplateDelegate>;
  text: Map<string, HandlebarsTemplateDelegate>;
  presenters: Presenters;
}
const engines = new Map<string, Engine>();
const MAX_CACHED = 500;

/** The Handlebars instance, compiled templates and formatters of a language and time zone. */
function engineFor(options: RenderOptions): Engine {
  const engineKey = `${options.locale}|${options.timeZone}`;
  let engine = engines.get(engineKey);
  if (!engine) {
    const hb = Handlebars.create();
    for (const [name, fn] of Object.entries(helpers(options))) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
    if (engines.size >= MAX_CACHED) engines.delete(engines.keys().next().value!);
    const presenters = { date: dateFormat(options.locale, { dateStyle: 'long', timeZone: options.timeZone }), number: numberFormat(options.locale) };
    engines.set(engineKey, (engine = { hb, html: new Map(), text: new Map(), presenters }));
  }
  return engine;
}

function compiled(engine: Engine, source: string, escape: boolean): HandlebarsTemplateDelegate {
  const templates = escape ? engine.html : engine.text;
  let template = templates.get(source);
  if (!template) {
    if (templates.size >= MAX_CACHED) templates.delete(templates.keys().next().value!);
    template = engine.hb.compile(source, { noEscape: !escape, knownHelpers: { date: true, datetime: true, money: true, fallback: true }, knownHelpersOnly: false });
    templates.set(source, template);
  }
  return template;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders subject and body for a context: HTML with every value escaped, and a plain-text part.
 * The body is plain text with line breaks; the HTML part keeps its paragraphs.
 */
export function renderMail(subject: string, body: string, context: Record<string, any>, options: RenderOptions): RenderedMail {
  const engine = engineFor(options);
  const data = presented(pick(context, usedValues(subject, body)), engine.presenters);
  const run = (source: string, escape: boolean) => compiled(engine, source, escape)(escape ? data.html : data.text);
  const htmlBody = run(body, true)
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return {
    subject: run(subject, false).replace(/\s+/g, ' ').trim(),
    text: run(body, false),
    html: `<!doctype html>\n<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5">\n${htmlBody}\n</body></html>\n`,
  };
}
