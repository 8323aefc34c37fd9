// The part of the Handlebars template language that balena's device contracts use in their
// install instructions: `{{path}}` (HTML-escaped), `{{{path}}}` (raw), `{{helper path}}`,
// `{{#each path}}…{{/each}}` with `this`, and `{{#if path}}…{{/if}}`. A few lines of our own instead
// of a dependency: the contracts need nothing more.

/** Functions a template may call as `{{name argument}}`. */
export type TemplateHelpers = Readonly<Record<string, (value: unknown) => string>>;

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'value'; expression: string; raw: boolean }
  | { kind: 'block'; helper: 'each' | 'if'; expression: string; body: Node[] };

const MUSTACHE = /\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{\s*([^}]*?)\s*\}\}/g;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; helper?: string }[] = [{ nodes: root }];
  let last = 0;
  for (const match of template.matchAll(MUSTACHE)) {
    const current = stack[stack.length - 1] as { nodes: Node[]; helper?: string };
    if (match.index > last) current.nodes.push({ kind: 'text', text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const raw = match[1] !== undefined;
    const content = (match[1] ?? match[2] ?? '').trim();
    const block = /^#(each|if)\s+(.+)$/.exec(content);
    if (!raw && block) {
      const node: Node = { kind: 'block', helper: block[1] as 'each' | 'if', expression: block[2] as string, body: [] };
      current.nodes.push(node);
      stack.push({ nodes: node.body, helper: node.helper });
    } else if (!raw && /^\/(each|if)$/.test(content)) {
      if (stack.length === 1 || `/${current.helper}` !== content) throw new Error(`Unexpected {{${content}}}`);
      stack.pop();
    } else {
      current.nodes.push({ kind: 'value', expression: content, raw });
    }
  }
  if (stack.length !== 1) throw new Error('Unclosed block in template');
  if (last < template.length) root.push({ kind: 'text', text: template.slice(last) });
  return root;
}

// `deviceType.data.media.altBoot.[0]` → ['deviceType', 'data', 'media', 'altBoot', '0'].
function lookUp(context: unknown, path: string): unknown {
  if (path === 'this' || path === '.') return context;
  const segments = path.replace(/^this\./, '').split('.');
  let value: unknown = context;
  for (const segment of segments) {
    if (value === null || value === undefined) return undefined;
    const key = segment.startsWith('[') && segment.endsWith(']') ? segment.slice(1, -1) : segment;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function evaluate(expression: string, context: unknown, helpers: TemplateHelpers): unknown {
  const [first = '', argument] = expression.split(/\s+/, 2);
  const helper = argument === undefined ? undefined : helpers[first];
  if (helper && argument !== undefined) return helper(lookUp(context, argument));
  return lookUp(context, first);
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

function toText(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  return String(value);
}

function render(nodes: readonly Node[], context: unknown, helpers: TemplateHelpers): string {
  let output = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      output += node.text;
    } else if (node.kind === 'value') {
      const text = toText(evaluate(node.expression, context, helpers));
      output += node.raw ? text : text.replace(/[&<>"'`=]/g, (character) => ESCAPES[character] ?? character);
    } else if (node.helper === 'if') {
      if (isTruthy(evaluate(node.expression, context, helpers))) output += render(node.body, context, helpers);
    } else {
      const items = evaluate(node.expression, context, helpers);
      if (Array.isArray(items)) for (const item of items) output += render(node.body, item, helpers);
    }
  }
  return output;
}

/**
 * Renders a template against a context.
 *
 * @param template - the template text
 * @param context - the object paths are read from
 * @param helpers - functions the template may call
 * @returns the rendered text
 * @throws Error for an unbalanced block
 */
export function renderTemplate(template: string, context: unknown, helpers: TemplateHelpers = {}): string {
  return render(parse(template), context, helpers);
}
