// Rejects everything in an MDX body that could execute code at build time or
// in a reader's browser, or make the page load something from elsewhere.
import { ALLOWED_COMPONENTS, ALLOWED_HTML, FORBIDDEN_ELEMENTS, UNSAFE_URL } from '../../schema/allowed-components.ts';
import { visit } from 'unist-util-visit';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { codeSpanRanges, isInsideFence, parseMdx } from '../mdx.ts';
import type { ContentFile } from '../source.ts';
import type { Problem } from '../problem.ts';
import type { RuleId } from '../rule-ids.ts';
import type { Root } from 'mdast';

const HIDDEN_DANGER = /<\s*(script|iframe|object|embed|style|form)\b|\bon[a-z]+\s*=|javascript:|data:|vbscript:/i;

export interface SafetyResult {
  problems: Problem[];
  /** The parsed body, when it parsed; later rules reuse it. */
  tree?: Root;
}

export function checkMdxSafety(content: ContentFile): SafetyResult {
  const problems: Problem[] = [];
  const report = (line: number, column: number, rule: RuleId, message: string, fix: string) =>
    problems.push({ file: content.file, line: line + content.bodyLine - 1, column, rule, message, fix });

  // HTML comments are not MDX; they are also a classic place to hide markup from a reviewer.
  const lines = content.body.split('\n');
  let body = content.body;
  const commentPattern = /<!--[\s\S]*?(-->|$)/g;
  const codeSpans = codeSpanRanges(content.body);
  for (const match of content.body.matchAll(commentPattern)) {
    const before = content.body.slice(0, match.index);
    const lineIndex = before.split('\n').length - 1;
    if (isInsideFence(lines, lineIndex)) continue;
    // `<!-- like this -->` in inline code is an example, shown as text.
    if (codeSpans.some(([start, end]) => match.index > start && match.index < end)) continue;
    const column = match.index - before.lastIndexOf('\n');
    const hides = HIDDEN_DANGER.exec(match[0]);
    report(
      lineIndex + 1,
      column,
      'html-comment',
      hides ? `HTML comment hides active content (${hides[0].trim()})` : 'HTML comments are not allowed in MDX',
      'delete the comment; write notes for reviewers in the pull request instead',
    );
    body = body.slice(0, match.index) + match[0].replace(/[^\n]/g, ' ') + body.slice(match.index + match[0].length);
  }

  const parsed = parseMdx(body);
  if (!parsed.ok) {
    report(
      parsed.line,
      parsed.column,
      'mdx-syntax',
      `body is not valid MDX: ${parsed.reason}`,
      'escape a literal { or < as \\{ or \\<, or close the tag',
    );
    return { problems };
  }

  // Image references resolve through definitions: collect them first.
  const definitions = new Map<string, string>();
  visit(parsed.tree, 'definition', (node) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });

  visit(parsed.tree, (node) => {
    const line = node.position?.start.line ?? 1;
    const column = node.position?.start.column ?? 1;
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          line,
          column,
          'mdx-esm',
          'import and export statements are not allowed',
          'remove the statement; the allowed components are available without importing',
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(
          line,
          column,
          'mdx-expression',
          `JavaScript expression {${node.value.slice(0, 40)}} is not allowed`,
          'write the text literally, or escape the brace as \\{',
        );
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, line, column, report);
        break;
      case 'link':
      case 'image':
      case 'imageReference':
      case 'definition': {
        const url = node.type === 'imageReference' ? (definitions.get(node.identifier.toLowerCase()) ?? '') : node.url;
        const isImage = node.type === 'image' || node.type === 'imageReference';
        if (UNSAFE_URL.test(url)) {
          report(line, column, 'unsafe-url', `${node.type} uses a ${url.split(':')[0]}: URL`, 'link to an https:// page instead');
        } else if (isImage && !isSameSiteImage(url)) {
          report(
            line,
            column,
            'remote-image',
            `image does not load from this site (${url})`,
            'pages make no third-party requests: put the image in public/ and use a /path, or link to it instead',
          );
        } else if (/^http:\/\//i.test(url)) {
          report(line, column, 'insecure-link', `link uses plain http (${url})`, 'use the https:// address');
        }
        break;
      }
      case 'html':
        report(line, column, 'raw-html', 'raw HTML is not allowed', 'use Markdown, or one of the components listed in CONTRIBUTING.md');
        break;
    }
  });
  return { problems, tree: parsed.tree };
}

/** Only plain root-relative paths: no scheme, no "//host", no "/\\host" that browsers treat as a host. */
export function isSameSiteImage(url: string): boolean {
  return /^\/[A-Za-z0-9._~-]/.test(url) && !/[\\]/.test(url) && !url.startsWith('//');
}

function checkElement(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  line: number,
  column: number,
  report: (line: number, column: number, rule: RuleId, message: string, fix: string) => void,
): void {
  const { name } = node;
  if (name === null) {
    report(line, column, 'mdx-element', 'fragments (<>...</>) are not allowed', 'remove the fragment tags');
    return;
  }
  const lower = name.toLowerCase();
  const allowed = ALLOWED_COMPONENTS[name] ?? ALLOWED_HTML[name];
  if (!allowed) {
    if (FORBIDDEN_ELEMENTS.has(lower)) {
      report(
        line,
        column,
        'forbidden-element',
        `<${name}> is not allowed in content`,
        'remove it; content is Markdown plus the documented components',
      );
    } else {
      report(
        line,
        column,
        'mdx-element',
        `<${name}> is not an allowed element or component`,
        `use Markdown or one of: ${Object.keys({ ...ALLOWED_COMPONENTS, ...ALLOWED_HTML }).join(', ')}`,
      );
    }
  }
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(
        line,
        column,
        'mdx-expression',
        `spread attribute {${String(attribute.value).slice(0, 40)}} on <${name}> is not allowed`,
        'write each attribute as name="text"',
      );
      continue;
    }
    const attrName = attribute.name;
    const value = attribute.value;
    if (/^on/i.test(attrName)) {
      report(
        line,
        column,
        'event-handler',
        `event handler attribute ${attrName} on <${name}> is not allowed`,
        'remove the attribute; content cannot run scripts',
      );
      continue;
    }
    if (value && typeof value === 'object') {
      report(
        line,
        column,
        'mdx-expression',
        `attribute ${attrName} on <${name}> uses a JavaScript expression`,
        `write ${attrName}="text" with a plain string`,
      );
      continue;
    }
    if (typeof value === 'string' && UNSAFE_URL.test(value)) {
      report(line, column, 'unsafe-url', `attribute ${attrName} on <${name}> uses a ${value.split(':')[0]}: URL`, 'remove the attribute');
      continue;
    }
    if (!allowed) continue;
    const rule = allowed.attributes[attrName];
    if (rule === undefined) {
      report(
        line,
        column,
        'mdx-attribute',
        `<${name}> does not take the attribute ${attrName}`,
        `allowed attributes: ${Object.keys(allowed.attributes).join(', ') || 'none'}`,
      );
    } else if (Array.isArray(rule) && (typeof value !== 'string' || !rule.includes(value))) {
      report(line, column, 'mdx-attribute', `<${name} ${attrName}> must be one of ${rule.join(', ')}`, `write ${attrName}="${rule[0]}"`);
    } else if (rule === 'text' && (typeof value !== 'string' || value.trim() === '')) {
      report(line, column, 'mdx-attribute', `<${name} ${attrName}> needs a non-empty text value`, `write ${attrName}="..."`);
    }
  }
}
