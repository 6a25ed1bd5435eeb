/**
 * A small ICU MessageFormat subset for catalogue strings:
 * `{name}`, `{count, plural, =0 {none} one {# item} other {# items}}` and
 * `{kind, select, pax8 {Pax8} other {Xero}}`. `#` inside a plural branch is the formatted number.
 */

export type MessageValue = string | number | Date | null | undefined;
export type MessageParams = Readonly<Record<string, MessageValue>>;

type MessageNode =
  | string
  | { readonly type: 'arg'; readonly name: string }
  | { readonly type: 'pound' }
  | { readonly type: 'plural' | 'select'; readonly name: string; readonly options: ReadonlyMap<string, MessageNode[]> };

export interface FormatContext {
  readonly plural: Intl.PluralRules;
  number(value: number): string;
  date(value: Date): string;
}

/** Parses a message into nodes; throws a SyntaxError naming the message when it is malformed. */
export function parseMessage(message: string): MessageNode[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new SyntaxError(`Malformed message ${JSON.stringify(message)} at ${i}: ${why}.`);
  };
  const readUntil = (stops: string): string => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    if (i >= message.length) fail(`expected one of ${JSON.stringify(stops)}`);
    return message.slice(start, i).trim();
  };

  const parseNodes = (inBranch: boolean): MessageNode[] => {
    const nodes: MessageNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push(text);
      text = '';
    };
    while (i < message.length) {
      const ch = message[i]!;
      if (ch === '{') {
        flush();
        i++;
        nodes.push(parseArgument());
      } else if (ch === '}') {
        if (!inBranch) fail('unexpected "}"');
        break;
      } else if (ch === '#' && inBranch) {
        flush();
        nodes.push({ type: 'pound' });
        i++;
      } else {
        text += ch;
        i++;
      }
    }
    flush();
    return nodes;
  };

  const parseArgument = (): MessageNode => {
    const name = readUntil(',}');
    if (!/^[A-Za-z_][\w]*$/.test(name)) fail(`bad argument name ${JSON.stringify(name)}`);
    if (message[i] === '}') {
      i++;
      return { type: 'arg', name };
    }
    i++;
    const kind = readUntil(',}');
    if (kind !== 'plural' && kind !== 'select') fail(`unknown argument type ${JSON.stringify(kind)}`);
    if (message[i] !== ',') fail('expected "," and branches');
    i++;
    const options = new Map<string, MessageNode[]>();
    for (;;) {
      while (i < message.length && /\s/.test(message[i]!)) i++;
      if (i >= message.length) fail('unclosed argument');
      if (message[i] === '}') {
        i++;
        break;
      }
      const key = readUntil('{');
      if (!key) fail('branch without a key');
      i++;
      const branch = parseNodes(true);
      if (message[i] !== '}') fail('unclosed branch');
      i++;
      options.set(key, branch);
    }
    if (!options.has('other')) fail(`${kind} without an "other" branch`);
    return { type: kind as 'plural' | 'select', name, options };
  };

  const nodes = parseNodes(false);
  return nodes;
}

/** The names of the arguments a message uses (for catalogue checks). */
export function messageArguments(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (nodes: MessageNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string' || node.type === 'pound') continue;
      names.add(node.name);
      if (node.type !== 'arg') for (const branch of node.options.values()) walk(branch);
    }
  };
  walk(parseMessage(message));
  return names;
}

const compiled = new Map<string, MessageNode[]>();

function formatValue(value: MessageValue, context: FormatContext): string {
  if (typeof value === 'number') return context.number(value);
  if (value instanceof Date) return context.date(value);
  return value == null ? '' : String(value);
}

function formatNodes(nodes: MessageNode[], params: MessageParams, context: FormatContext, pound?: number): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node;
    } else if (node.type === 'pound') {
      out += pound === undefined ? '#' : context.number(pound);
    } else if (node.type === 'arg') {
      out += node.name in params ? formatValue(params[node.name], context) : `{${node.name}}`;
    } else if (node.type === 'plural') {
      const n = Number(params[node.name]);
      const branch = node.options.get(`=${n}`) ?? node.options.get(Number.isFinite(n) ? context.plural.select(n) : 'other') ?? node.options.get('other')!;
      out += formatNodes(branch, params, context, n);
    } else {
      const branch = node.options.get(String(params[node.name])) ?? node.options.get('other')!;
      out += formatNodes(branch, params, context, pound);
    }
  }
  return out;
}

/** Formats a catalogue message with its parameters. */
export function formatMessage(message: string, params: MessageParams, context: FormatContext): string {
  let nodes = compiled.get(message);
  if (!nodes) {
    nodes = parseMessage(message);
    compiled.set(message, nodes);
  }
  return formatNodes(nodes, params, context);
}
